import shelve


def cached_profile(user_dir, key):
    # expect: py-shelve-open
    with shelve.open(f"{user_dir}/profile.db") as db:
        return db.get(key)


def open_store(path):
    # expect: py-shelve-open
    return shelve.open(path, flag="r")


def legacy_store(path):
    # expect: py-shelve-open
    return shelve.DbfilenameShelf(path, flag="c")
