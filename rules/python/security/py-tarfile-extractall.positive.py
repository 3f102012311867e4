import tarfile


def install_bundle(upload_path, dest):
    with tarfile.open(upload_path) as bundle:
        # expect: py-tarfile-extractall
        bundle.extractall(dest)


def unpack(fileobj, dest):
    # expect: py-tarfile-extractall
    tarfile.open(fileobj=fileobj, mode="r:gz").extractall(path=dest)


def single(tar, member, dest):
    # expect: py-tarfile-extractall
    tar.extract(member, dest)


def trusted(path, dest):
    with tarfile.open(path) as tf:
        # expect: py-tarfile-extractall
        tf.extractall(dest, filter="fully_trusted")
