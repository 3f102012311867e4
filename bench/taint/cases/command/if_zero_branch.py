# label: safe command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/flush", methods=["POST"])
def flush():
    name = request.form.get("cache", "default")
    if 0:
        os.system("redis-cli DEL " + name)
    os.system("redis-cli FLUSHDB")
    return "flushed"
