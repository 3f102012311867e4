# label: safe path
from flask import Flask, request, send_file

app = Flask(__name__)
FILES = {"terms": "/srv/legal/terms.pdf", "privacy": "/srv/legal/privacy.pdf"}

@app.route("/legal")
def legal():
    doc = request.args.get("doc", "terms")
    return send_file(FILES.get(doc, FILES["terms"]))
