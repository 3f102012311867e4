# label: vulnerable ldap
import ldap
from flask import Flask, request

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")

@app.route("/member")
def member():
    ou = request.args.get("ou", "people")
    return str(conn.search_s("ou=" + ou + ",dc=example,dc=com", ldap.SCOPE_ONELEVEL))
