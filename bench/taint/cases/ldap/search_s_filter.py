# label: vulnerable ldap
import ldap
from flask import Flask, request

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")

@app.route("/lookup")
def lookup():
    uid = request.args.get("uid", "")
    result = conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")
    return str(result)
