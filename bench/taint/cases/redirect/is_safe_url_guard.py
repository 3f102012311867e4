# label: safe redirect
from flask import Flask, abort, redirect, request
from app.security import is_safe_url

app = Flask(__name__)

@app.route("/continue")
def cont():
    nxt = request.args.get("next", "/")
    if not is_safe_url(nxt):
        abort(400)
    return redirect(nxt)
