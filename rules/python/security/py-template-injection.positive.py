from flask import Flask, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    # expect: py-template-injection, py-taint-xss
    return render_template_string(f"<h1>Hello {name}!</h1>")


@app.route("/page")
def page():
    template = "<p>" + request.args.get("body", "") + "</p>"
    # expect: py-template-injection, py-taint-xss
    return render_template_string(template)


def greeting(user):
    # expect: py-template-injection
    return Template("Dear %s, {{ body }}" % user.name).render(body="...")


def render_snippet(env: Environment, label):
    # expect: py-template-injection
    return env.from_string("<b>{}</b>{{{{ value }}}}".format(label)).render(value=1)
