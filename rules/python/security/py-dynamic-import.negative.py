import importlib


def exporter(fmt):
    if fmt == "json":
        return importlib.import_module("exporters.json")
    return importlib.import_module("exporters.csv")


def json_module():
    return __import__("json")


def yaml_module():
    return importlib.import_module("yaml")
