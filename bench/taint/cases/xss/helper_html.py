# label: vulnerable xss
from flask import Flask, request

app = Flask(__name__)

def card(title, body):
    return "<div class='card'><h2>{}</h2><p>{}</p></div>".format(title, body)

@app.route("/card")
def show_card():
    return card("Notice", request.args.get("text", ""))
