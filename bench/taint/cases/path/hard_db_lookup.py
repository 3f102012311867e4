# label: safe path
from flask import Flask, abort, request, send_file
from app.models import Document

app = Flask(__name__)

@app.route("/doc")
def doc():
    record = Document.query.get(request.args.get("id"))
    if record is None:
        abort(404)
    return send_file(record.stored_path)
