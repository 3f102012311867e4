import os.path
from os.path import abspath, join

from .models import Order


def resolve(name):
    # from os.path import * used to be here
    return abspath(join("data", name)), os.path.sep, Order
