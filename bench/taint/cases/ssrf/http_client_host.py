# label: vulnerable ssrf
import http.client
from flask import Flask, request

app = Flask(__name__)

@app.route("/probe")
def probe():
    conn = http.client.HTTPConnection(request.args.get("host"), timeout=3)
    conn.request("GET", "/")
    return str(conn.getresponse().status)
