# label: vulnerable ldap
from flask import Flask, request
from ldap3 import Connection

app = Flask(__name__)
conn = Connection("ldap.example.com", auto_bind=True)

def mail_filter(address):
    return "(mail=" + address + ")"

@app.route("/by-mail")
def by_mail():
    conn.search("dc=example,dc=com", mail_filter(request.args.get("mail", "")))
    return str(conn.entries)
