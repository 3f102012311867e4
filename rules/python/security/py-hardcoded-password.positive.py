import psycopg2
import smtplib

# expect: py-hardcoded-password
DB_PASSWORD = "s3cr3t-Pa55"


def connect():
    # expect: py-hardcoded-password
    return psycopg2.connect(host="db", user="app", password="hunter2!")


def mailer():
    server = smtplib.SMTP("smtp.example.com", 587)
    server.starttls()
    # expect: py-hardcoded-password
    smtp_pass = "Tr0ub4dor&3"
    server.login("alerts@example.com", smtp_pass)
    return server


# expect: py-hardcoded-password
def login(username, password="admin123"):
    return username, password


class Client:
    def __init__(self):
        # expect: py-hardcoded-password
        self.api_key = "k-93f0c2a7d1e84b6f"


SETTINGS = {
    # expect: py-hardcoded-password
    "auth_token": "9a8b7c6d5e4f",
}


def check(password):
    # expect: py-hardcoded-password
    if password == "letmein":
        return True
    return False
