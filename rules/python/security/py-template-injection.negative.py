from flask import Flask, render_template_string, request
from jinja2 import Template

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=name)


def from_file(path, context):
    with open(path) as fh:
        return Template(fh.read()).render(**context)
