from sqlalchemy import and_, select


def find_owner(session, User, record, default=None):
    if record.owner is not None:
        return record.owner
    owned = session.query(User).filter(User.owner != None).all()
    stmt = select(User).where(and_(User.email != None, User.active))
    return default, owned, stmt


def filled(df):
    return df[df["email"] != None]
