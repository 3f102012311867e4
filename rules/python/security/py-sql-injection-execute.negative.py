import sqlite3

from sqlalchemy import text


def find_user(conn: sqlite3.Connection, username: str):
    cur = conn.cursor()
    cur.execute("SELECT id, email FROM users WHERE username = ?", (username,))
    return cur.fetchone()


def delete_order(cursor, order_id):
    cursor.execute("DELETE FROM orders WHERE id = %s", (order_id,))


def by_status(session, status):
    return session.execute(text("SELECT * FROM jobs WHERE status = :status"), {"status": status})


def orm_lookup(Person, last_name):
    return Person.objects.raw("SELECT * FROM myapp_person WHERE last_name = %s", [last_name])


def long_query(cursor, a, b):
    cursor.execute(
        "SELECT * FROM t "
        "WHERE a = %s AND b = %s",
        (a, b),
    )


def joined_literals(cursor, uid):
    cursor.execute("SELECT * FROM accounts " + "WHERE id = %s", (uid,))


def filtered(qs, owner):
    return qs.extra(where=["owner_id = %s"], params=[owner])


def run_job(executor, job):
    executor.execute(job)


# cursor.execute(f"SELECT * FROM users WHERE name = '{name}'") in a comment is fine
EXAMPLE = "cursor.execute('SELECT ' + col)"


def count_rows(cursor, connection, table_name):
    cursor.execute("SELECT COUNT(*) FROM %s" % connection.ops.quote_name(table_name))
    return cursor.fetchone()[0]


def show(st, frame, ax):
    st.text(f"Loaded {len(frame)} rows")
    ax.text(0.5, 0.5, f"n={len(frame)}")
