# label: safe command
import os
from flask import Flask, request

app = Flask(__name__)

def cleanup_command(user):
    return "find /tmp -mtime +7 -delete"

@app.route("/cleanup", methods=["POST"])
def cleanup():
    os.system(cleanup_command(request.form.get("user")))
    return "ok"
