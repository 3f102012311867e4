# label: vulnerable command
import subprocess
from flask import Flask, request

app = Flask(__name__)

def run_shell(command):
    proc = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE)
    return proc.communicate()[0]

@app.route("/convert")
def convert():
    src = request.args.get("src")
    return run_shell("convert " + src + " /tmp/out.png")
