# expect: py-shadowed-builtin
def fetch_user(session, id):
    return session.get(id)


# expect: py-shadowed-builtin
def tally(rows, type="order"):
    # expect: py-shadowed-builtin
    list = [r for r in rows if r.kind == type]
    # expect: py-shadowed-builtin
    max = 0
    for row in list:
        if row.amount > max:
            # expect: py-shadowed-builtin
            max = row.amount
    return max
