#!/usr/bin/env python3
"""Stand-ins for Slack, Jira and Confluence on 127.0.0.1, for end-to-end tests.

Each request is checked against the shape the vendor documents (method, path,
Authorization form, JSON content type, required fields, ADF for Jira REST v3,
well-formed storage XHTML and version.number + 1 for Confluence updates). A
wrong request gets the vendor's 400 answer and is recorded under "problems";
GET /__state returns everything seen so the test can assert on it.

Slack webhooks ending in /bad answer 400 invalid_payload; ending in /limited
they answer 429 with a Retry-After no client should wait for.
"""
import argparse
import base64
import json
import os
import re
import threading
import xml.etree.ElementTree as ElementTree
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LOCK = threading.Lock()
STATE = {"slack": [], "issues": [], "pages": [], "problems": [], "requests": []}
ADF_MARKS = {"strong", "em", "code", "link", "strike", "underline"}


def adf_problem(node, where="doc"):
    """'' when node is ADF a client may send as a description or comment."""
    if not isinstance(node, dict) or "type" not in node:
        return where + ": not a node"
    kind = node["type"]
    if where == "doc" and (kind != "doc" or node.get("version") != 1):
        return "doc: needs type doc and version 1"
    if where != "doc" and kind not in ("paragraph", "codeBlock", "heading"):
        return where + ": block node " + kind
    for i, child in enumerate(node.get("content", [])):
        at = "%s.%s[%d]" % (where, kind, i)
        if kind == "doc":
            problem = adf_problem(child, at)
        elif child.get("type") == "hardBreak":
            problem = ""
        elif child.get("type") != "text" or not isinstance(child.get("text"), str) or not child["text"]:
            problem = at + ": inline nodes are non-empty text"
        elif kind == "codeBlock" and child.get("marks"):
            problem = at + ": marks in a codeBlock"
        elif any(m.get("type") not in ADF_MARKS for m in child.get("marks", [])):
            problem = at + ": unknown mark"
        else:
            problem = ""
        if problem:
            return problem
    return ""


