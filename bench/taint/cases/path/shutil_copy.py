# label: vulnerable path
import shutil
from flask import Flask, request

app = Flask(__name__)

@app.route("/publish", methods=["POST"])
def publish():
    src = request.form.get("src")
    shutil.copy("/srv/drafts/" + src, "/srv/public/")
    return "published"
