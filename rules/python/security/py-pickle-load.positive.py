import pickle

import dill
import joblib
import numpy as np
import pandas as pd


def restore_session(cookie_value: bytes):
    # expect: py-pickle-load
    return pickle.loads(cookie_value)


def load_cache(path):
    with open(path, "rb") as fh:
        # expect: py-pickle-load
        return pickle.load(fh)


def receive(sock):
    payload = sock.recv(65536)
    # expect: py-pickle-load
    return dill.loads(payload)


def load_model(upload):
    # expect: py-pickle-load
    return joblib.load(upload)


def import_frame(path):
    # expect: py-pickle-load
    return pd.read_pickle(path)


def load_array(path):
    # expect: py-pickle-load
    return np.load(path, allow_pickle=True)


def stream(fh):
    # expect: py-pickle-load
    return pickle.Unpickler(fh).load()


def read_record(fh):
    from pickle import Unpickler

    # expect: py-pickle-load
    return Unpickler(fh).load()
