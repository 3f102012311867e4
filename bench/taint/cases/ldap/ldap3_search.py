# label: vulnerable ldap
from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)

@app.route("/group")
def group():
    name = request.args["group"]
    conn = Connection(Server("ldap.example.com"), auto_bind=True)
    conn.search("dc=example,dc=com", f"(&(objectClass=group)(cn={name}))")
    return str(conn.entries)
