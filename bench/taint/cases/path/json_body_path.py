# label: vulnerable path
from flask import Flask, request

app = Flask(__name__)

@app.route("/save", methods=["POST"])
def save():
    data = request.get_json()
    with open("/srv/notes/" + data["title"] + ".txt", "w") as fh:
        fh.write(data["body"])
    return "ok"
