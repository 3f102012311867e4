import zipfile

MAX_TOTAL = 200 * 1024 * 1024


def import_theme(upload, dest):
    with zipfile.ZipFile(upload) as archive:
        infos = archive.infolist()
        if sum(i.file_size for i in infos) > MAX_TOTAL:
            raise ValueError("archive too large")
        for info in infos:
            archive.extract(info, dest)


def listing(path):
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def metadata_only(archive, dest, dist_info):
    archive.extractall(path=dest, members=dist_info)
