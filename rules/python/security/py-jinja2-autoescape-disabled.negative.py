import jinja2
import simpy
from jinja2 import Environment, FileSystemLoader, select_autoescape


def renderer(template_dir):
    return Environment(
        loader=FileSystemLoader(template_dir),
        autoescape=select_autoescape(["html", "xml"]),
    )


def strict(template_dir):
    return jinja2.Environment(loader=FileSystemLoader(template_dir), autoescape=True)


def simulation():
    return simpy.Environment()
