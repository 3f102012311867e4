# label: vulnerable redirect
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/done")
def done():
    back = request.cookies.get("return_to")
    if back:
        return redirect(back)
    return redirect("/")
