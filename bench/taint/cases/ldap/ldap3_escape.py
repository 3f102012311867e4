# label: safe ldap
from flask import Flask, request
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)

@app.route("/group")
def group():
    name = escape_filter_chars(request.args["group"])
    conn = Connection(Server("ldap.example.com"), auto_bind=True)
    conn.search("dc=example,dc=com", f"(&(objectClass=group)(cn={name}))")
    return str(conn.entries)
