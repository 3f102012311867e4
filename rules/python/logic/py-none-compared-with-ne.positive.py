def find_owner(record, default=None):
    # expect: py-none-compared-with-ne
    if record.owner != None:
        return record.owner
    # expect: py-none-compared-with-ne
    has_email = None != record.email
    return default, has_email
