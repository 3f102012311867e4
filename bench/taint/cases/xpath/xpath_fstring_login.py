# label: vulnerable xpath
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("/srv/data/accounts.xml")

@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    pw = request.form["password"]
    query = f"//account[user='{user}' and password='{pw}']"
    return "ok" if doc.xpath(query) else "denied"
