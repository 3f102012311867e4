import os
import tempfile
from pathlib import Path


def save_upload(data: bytes):
    with tempfile.NamedTemporaryFile(delete=False) as fh:
        fh.write(data)
        return fh.name


def app_dir():
    return Path(os.environ.get("XDG_RUNTIME_DIR", "/run/user/1000")) / "app"


def read_config():
    with open("/etc/app/config.toml", "rb") as fh:
        return fh.read()


HELP = "temporary files go to /tmp/ by default"
TMP_ROOT = tempfile.gettempdir()
