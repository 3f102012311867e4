import subprocess
from subprocess import Popen, check_output


def convert(src, dst):
    # expect: py-subprocess-shell-true
    subprocess.run(f"convert {src} {dst}", shell=True, check=True)


def archive(folder):
    cmd = "tar czf backup.tgz " + folder
    # expect: py-subprocess-shell-true
    subprocess.call(cmd, shell=True)


def ping(host):
    # expect: py-subprocess-shell-true
    return check_output("ping -c 1 %s" % host, shell=True)


def spawn(request):
    # expect: py-subprocess-shell-true, py-taint-command
    return Popen(request.args["cmd"], shell=True, stdout=subprocess.PIPE)


def grep(pattern, path):
    # expect: py-subprocess-shell-true
    subprocess.check_call("grep '{}' {}".format(pattern, path), shell=True)


def run_named(command_line):
    # expect: py-subprocess-shell-true
    subprocess.run(args=command_line, shell=True)


def list_dir(user_dir):
    # expect: py-subprocess-shell-true
    return subprocess.check_output(["ls -la " + user_dir], shell=True)
