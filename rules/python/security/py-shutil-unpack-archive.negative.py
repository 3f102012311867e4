import shutil


def restore(archive_path, target):
    shutil.unpack_archive(archive_path, target, filter="data")


def pack(src, dest):
    return shutil.make_archive(dest, "gztar", src)
