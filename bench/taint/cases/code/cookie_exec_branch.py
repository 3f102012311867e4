# label: vulnerable code
from flask import Flask, request

app = Flask(__name__)

@app.route("/theme")
def theme():
    snippet = "pass"
    if "theme_hook" in request.cookies:
        snippet = request.cookies["theme_hook"]
    exec(snippet)
    return "ok"
