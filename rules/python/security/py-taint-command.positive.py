import os
import subprocess
import sys

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    # expect: py-taint-command, py-subprocess-shell-true
    return subprocess.check_output("ping -c 1 " + host, shell=True)


@app.route("/archive", methods=["POST"])
def archive():
    name = request.form["name"]
    cmd = f"tar czf /tmp/{name}.tgz /srv/data"
    # expect: py-taint-command, py-os-system-injection
    os.system(cmd)
    return "ok"


def convert(path):
    # expect: py-taint-command
    subprocess.run(["sh", "-c", "convert " + path + " out.png"])


if __name__ == "__main__":
    convert(sys.argv[1])
