import os
import socket

import uvicorn

HOST = os.environ.get("BIND_HOST", "127.0.0.1")


def listener(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", port))
    return sock


def main(app):
    uvicorn.run(app, host=HOST, port=8080)


def client(port):
    return socket.create_connection(("localhost", port))


DEFAULT_ROUTE = "0.0.0.0/0"
