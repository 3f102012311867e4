# label: safe ldap
import ldap
from flask import Flask, abort, request

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")
UNITS = {"people", "groups", "services"}

@app.route("/member")
def member():
    ou = request.args.get("ou", "people")
    if ou not in UNITS:
        abort(400)
    return str(conn.search_s("ou=" + ou + ",dc=example,dc=com", ldap.SCOPE_ONELEVEL))
