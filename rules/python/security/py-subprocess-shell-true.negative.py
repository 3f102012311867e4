import shlex
import subprocess


def convert(src, dst):
    subprocess.run(["convert", src, dst], check=True)


def archive(folder):
    subprocess.call(["tar", "czf", "backup.tgz", folder])


def ping(host):
    return subprocess.check_output(["ping", "-c", "1", host], shell=False)


def tokenised(line):
    return subprocess.run(shlex.split(line), capture_output=True)


def worker(pool, job):
    pool.run(job, shell=False)


# subprocess.run(f"rm -rf {path}", shell=True) is what we avoid
HELP = "call subprocess.run(cmd, shell=True) only with constants"
