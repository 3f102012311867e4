import os
import stat
from pathlib import Path


def publish(path):
    # expect: py-permissive-file-mode
    os.chmod(path, 0o777)


def share_socket(sock_path):
    # expect: py-permissive-file-mode
    os.chmod(sock_path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IWOTH | stat.S_IROTH)


def upload_dir(root):
    # expect: py-permissive-file-mode
    Path(root, "uploads").mkdir(mode=0o777, parents=True, exist_ok=True)


def make_writable(p: Path):
    # expect: py-permissive-file-mode
    p.chmod(0o666)
