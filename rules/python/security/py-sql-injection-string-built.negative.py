import logging

log = logging.getLogger(__name__)


def user_query(cursor, user_id):
    sql = "SELECT name, email FROM users WHERE id = %s"
    cursor.execute(sql, (user_id,))


def greeting(name):
    return f"Please select a plan from the list, {name}"


def progress(done, total):
    log.info("Updated %d of %d rows" % (done, total))


def message(item):
    return "Deleted item {} from your cart".format(item)


def label(user):
    return "Selected: " + user.name


TEMPLATE = "SELECT * FROM users WHERE id = :id"


def explain(table):
    raise ValueError("Can't delete from table %s while rows reference it" % table)
