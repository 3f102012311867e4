import sqlite3

from django.db.models.expressions import RawSQL
from sqlalchemy import text


def find_user(conn: sqlite3.Connection, username: str):
    cur = conn.cursor()
    # expect: py-sql-injection-execute
    cur.execute(f"SELECT id, email FROM users WHERE username = '{username}'")
    return cur.fetchone()


def delete_order(cursor, order_id):
    # expect: py-sql-injection-execute
    cursor.execute("DELETE FROM orders WHERE id = %s" % order_id)


def rename(cursor, table, new_name):
    # expect: py-sql-injection-execute
    cursor.execute("UPDATE {} SET name = '{}'".format(table, new_name))


def search(cursor, term):
    # expect: py-sql-injection-execute
    cursor.execute("SELECT * FROM products WHERE title LIKE '%" + term + "%'")


def bulk(cursor, table, rows):
    # expect: py-sql-injection-execute
    cursor.executemany(f"INSERT INTO {table} (a, b) VALUES (?, ?)", rows)


def by_status(session, status):
    # expect: py-sql-injection-execute
    return session.execute(text(f"SELECT * FROM jobs WHERE status = '{status}'"))


def orm_lookup(Person, last_name):
    # expect: py-sql-injection-execute
    return Person.objects.raw("SELECT * FROM myapp_person WHERE last_name = '%s'" % last_name)


def annotate(qs, column):
    # expect: py-sql-injection-execute
    return qs.annotate(val=RawSQL("SELECT " + column + " FROM other", ()))


def filtered(qs, owner):
    # expect: py-sql-injection-execute
    return qs.extra(where=[f"owner_id = {owner}"])


def report(engine, pd, region):
    # expect: py-sql-injection-execute
    return pd.read_sql("SELECT * FROM sales WHERE region = '" + region + "'", engine)


def archived(sa, conn, year):
    # expect: py-sql-injection-execute
    stmt = sa.text("SELECT * FROM archive WHERE year = " + str(year))
    return conn.execute(stmt)
