import yaml


def read_manifest(stream):
    # expect: py-yaml-unsafe-loader
    return yaml.load(stream, Loader=yaml.Loader)


def read_fast(stream):
    # expect: py-yaml-unsafe-loader
    return yaml.load(stream, yaml.CLoader)


def parse(request):
    # expect: py-yaml-unsafe-loader, py-taint-deserialization
    return yaml.unsafe_load(request.data)


def all_docs(text):
    # expect: py-yaml-unsafe-loader
    return list(yaml.load_all(text, Loader=yaml.FullLoader))
