# label: vulnerable path
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/ls")
def ls():
    folder = request.cookies.get("folder", "public")
    return "\n".join(os.listdir("/srv/" + folder))
