import ftplib
import telnetlib
from ftplib import FTP


def upload(host, user, password, path):
    # expect: py-cleartext-protocol
    with ftplib.FTP(host) as ftp:
        ftp.login(user, password)
        with open(path, "rb") as fh:
            ftp.storbinary("STOR report.csv", fh)


def fetch(host):
    # expect: py-cleartext-protocol
    ftp = FTP(host)
    ftp.login()
    return ftp.nlst()


def switch_config(host):
    # expect: py-cleartext-protocol
    tn = telnetlib.Telnet(host, 23, timeout=10)
    tn.write(b"show running-config\n")
    return tn.read_all()
