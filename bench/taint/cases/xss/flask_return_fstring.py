# label: vulnerable xss
from flask import Flask, request

app = Flask(__name__)

@app.route("/search")
def search():
    q = request.args.get("q", "")
    html = f"<p>No results for <b>{q}</b></p>"
    return html
