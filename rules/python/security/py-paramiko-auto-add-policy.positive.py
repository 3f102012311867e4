import paramiko
from paramiko import AutoAddPolicy


def connect(host, user, key_path):
    client = paramiko.SSHClient()
    # expect: py-paramiko-auto-add-policy
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username=user, key_filename=key_path)
    return client


def connect_quiet(client, host):
    # expect: py-paramiko-auto-add-policy
    client.set_missing_host_key_policy(AutoAddPolicy)
    client.connect(host)


def connect_warn(client):
    # expect: py-paramiko-auto-add-policy
    client.set_missing_host_key_policy(paramiko.client.WarningPolicy())
