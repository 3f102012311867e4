from sqlalchemy import and_, select


def find_owner(session, User, record, default=None):
    if record.owner is None:
        return default
    orphans = session.query(User).filter(User.owner == None).all()
    stmt = select(User).where(and_(User.email == None, User.active))
    return record.owner, orphans, stmt


def blanks(df):
    return df[df["email"] == None]
