import marshal
import zlib


def load_code(blob: bytes):
    # expect: py-marshal-load
    code = marshal.loads(blob)
    return code


def read_state(path):
    with open(path, "rb") as fh:
        # expect: py-marshal-load
        return marshal.load(fh)


def unpack(payload: bytes):
    # expect: py-marshal-load
    return marshal.loads(zlib.decompress(payload))
