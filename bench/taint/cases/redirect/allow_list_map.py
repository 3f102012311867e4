# label: safe redirect
from flask import Flask, redirect, request

app = Flask(__name__)
DESTINATIONS = {"home": "/", "settings": "/settings", "help": "/help"}

@app.route("/nav")
def nav():
    key = request.args.get("to", "home")
    return redirect(DESTINATIONS.get(key, "/"))
