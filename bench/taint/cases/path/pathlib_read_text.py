# label: vulnerable path
from pathlib import Path
from flask import Flask, request

app = Flask(__name__)
DOCS = Path("/srv/docs")

@app.route("/doc")
def doc():
    name = request.args.get("name", "index.md")
    return (DOCS / name).read_text()
