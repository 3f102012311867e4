import yaml


def read_config(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def parse_upload(request):
    return yaml.load(request.body, Loader=yaml.SafeLoader)


def documents(text):
    return list(yaml.safe_load_all(text))


def fast(text):
    return yaml.load(text, Loader=yaml.CSafeLoader)


def dump(data):
    return yaml.dump(data)


def other(loader, path):
    return loader.load(path)
