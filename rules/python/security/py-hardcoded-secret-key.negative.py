import os
import secrets

from flask import Flask

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or secrets.token_hex(32)

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SECRET_KEY_ENV_VAR = "DJANGO_SECRET_KEY"


def configure(application):
    application.config.update(SECRET_KEY="")


TEMPLATE = {"SECRET_KEY": "<generate-one>"}
