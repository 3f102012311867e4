# expect: py-shadowed-builtin
def fetch_users(session, filter):
    return session.query(filter)


# expect: py-shadowed-builtin
def tally(rows, kind, max=100):
    # expect: py-shadowed-builtin
    list = [r for r in rows if r.kind == kind]
    # expect: py-shadowed-builtin
    id = list[0].id if list else None
    total = 0
    for row in list[:max]:
        total += row.amount
    return id, total
