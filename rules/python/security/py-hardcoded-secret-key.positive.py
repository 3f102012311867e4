from flask import Flask

app = Flask(__name__)
# expect: py-hardcoded-secret-key
app.secret_key = "d2f1a8c7e9b34f6a"
# expect: py-hardcoded-secret-key
app.config["JWT_SECRET_KEY"] = "jwt-signing-key-2023"

# expect: py-hardcoded-secret-key
SECRET_KEY = "django-insecure-7h#k2@v!q9x$w3m8z&r5t1y6u0p4e"


def configure(application):
    # expect: py-hardcoded-secret-key
    application.config.update(SECRET_KEY="0a1b2c3d4e5f")


class Config:
    # expect: py-hardcoded-secret-key
    SECRET_KEY = "mysupersecretkey"
    # expect: py-hardcoded-secret-key
    JWT_SECRET_KEY = "changeme"
