def user_query(user_id):
    # expect: py-sql-injection-string-built
    sql = f"SELECT name, email FROM users WHERE id = {user_id}"
    return sql


def load_orders(cursor, customer):
    # expect: py-sql-injection-string-built
    query = "SELECT * FROM orders WHERE customer = '%s'" % customer
    cursor.execute(query)
    return cursor.fetchall()


def update_status(db, table, status, ident):
    # expect: py-sql-injection-string-built
    stmt = "UPDATE {} SET status = '{}' WHERE id = {}".format(table, status, ident)
    db.run(stmt)


def purge(conn, name):
    # expect: py-sql-injection-string-built
    statement = "DELETE FROM sessions WHERE user_name = '" + name + "'"
    conn.cursor().execute(statement)


def insert_event(kind, payload):
    # expect: py-sql-injection-string-built
    return "INSERT INTO events (kind, payload) VALUES ('%s', '%s')" % (kind, payload)


class Repo:
    def by_tag(self, tag):
        q = (
            # expect: py-sql-injection-string-built
            f"select id from posts "
            f"where tag = '{tag}'"
        )
        return self.conn.execute(q)


def report(cursor, region):
    sql = (
        # expect: py-sql-injection-string-built
        "SELECT region, SUM(total) FROM sales "
        "WHERE region = '%s' GROUP BY region" % region
    )
    cursor.execute(sql)
