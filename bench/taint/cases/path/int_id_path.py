# label: safe path
from flask import Flask, request

app = Flask(__name__)

@app.route("/invoice")
def invoice():
    number = int(request.args.get("n", "0"))
    with open("/srv/invoices/%d.pdf" % number, "rb") as fh:
        return fh.read()
