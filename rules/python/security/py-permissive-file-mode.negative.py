import os
import stat
from pathlib import Path


def publish(path):
    os.chmod(path, 0o644)


def private(path):
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def upload_dir(root):
    Path(root, "uploads").mkdir(mode=0o750, parents=True, exist_ok=True)


def executable(path):
    os.chmod(path, 0o755)
