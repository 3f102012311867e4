#!/usr/bin/env python3
"""A stand-in for GitHub's REST API on 127.0.0.1, for end-to-end tests of
`copilot review --post github`. Standard library only.

It keeps pull-request review comments, issue comments and check runs in
memory for as long as it runs, so re-runs can be checked, and it refuses what
GitHub refuses: a wrong token (401), a missing API version or Accept header,
a review comment outside the diff or without side RIGHT (422 for the whole
review), more than 50 annotations in one request, columns on a multi-line
annotation. Lists are paginated at a small page size with Link headers.

Usage: fake_github.py CONFIG STATE LOG PORT_FILE
  CONFIG     JSON: token, owner, repo, pull_number, head_sha, diff (a file of
             `git diff -U3` output), page_size, check_runs_forbidden. It is
             read again on every request, so a test can move the head.
  STATE      written after every request: what is stored and every refusal.
  LOG        one JSON line per request: method, path, query, status.
  PORT_FILE  receives the port once the server listens.
"""
import json
import os
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CONFIG, STATE, LOG, PORT_FILE = sys.argv[1:5]
LOCK = threading.Lock()
STORE = {"review_comments": [], "reviews": [], "issue_comments": [], "check_runs": [], "violations": []}
NEXT_ID = [5000]
DOCS = "https://docs.github.com/rest"
LEVELS = {"notice", "warning", "failure"}
CONCLUSIONS = {"action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"}
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def new_id():
    NEXT_ID[0] += 1
    return NEXT_ID[0]


def config():
    with open(CONFIG, encoding="utf-8") as f:
        return json.load(f)