def storage_problem(xhtml):
    """'' when the storage format parses as XML (with Confluence's namespaces)."""
    wrapped = ('<root xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource">'
               + xhtml + "</root>")
    try:
        ElementTree.fromstring(wrapped.encode("utf-8"))
    except ElementTree.ParseError as e:
        return "storage is not well-formed XML: %s" % e
    return ""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    config = None

    def log_message(self, *args):
        pass

    # --- plumbing ---

    def reply(self, status, body=None, content_type="application/json"):
        data = b"" if body is None else (body if isinstance(body, bytes) else
                                         (json.dumps(body) if content_type == "application/json" else body).encode())
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "3600")
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def problem(self, text, vendor="jira"):
        with LOCK:
            STATE["problems"].append("%s %s: %s" % (self.command, self.path, text))
        if vendor == "slack":
            return self.reply(400, "invalid_payload", "text/plain")
        if vendor == "confluence":
            return self.reply(400, {"statusCode": 400, "message": "stand-in: " + text})
        return self.reply(400, {"errorMessages": ["stand-in: " + text], "errors": {}})

    def json_body(self, vendor):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            self.problem("Content-Type is not application/json", vendor)
            return None
        try:
            body = json.loads(raw)
        except ValueError:
            self.problem("body is not JSON", vendor)
            return None
        if not isinstance(body, dict):
            self.problem("body is not an object", vendor)
            return None
        return body

    def authorised(self, user, api_token, bearer, vendor):
        basic = "Basic " + base64.b64encode(("%s:%s" % (user, api_token)).encode()).decode()
        if self.headers.get("Authorization") in (basic, "Bearer " + bearer):
            if self.headers.get("Accept") != "application/json":
                self.problem("Accept is not application/json", vendor)
                return False
            return True
        if vendor == "confluence":
            self.reply(401, {"statusCode": 401, "message": "This request requires authentication"})
        else:
            self.reply(401, {"errorMessages": ["You are not authenticated."], "errors": {}})
        return False

    def route(self):
        with LOCK:
            STATE["requests"].append(self.command + " " + urlparse(self.path).path)
        path = urlparse(self.path).path
        if path == "/__state" and self.command == "GET":
            with LOCK:
                return self.reply(200, STATE)
        if path.startswith("/services/"):
            return self.slack(path)
        m = re.fullmatch(r"/rest/api/([23])(/.*)", path)
        if m:
            cfg = self.config
            if self.authorised(cfg.jira_user, cfg.jira_api_token, cfg.jira_pat, "jira"):
                return self.jira(int(m.group(1)), m.group(2))
            return None
        m = re.fullmatch(r"/wiki/rest/api/content(?:/(\d+))?", path)
        if m:
            cfg = self.config
            if self.authorised(cfg.confluence_user, cfg.confluence_api_token, cfg.confluence_pat, "confluence"):
                return self.confluence(m.group(1))
            return None
        return self.reply(404, {"errorMessages": ["no such endpoint"]})

    do_GET = do_POST = do_PUT = route

    # --- Slack incoming webhook ---

    def slack(self, path):
        if self.command != "POST":
            return self.problem("webhooks take POST", "slack")
        body = self.json_body("slack")
        if body is None:
            return None
        if path.endswith("/bad"):
            return self.reply(400, "invalid_payload", "text/plain")
        if path.endswith("/limited"):
            return self.reply(429, "rate_limited", "text/plain")
        if not isinstance(body.get("text"), str) or not body["text"]:
            return self.problem("no_text", "slack")
        blocks = body.get("blocks", [])
        if not 1 <= len(blocks) <= 50:
            return self.problem("1-50 blocks", "slack")
        for b in blocks:
            kind = b.get("type")
            text = b.get("text", {})
            if kind == "header" and (text.get("type") != "plain_text" or len(text.get("text", "")) > 150):
                return self.problem("header must be plain_text of at most 150 characters", "slack")
            if kind == "section" and (text.get("type") != "mrkdwn" or not 0 < len(text.get("text", "")) <= 3000):
                return self.problem("section text must be 1-3000 characters of mrkdwn", "slack")
            if kind == "context" and not 1 <= len(b.get("elements", [])) <= 10:
                return self.problem("context needs 1-10 elements", "slack")
            if kind not in ("header", "section", "context"):
                return self.problem("unexpected block " + str(kind), "slack")
        with LOCK:
            STATE["slack"].append(body)
        return self.reply(200, "ok", "text/plain")

    # --- Jira ---

    def fields_problem(self, version, f):
        if not isinstance(f, dict):
            return "fields is not an object"
        for key in ("project", "issuetype", "summary"):
            if key not in f:
                return "fields.%s is required" % key
        summary = f["summary"]
        if not isinstance(summary, str) or not summary or len(summary) > 255 or "\n" in summary:
            return "summary must be one line of 1-255 characters"
        if any(" " in label for label in f.get("labels", [])):
            return "labels cannot hold spaces"
        return self.text_problem(version, f.get("description"), "description")

    @staticmethod
    def text_problem(version, value, what):
        if version == 3:
            problem = adf_problem(value)
            return what + " is not ADF: " + problem if problem else ""
        return "" if isinstance(value, str) else what + " must be text in REST v2"

    def store_issue(self, version, fields):
        """(key, None) when stored; (None, field errors) when Jira would refuse it."""
        if fields["issuetype"].get("name") == self.config.jira_reject_type:
            return None, {"issuetype": "Specify a valid issue type"}
        with LOCK:
            key = "%s-%d" % (fields["project"]["key"], len(STATE["issues"]) + 1)
            STATE["issues"].append({"key": key, "version": version, "fields": fields, "comments": []})
        return key, None

    def jira(self, version, rest):
        if self.command == "POST" and rest in ("/search", "/search/jql"):
            body = self.json_body("jira")
            if body is None:
                return None
            if version == 3 and rest == "/search":
                return self.problem("Jira Cloud retired /rest/api/3/search; use /search/jql")
            m = re.fullmatch(r'project = "(\w+)" AND labels in \(((?:"copilot-[0-9a-f]+"(?:, )?)+)\) '
                             r"AND statusCategory != Done", body.get("jql", ""))
            if not m or not isinstance(body.get("fields"), list):
                return self.problem("unexpected search: " + json.dumps(body))
            labels = set(re.findall(r'"([^"]+)"', m.group(2)))
            with LOCK:
                found = [{"key": i["key"], "fields": {"labels": i["fields"].get("labels", [])}}
                         for i in STATE["issues"]
                         if i["fields"]["project"]["key"] == m.group(1) and labels & set(i["fields"].get("labels", []))]
            if rest == "/search/jql":
                return self.reply(200, {"issues": found, "isLast": True})
            return self.reply(200, {"startAt": 0, "maxResults": len(found), "total": len(found), "issues": found})
        if self.command == "POST" and rest in ("/issue", "/issue/bulk"):
            body = self.json_body("jira")
            if body is None:
                return None
            updates = body.get("issueUpdates") if rest == "/issue/bulk" else [body]
            if not isinstance(updates, list) or not 1 <= len(updates) <= 50:
                return self.problem("issueUpdates must hold 1-50 issues")
            for u in updates:
                problem = self.fields_problem(version, u.get("fields"))
                if problem:
                    return self.problem(problem)
            created, errors = [], []
            for n, u in enumerate(updates):
                key, field_errors = self.store_issue(version, u["fields"])
                if key:
                    created.append({"id": "1", "key": key, "self": "http://jira/issue/" + key})
                else:
                    errors.append({"status": 400, "failedElementNumber": n,
                                   "elementErrors": {"errorMessages": [], "errors": field_errors}})
            if rest == "/issue":
                if errors:
                    return self.reply(400, errors[0]["elementErrors"])
                return self.reply(201, created[0])
            return self.reply(201 if not errors else 400, {"issues": created, "errors": errors})
        m = re.fullmatch(r"/issue/([A-Z]+-\d+)(/comment)?", rest)
        if m:
            body = self.json_body("jira")
            if body is None:
                return None
            with LOCK:
                issue = next((i for i in STATE["issues"] if i["key"] == m.group(1)), None)
            if issue is None:
                return self.reply(404, {"errorMessages": ["Issue does not exist"], "errors": {}})
            if m.group(2) and self.command == "POST":
                problem = self.text_problem(version, body.get("body"), "comment body")
                if problem:
                    return self.problem(problem)
                with LOCK:
                    issue["comments"].append(body["body"])
                return self.reply(201, {"id": "1"})
            if not m.group(2) and self.command == "PUT":
                with LOCK:
                    issue["fields"].update(body.get("fields", {}))
                return self.reply(204)
        return self.problem("unexpected Jira call %s %s" % (self.command, rest))

    # --- Confluence ---

    @staticmethod
    def content(page):
        return {"id": page["id"], "type": "page", "title": page["title"], "version": {"number": page["version"]},
                "_links": {"base": "http://confluence/wiki", "webui": "/spaces/ENG/pages/" + page["id"]}}

    def confluence(self, page_id):
        if self.command == "GET" and page_id is None:
            query = parse_qs(urlparse(self.path).query)
            if query.get("expand") != ["version"] or "title" not in query or "spaceKey" not in query:
                return self.problem("lookup needs title, spaceKey and expand=version", "confluence")
            with LOCK:
                results = [self.content(p) for p in STATE["pages"]
                           if p["title"] == query["title"][0] and p["space"] == query["spaceKey"][0]]
            return self.reply(200, {"results": results, "start": 0, "limit": 25, "size": len(results)})
        body = self.json_body("confluence")
        if body is None:
            return None
        storage = body.get("body", {}).get("storage", {})
        if body.get("type") != "page" or not body.get("title") or storage.get("representation") != "storage":
            return self.problem("needs type page, a title and body.storage in representation storage", "confluence")
        problem = storage_problem(storage.get("value", ""))
        if problem:
            return self.problem(problem, "confluence")
        if self.command == "POST" and page_id is None:
            space = body.get("space", {}).get("key")
            if space != "ENG":
                return self.reply(404, {"statusCode": 404, "message": "No space with key : %s" % space})
            with LOCK:
                page = {"id": str(1000 + len(STATE["pages"])), "title": body["title"], "space": space,
                        "version": 1, "storage": storage["value"], "ancestors": body.get("ancestors", [])}
                STATE["pages"].append(page)
            return self.reply(200, self.content(page))
        if self.command == "PUT" and page_id is not None:
            with LOCK:
                page = next((p for p in STATE["pages"] if p["id"] == page_id), None)
                if page is None:
                    return self.reply(404, {"statusCode": 404, "message": "No content with id " + page_id})
                asked = body.get("version", {}).get("number")
                if asked != page["version"] + 1:
                    return self.reply(409, {"statusCode": 409, "message": "Version must be incremented on update. "
                                                                           "Current version is: %d" % page["version"]})
                page.update(version=asked, title=body["title"], storage=storage["value"])
            return self.reply(200, self.content(page))
        return self.problem("unexpected Confluence call", "confluence")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--jira-user", default="ada@example.com")
    parser.add_argument("--jira-api-token", default="tok3n")
    parser.add_argument("--jira-pat", default="jira-pat")
    parser.add_argument("--jira-reject-type", default="Nope")
    parser.add_argument("--confluence-user", default="ada@example.com")
    parser.add_argument("--confluence-api-token", default="conf-tok3n")
    parser.add_argument("--confluence-pat", default="conf-pat")
    Handler.config = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(Handler.config.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(Handler.config.port_file + ".tmp", Handler.config.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
