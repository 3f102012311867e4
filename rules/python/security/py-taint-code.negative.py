import ast
import re

from flask import Flask, request

app = Flask(__name__)
OPERATIONS = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "[1, 2]")
    return str(ast.literal_eval(expr))


@app.route("/op")
def op():
    name = request.args.get("op", "add")
    return str(OPERATIONS[name](1, 2))


@app.route("/match")
def match():
    pattern = re.compile(request.args.get("q", ""))
    return str(bool(pattern.search("abc")))


@app.route("/version")
def version():
    request.args.get("x")
    return str(eval("1 + 2"))
