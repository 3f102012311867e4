from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "1+1")
    # expect: py-taint-code, py-eval-injection
    return str(eval(expr))


def run_hook(source):
    # expect: py-eval-injection
    code = compile(source, "<hook>", "exec")
    # expect: py-eval-injection
    exec(code)


@app.route("/hook", methods=["POST"])
def hook():
    body = request.get_data(as_text=True)
    wrapped = "def hook():\n" + body
    # expect: py-taint-code, py-eval-injection
    exec(wrapped)
    return "ok"
