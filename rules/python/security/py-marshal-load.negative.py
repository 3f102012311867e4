import json
import marshal


def save_state(state, path):
    with open(path, "wb") as fh:
        marshal.dump(state, fh)


def read_state(path):
    with open(path) as fh:
        return json.load(fh)
