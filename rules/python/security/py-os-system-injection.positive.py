import commands
import os
import pty
import subprocess
from os import system


def backup(path):
    # expect: py-os-system-injection
    os.system("cp %s /backups/" % path)


def lookup(domain):
    # expect: py-os-system-injection
    return os.popen(f"nslookup {domain}").read()


def version(tool):
    # expect: py-os-system-injection
    return subprocess.getoutput(tool + " --version")


def legacy(name):
    # expect: py-os-system-injection
    return commands.getoutput("ls -l " + name)


def run_user_command(form):
    # expect: py-os-system-injection
    system(form.get("command"))


def interactive(argv):
    # expect: py-os-system-injection
    pty.spawn(argv)
