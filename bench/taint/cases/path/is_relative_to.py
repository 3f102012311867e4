# label: safe path
from pathlib import Path
from flask import Flask, abort, request

app = Flask(__name__)
DOCS = Path("/srv/docs").resolve()

@app.route("/doc")
def doc():
    target = (DOCS / request.args.get("name", "index.md")).resolve()
    if not target.is_relative_to(DOCS):
        abort(403)
    return target.read_text()
