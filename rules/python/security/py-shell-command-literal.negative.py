import os
import subprocess


def restart():
    subprocess.run(["systemctl", "restart", "nginx"], check=True)


def status():
    return subprocess.check_output("uptime", shell=False)


def cwd():
    return os.getcwd()


# os.system("clear") would start a shell
