# label: vulnerable path
import os
from flask import Flask

app = Flask(__name__)

@app.route("/workspace/<name>", methods=["POST"])
def create_workspace(name):
    os.makedirs("/srv/workspaces/" + name, exist_ok=True)
    return "created"
