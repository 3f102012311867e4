# label: vulnerable path
from flask import Flask, request

app = Flask(__name__)

@app.route("/note")
def note():
    name = request.args.get("name", "").replace("../", "")
    with open("/srv/notes/" + name) as fh:
        return fh.read()
