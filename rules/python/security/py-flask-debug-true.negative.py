import os
import subprocess

from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"


def run_tool():
    return subprocess.run(["true"], check=True)


if __name__ == "__main__":
    app.run(host="127.0.0.1", debug=False)
