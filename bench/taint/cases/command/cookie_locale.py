# label: vulnerable command
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/date")
def date():
    locale = request.cookies.get("locale", "C")
    return subprocess.check_output("LC_ALL=" + locale + " date", shell=True)
