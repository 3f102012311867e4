# label: safe ldap
import ldap
from ldap.filter import escape_filter_chars
from flask import Flask, request

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")

@app.route("/lookup")
def lookup():
    uid = escape_filter_chars(request.args.get("uid", ""))
    return str(conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")"))
