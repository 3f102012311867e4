import os
import shutil
import subprocess


def backup(path):
    shutil.copy(path, "/backups/")


def lookup(domain):
    return subprocess.run(["nslookup", domain], capture_output=True, text=True).stdout


def describe(platform):
    return platform.system()


def env(name):
    return os.environ.get(name)


# os.system("rm " + path) would be unsafe
