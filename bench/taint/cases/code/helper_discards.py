# label: safe code
from flask import Flask, request

app = Flask(__name__)

def default_expression(user_text):
    return "0"

@app.route("/expr")
def expr():
    return str(eval(default_expression(request.args.get("e"))))
