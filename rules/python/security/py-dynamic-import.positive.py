import importlib


def exporter(request):
    fmt = request.args.get("format")
    # expect: py-dynamic-import
    module = importlib.import_module(f"exporters.{fmt}")
    return module.export


def load(name):
    # expect: py-dynamic-import
    return __import__(name)


def backend(settings):
    # expect: py-dynamic-import
    return importlib.import_module(settings["BACKEND"])
