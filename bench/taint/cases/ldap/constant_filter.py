# label: safe ldap
import ldap
from flask import Flask, request

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")

@app.route("/admins")
def admins():
    request.args.get("page")
    return str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(memberOf=cn=admins,dc=example,dc=com)"))