def right_side_hunks(diff_file):
    """Path -> [(first, last)] of the new side of each hunk."""
    hunks, path = {}, None
    with open(diff_file, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("+++ "):
                path = line[6:].rstrip("\n") if line.startswith("+++ b/") else None
                continue
            m = HUNK.match(line)
            if path and m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                if count:
                    hunks.setdefault(path, []).append((start, start + count - 1))
    return hunks


class Refusal(Exception):
    def __init__(self, status, message, docs=DOCS, errors=None):
        super().__init__(message)
        self.status, self.message, self.docs, self.errors = status, message, docs, errors


def comment_problem(c, hunks):
    if not isinstance(c, dict):
        return "a comment is not an object"
    if not isinstance(c.get("path"), str):
        return "comment path is required"
    if not isinstance(c.get("body"), str) or not c["body"]:
        return "comment body is required"
    if not isinstance(c.get("line"), int):
        return "comment line is required"
    if "position" in c:
        return "position is deprecated; use line and side"
    if c.get("side") != "RIGHT":
        return "side must be RIGHT for lines of the new file"
    line, start = c["line"], c["line"]
    if "start_line" in c:
        start = c["start_line"]
        if not isinstance(start, int) or start >= line:
            return "start_line must be an integer before line"
        if c.get("start_side") != "RIGHT":
            return "start_side must be RIGHT"
    elif "start_side" in c:
        return "start_side without start_line"
    ranges = hunks.get(c["path"])
    if ranges is None:
        return "Path could not be resolved"
    for first, last in ranges:
        if first <= line <= last:
            return "" if start >= first else "start_line must be part of the same hunk as the line"
    return "Line could not be resolved"


def output_problem(output):
    if not isinstance(output, dict) or not isinstance(output.get("title"), str):
        return "output.title is required"
    if not isinstance(output.get("summary"), str) or len(output["summary"]) > 65535:
        return "output.summary is required (at most 65535 characters)"
    annotations = output.get("annotations", [])
    if not isinstance(annotations, list) or len(annotations) > 50:
        return "at most 50 annotations per request"
    for a in annotations:
        for key in ("path", "annotation_level", "message"):
            if not isinstance(a.get(key), str):
                return "annotation %s is required" % key
        if a["annotation_level"] not in LEVELS:
            return "annotation_level must be notice, warning or failure"
        start, end = a.get("start_line"), a.get("end_line")
        if not isinstance(start, int) or not isinstance(end, int) or start < 1 or end < start:
            return "annotation start_line and end_line are required"
        if ("start_column" in a or "end_column" in a) and start != end:
            return "columns are only allowed on single-line annotations"
    return ""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the LOG file is the record
        pass

    def answer(self, status, body, headers=()):
        data = json.dumps(body).encode()
        url = urllib.parse.urlsplit(self.path)
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"method": self.command, "path": url.path, "query": url.query, "status": status}) + "\n")
        with open(STATE, "w", encoding="utf-8") as state:
            json.dump(STORE, state)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        if self.headers.get("Content-Type") != "application/json":
            raise Refusal(415, "Content-Type must be application/json")
        length = int(self.headers.get("Content-Length") or 0)
        try:
            value = json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            raise Refusal(400, "Problems parsing JSON")
        if not isinstance(value, dict):
            raise Refusal(400, "Problems parsing JSON")
        return value

    def page(self, items, query, cfg):
        per_page = max(1, min(int(query.get("per_page", ["30"])[0]), cfg.get("page_size", 5)))
        number = int(query.get("page", ["1"])[0])
        pages = max(1, -(-len(items) // per_page))
        headers = []
        if number < pages:
            base = "http://127.0.0.1:%d%s?per_page=%d&page=" % (self.server.server_port, urllib.parse.urlsplit(self.path).path, per_page)
            headers.append(("Link", '<%s%d>; rel="next", <%s%d>; rel="last"' % (base, number + 1, base, pages)))
        return 200, items[(number - 1) * per_page:number * per_page], headers

    def handle_any(self):
        with LOCK:
            try:
                status, body, headers = self.route(config())
            except Refusal as r:
                STORE["violations"].append("%d %s" % (r.status, r.message))
                status, headers = r.status, []
                body = {"message": "Unprocessable Entity" if r.status == 422 else r.message,
                        "errors": r.errors or [r.message], "documentation_url": r.docs}
            self.answer(status, body, headers)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = handle_any

    def route(self, cfg):
        if self.headers.get("Authorization") != "Bearer " + cfg["token"]:
            raise Refusal(401, "Bad credentials")
        if self.headers.get("X-GitHub-Api-Version") != "2022-11-28":
            raise Refusal(400, "X-GitHub-Api-Version must be 2022-11-28")
        if self.headers.get("Accept") != "application/vnd.github+json":
            raise Refusal(400, "Accept must be application/vnd.github+json")
        if not self.headers.get("User-Agent"):
            raise Refusal(403, "a User-Agent header is required")
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        repo = "/repos/%s/%s" % (cfg["owner"], cfg["repo"])
        pull = "%d" % cfg["pull_number"]
        m = re.fullmatch(re.escape(repo) + r"/(pulls|issues)/(\d+)/(comments|reviews)", url.path)
        if m and m.group(2) != pull:
            return 404, {"message": "Not Found", "documentation_url": DOCS + "/pulls/pulls"}, []
        key = (self.command, m.group(1) + "/" + m.group(3)) if m else None
        if key == ("GET", "pulls/comments"):
            return self.page(STORE["review_comments"], query, cfg)
        if key == ("GET", "issues/comments"):
            return self.page(STORE["issue_comments"], query, cfg)
        if key == ("POST", "pulls/reviews"):
            return self.create_review(self.body(), cfg)
        if key == ("POST", "issues/comments"):
            body = self.body()
            if not isinstance(body.get("body"), str):
                raise Refusal(422, "body is required")
            STORE["issue_comments"].append({"id": new_id(), "body": body["body"]})
            return 201, STORE["issue_comments"][-1], []
        m = re.fullmatch(re.escape(repo) + r"/issues/comments/(\d+)", url.path)
        if m and self.command == "PATCH":
            body = self.body()
            for c in STORE["issue_comments"]:
                if c["id"] == int(m.group(1)) and isinstance(body.get("body"), str):
                    c["body"] = body["body"]
                    return 200, c, []
            raise Refusal(404, "Not Found")
        if url.path == repo + "/check-runs" and self.command == "POST":
            return self.create_check_run(self.body(), cfg)
        m = re.fullmatch(re.escape(repo) + r"/check-runs/(\d+)", url.path)
        if m and self.command == "PATCH":
            return self.update_check_run(int(m.group(1)), self.body())
        raise Refusal(404, "no such endpoint: %s %s" % (self.command, url.path))

    def create_review(self, body, cfg):
        docs = DOCS + "/pulls/reviews#create-a-review-for-a-pull-request"
        if body.get("commit_id") != cfg["head_sha"]:
            raise Refusal(422, "commit_id is not the head of the pull request", docs)
        if body.get("event") not in ("APPROVE", "REQUEST_CHANGES", "COMMENT"):
            raise Refusal(422, "event must be APPROVE, REQUEST_CHANGES or COMMENT", docs)
        if body["event"] != "APPROVE" and not body.get("body"):
            raise Refusal(422, "body is required for a COMMENT review", docs)
        comments = body.get("comments", [])
        hunks = right_side_hunks(cfg["diff"])
        for c in comments if isinstance(comments, list) else [None]:
            problem = comment_problem(c, hunks)
            if problem:
                raise Refusal(422, problem, docs)
        review = {"id": new_id(), "body": body["body"], "comments": len(comments)}
        STORE["reviews"].append(review)
        for c in comments:
            STORE["review_comments"].append(dict(c, id=new_id(), pull_request_review_id=review["id"],
                                                 commit_id=cfg["head_sha"]))
        return 200, {"id": review["id"], "state": "COMMENTED"}, []

    def create_check_run(self, body, cfg):
        docs = DOCS + "/checks/runs#create-a-check-run"
        if cfg.get("check_runs_forbidden"):
            raise Refusal(403, "Resource not accessible by integration", docs)
        if not body.get("name"):
            raise Refusal(422, "name is required", docs)
        if body.get("head_sha") != cfg["head_sha"]:
            raise Refusal(422, "head_sha is not the head commit", docs)
        if body.get("status") == "completed" and body.get("conclusion") not in CONCLUSIONS:
            raise Refusal(422, "conclusion is required when status is completed", docs)
        problem = output_problem(body.get("output"))
        if problem:
            raise Refusal(422, problem, docs)
        run = dict(body, id=new_id())
        STORE["check_runs"].append(run)
        return 201, {"id": run["id"], "name": run["name"], "head_sha": run["head_sha"]}, []

    def update_check_run(self, run_id, body):
        docs = DOCS + "/checks/runs#update-a-check-run"
        problem = output_problem(body.get("output"))
        if problem:
            raise Refusal(422, problem, docs)
        for run in STORE["check_runs"]:
            if run["id"] == run_id:
                run["output"]["annotations"] = run["output"].get("annotations", []) + body["output"].get("annotations", [])
                return 200, {"id": run_id}, []
        raise Refusal(404, "Not Found", docs)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(PORT_FILE + ".tmp", "w", encoding="utf-8") as f:
        f.write(str(server.server_port))
    os.replace(PORT_FILE + ".tmp", PORT_FILE)
    server.serve_forever()


if __name__ == "__main__":
    main()
