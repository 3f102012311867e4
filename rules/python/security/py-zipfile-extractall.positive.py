import zipfile
from zipfile import ZipFile


def import_theme(upload, dest):
    # expect: py-zipfile-extractall
    zipfile.ZipFile(upload).extractall(dest)


def unpack(path, dest):
    with ZipFile(path) as archive:
        # expect: py-zipfile-extractall
        archive.extractall(dest)


def dataset(zip_ref, dest):
    # expect: py-zipfile-extractall
    zip_ref.extractall(dest)
