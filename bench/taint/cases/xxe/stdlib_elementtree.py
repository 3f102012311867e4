# label: safe xxe
import xml.etree.ElementTree as ET
from flask import Flask, request

app = Flask(__name__)

@app.route("/svg", methods=["POST"])
def svg():
    root = ET.fromstring(request.data)
    return root.get("width", "")
