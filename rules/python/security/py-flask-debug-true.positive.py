import os

from flask import Flask

app = Flask(__name__)
# expect: py-flask-debug-true
app.config["DEBUG"] = True


@app.route("/")
def index():
    return "ok"


def enable_debug(application):
    # expect: py-flask-debug-true
    application.debug = True


if __name__ == "__main__":
    # expect: py-flask-debug-true
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")), debug=True)
