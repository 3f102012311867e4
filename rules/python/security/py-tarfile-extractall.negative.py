import os
import tarfile
import zipfile


def install_bundle(upload_path, dest):
    with tarfile.open(upload_path) as bundle:
        bundle.extractall(dest, filter="data")


def vetted(tar, dest):
    root = os.path.realpath(dest)
    safe = [
        m for m in tar.getmembers()
        if os.path.realpath(os.path.join(dest, m.name)).startswith(root + os.sep)
    ]
    tar.extractall(dest, members=safe)


def with_callable(tar, dest):
    tar.extractall(dest, filter=tarfile.data_filter)


def zipped(path, dest):
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            archive.extract(name, dest)


def compare(start_fmt, end_fmt, field):
    return start_fmt.extract(field) != end_fmt.extract(field)
