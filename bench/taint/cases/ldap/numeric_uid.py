# label: safe ldap
from flask import Flask, request
from ldap3 import Connection

app = Flask(__name__)
conn = Connection("ldap.example.com", auto_bind=True)

@app.route("/by-uid")
def by_uid():
    number = int(request.args.get("n", "0"))
    conn.search("dc=example,dc=com", "(uidNumber=%d)" % number)
    return str(conn.entries)
