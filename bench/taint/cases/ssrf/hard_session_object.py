# label: vulnerable ssrf
import requests
from flask import Flask, request

app = Flask(__name__)
http = requests.Session()

@app.route("/preview")
def preview():
    return http.get(request.args["url"], timeout=5).text
