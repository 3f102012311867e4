# label: safe redirect
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/docs")
def docs():
    page = request.args.get("page", "index")
    return redirect("https://docs.example.com/" + page)
