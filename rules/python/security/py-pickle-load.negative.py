import json
import pickle

import numpy as np
import pandas as pd


def save(obj, path):
    with open(path, "wb") as fh:
        pickle.dump(obj, fh)


def encode(obj) -> bytes:
    return pickle.dumps(obj)


def restore_session(cookie_value: str):
    return json.loads(cookie_value)


def load_array(path):
    return np.load(path, allow_pickle=False)


def import_frame(path):
    return pd.read_parquet(path)


# pickle.loads(request.body) would be unsafe
