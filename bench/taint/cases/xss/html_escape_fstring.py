# label: safe xss
import html
from flask import Flask, request

app = Flask(__name__)

@app.route("/search")
def search():
    q = html.escape(request.args.get("q", ""))
    return f"<p>No results for <b>{q}</b></p>"
