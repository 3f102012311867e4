import yaml


def read_config(path):
    with open(path) as fh:
        # expect: py-yaml-load
        return yaml.load(fh)


def parse_upload(request):
    # expect: py-yaml-load, py-taint-deserialization
    return yaml.load(request.body)


def documents(text):
    # expect: py-yaml-load
    return list(yaml.load_all(text))
