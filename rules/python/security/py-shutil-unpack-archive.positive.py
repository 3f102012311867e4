import shutil


def restore(archive_path, target):
    # expect: py-shutil-unpack-archive
    shutil.unpack_archive(archive_path, target)


def install_theme(upload, themes_dir):
    # expect: py-shutil-unpack-archive
    shutil.unpack_archive(upload.path, extract_dir=themes_dir, format="gztar")


def import_dataset(download_path, data_root):
    # expect: py-shutil-unpack-archive
    shutil.unpack_archive(filename=download_path, extract_dir=data_root, filter="fully_trusted")
