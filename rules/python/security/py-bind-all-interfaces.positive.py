import socket
from http.server import HTTPServer, SimpleHTTPRequestHandler

import uvicorn

# expect: py-bind-all-interfaces
HOST = "0.0.0.0"


def serve_files():
    # expect: py-bind-all-interfaces
    server = HTTPServer(("", 8000), SimpleHTTPRequestHandler)
    server.serve_forever()


def listener(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # expect: py-bind-all-interfaces
    sock.bind(("0.0.0.0", port))
    sock.listen()
    return sock


def main(app):
    # expect: py-bind-all-interfaces
    uvicorn.run(app, host="0.0.0.0", port=8080)
