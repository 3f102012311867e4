import os

import psycopg2

DB_PASSWORD = os.environ["DB_PASSWORD"]
PASSWORD_FIELD = "password"
TOKEN_URL = "https://auth.example.com/oauth/token"
token_type = "bearer"
API_KEY_ENV = "SERVICE_API_KEY"
password_prompt = "Enter your password: "
tokenizer = "bert-base-uncased"
SECRET_PLACEHOLDER = "<secret>"
secret_template = "${VAULT_SECRET}"
api_key = ""


def connect():
    return psycopg2.connect(host="db", user="app", password=os.environ.get("PGPASSWORD"))


def login(username, password=None):
    return username, password


def render(form):
    return form.fields({"password": "Password", "token": "xxxx"})


def hasher():
    password_hasher = "django.contrib.auth.hashers.Argon2PasswordHasher"
    return password_hasher


def greet(name):
    token = f"user-{name}"
    return token
