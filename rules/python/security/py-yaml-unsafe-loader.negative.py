import yaml


class ConfigSafeLoader(yaml.SafeLoader):
    pass


def read_manifest(stream):
    return yaml.load(stream, Loader=yaml.SafeLoader)


def read_fast(stream):
    return yaml.load(stream, yaml.CSafeLoader)


def read_custom(stream):
    return yaml.load(stream, Loader=ConfigSafeLoader)


def parse(request):
    return yaml.safe_load(request.data)


def strings_only(text):
    return yaml.load(text, Loader=yaml.BaseLoader)
