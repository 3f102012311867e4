import ldap
from flask import Flask, request

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")


@app.route("/lookup")
def lookup():
    user = request.args.get("user", "")
    query = "(&(objectClass=person)(uid=" + user + "))"
    # expect: py-taint-ldap
    return str(conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, query))
