# label: safe sql
from flask import Flask, abort, request
from app.db import cursor

app = Flask(__name__)

def valid_slug(value):
    return value.replace("-", "").isalnum()

@app.route("/page")
def page():
    slug = request.args.get("slug", "")
    if not valid_slug(slug):
        abort(400)
    cursor.execute("SELECT body FROM pages WHERE slug = '%s'" % slug)
    return {"rows": cursor.fetchall()}
