# label: vulnerable command
import os
import sys

def compress(path):
    os.system("gzip -9 " + path)

if __name__ == "__main__":
    for arg in sys.argv[1:]:
        compress(arg)
