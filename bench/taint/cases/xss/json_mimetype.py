# label: safe xss
import json
from flask import Flask, Response, request

app = Flask(__name__)

@app.route("/api/search")
def api_search():
    q = request.args.get("q", "")
    return Response(json.dumps({"query": q}), mimetype="application/json")
