import jinja2
from jinja2 import Environment, FileSystemLoader


def renderer(template_dir):
    # expect: py-jinja2-autoescape-disabled
    env = Environment(loader=FileSystemLoader(template_dir))
    return env


def unsafe(template_dir):
    # expect: py-jinja2-autoescape-disabled
    return jinja2.Environment(loader=jinja2.PackageLoader("shop"), autoescape=False)


def inline(comment):
    # expect: py-jinja2-autoescape-disabled
    return jinja2.Template("<p>{{ body }}</p>").render(body=comment)
