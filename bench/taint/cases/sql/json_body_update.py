# label: vulnerable sql
from flask import Flask, request
from app.db import db

app = Flask(__name__)

@app.route("/profile", methods=["POST"])
def profile():
    data = request.get_json()
    bio = data.get("bio", "")
    db.session.execute(f"UPDATE profiles SET bio = '{bio}' WHERE id = 1")
    db.session.commit()
    return "", 204
