#!/usr/bin/env python3
"""A small HTTP service to release: answers with its version and exposes
Prometheus metrics. --mode healthy answers 200; errors answers 500 to half of
the requests; slow waits --delay seconds before answering."""
import argparse
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--version", required=True)
parser.add_argument("--mode", choices=["healthy", "errors", "slow"], default="healthy")
parser.add_argument("--delay", type=float, default=0.5)
args = parser.parse_args()

lock = threading.Lock()
counts = {}  # status code -> requests
served = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, code, body, content_type="text/plain"):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        global served
        if self.path == "/metrics":
            with lock:
                lines = ["# TYPE app_requests_total counter"]
                for code, n in sorted(counts.items()):
                    lines.append('app_requests_total{version="%s",code="%d"} %d' % (args.version, code, n))
            self.reply(200, "\n".join(lines) + "\n", "text/plain; version=0.0.4")
            return
        with lock:
            served += 1
            n = served
        code = 200
        if args.mode == "errors" and n % 2 == 0:
            code = 500
        if args.mode == "slow":
            time.sleep(args.delay)
        with lock:
            counts[code] = counts.get(code, 0) + 1
        self.reply(code, args.version + "\n")


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()
