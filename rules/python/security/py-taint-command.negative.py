import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)
ALLOWED_HOSTS = ("localhost", "db", "cache")


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    return subprocess.check_output(["ping", "-c", "1", host])


@app.route("/ping2")
def ping_quoted():
    host = request.args.get("host", "localhost")
    # expect: py-subprocess-shell-true
    return subprocess.check_output("ping -c 1 " + shlex.quote(host), shell=True)


@app.route("/ping3")
def ping_known():
    host = request.args.get("host", "localhost")
    if host not in ALLOWED_HOSTS:
        return "unknown host", 400
    # expect: py-subprocess-shell-true
    return subprocess.check_output("ping -c 1 " + host, shell=True)


@app.route("/disk")
def disk():
    request.args.get("verbose")
    cmd = "df -h"
    # expect: py-os-system-injection
    return os.popen(cmd).read()
