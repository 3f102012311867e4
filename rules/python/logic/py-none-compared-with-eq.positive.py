def find_owner(record, default=None):
    # expect: py-none-compared-with-eq
    if record.owner == None:
        return default
    # expect: py-none-compared-with-eq
    missing = None == record.email
    return record.owner, missing
