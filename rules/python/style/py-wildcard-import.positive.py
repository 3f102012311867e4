# expect: py-wildcard-import
from os.path import *
# expect: py-wildcard-import
from .models import *


def resolve(name):
    return abspath(join("data", name)), Order
