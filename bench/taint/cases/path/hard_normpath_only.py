# label: vulnerable path
import os
from flask import Flask, request, send_file

app = Flask(__name__)

@app.route("/asset")
def asset():
    rel = os.path.normpath(request.args.get("p", ""))
    return send_file(os.path.join("/srv/assets", rel))
