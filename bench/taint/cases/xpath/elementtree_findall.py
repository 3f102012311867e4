# label: vulnerable xpath
import xml.etree.ElementTree as ET
from flask import Flask, request

app = Flask(__name__)
root = ET.parse("/srv/books.xml").getroot()

@app.route("/books")
def books():
    author = request.args.get("author", "")
    return str(len(root.findall(".//book[@author='" + author + "']")))
