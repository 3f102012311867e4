import ftplib

import paramiko


def upload(host, user, password, path):
    with ftplib.FTP_TLS(host) as ftp:
        ftp.login(user, password)
        ftp.prot_p()
        with open(path, "rb") as fh:
            ftp.storbinary("STOR report.csv", fh)


def sftp(transport: paramiko.Transport):
    return paramiko.SFTPClient.from_transport(transport)
