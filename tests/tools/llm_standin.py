#!/usr/bin/env python3
"""A model server on 127.0.0.1 for end-to-end tests of copilot's --llm.

It speaks the OpenAI chat completions API (POST /v1/chat/completions), the
Anthropic Messages API (POST /v1/messages) and the control plane's
/v1/llm/chat, /v1/llm/reservations and /v1/llm/reservations/{id}/commit.
Every request is checked against the documented shape; a wrong one is
answered 400 and recorded under "problems". GET /__state returns every
request seen, so a test can assert on what left the machine.

Answers are made from the prompt, like a very small model would:
- a review prompt (a "+ NNN |" code listing) gets one logic finding on the
  first changed line that calls eval(), or no finding;
- a test-writing prompt ("- unit (test name: NAME)") gets one pytest test per
  unit that calls it through $M with one string argument; a unit whose name
  holds "broken" gets a test that fails and one whose name holds "idle" a
  test that passes without running it, so --verify has something to remove.
POST /__mode switches behaviour: "normal", "quota" (reservations and chat
answer the control plane's 429 quota problem), "malformed" (answers that are
not JSON) or "slow" (answers after 3 s).
"""
import argparse
import json
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATE = {"requests": [], "problems": [], "mode": "normal", "reservations": 0}
QUOTA = {"type": "https://copilot.dev/problems/quota-exceeded", "title": "Token quota exceeded", "status": 429,
         "detail": "project shop has used its monthly tokens", "remaining_tokens": 0,
         "resets_at": "2026-12-01T00:00:00Z"}


def review_answer(prompt):
    for match in re.finditer(r"^\+\s*(\d+) \| (.*)$", prompt, re.M):
        if "eval(" in match.group(2):
            return {"findings": [{"line": int(match.group(1)), "category": "logic", "severity": "high",
                                  "confidence": 0.7, "message": "eval() runs whatever text reaches it",
                                  "rationale": "Input that reaches eval() is executed as code.",
                                  "fix": "Parse the value with ast.literal_eval or a real parser."}]}
    return {"findings": []}


def tests_answer(prompt):
    tests = []
    for unit, name in re.findall(r"^- (\S+) \(test name: (\S+)\):", prompt, re.M):
        function = unit.split(".")[-1]
        if "broken" in unit:
            check = 'assert $M.%s("x") == "never"' % function
        elif "idle" in unit:
            check = "assert callable($M.%s)" % function
        else:
            check = 'assert $M.%s("ab") is not None' % function
        tests.append({"unit": unit, "name": name, "code": "def %s():\n    %s\n" % (name, check)})
    return {"tests": tests}


def answer_for(messages):
    prompt = "\n".join(m["content"] if isinstance(m["content"], str) else
                       "".join(b.get("text", "") for b in m["content"]) for m in messages)
    if "(test name:" in prompt:
        return json.dumps(tests_answer(prompt))
    return json.dumps(review_answer(prompt))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type="application/json", headers=None):
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def problem(self, what):
        with LOCK:
            STATE["problems"].append(what)
        self.reply(400, {"error": {"type": "invalid_request_error", "message": what}})

    def do_GET(self):
        if self.path == "/__state":
            with LOCK:
                self.reply(200, STATE)
        else:
            self.reply(404, {"error": {"message": "not found"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length).decode("utf-8", "replace")
        if self.path == "/__mode":
            with LOCK:
                STATE["mode"] = raw.strip()
            return self.reply(200, {"mode": raw.strip()})
        with LOCK:
            STATE["requests"].append({"path": self.path, "headers": dict(self.headers.items()), "body": raw})
            mode = STATE["mode"]
        try:
            body = json.loads(raw)
        except ValueError:
            return self.problem(self.path + ": body is not JSON")
        if not isinstance(body, dict):
            return self.problem(self.path + ": body is not an object")
        if self.headers.get("Content-Type") != "application/json":
            return self.problem(self.path + ": Content-Type is not application/json")
        if mode == "slow":
            time.sleep(3)
        if self.path == "/v1/chat/completions":
            return self.openai(body, mode)
        if self.path == "/v1/messages":
            return self.anthropic(body, mode)
        if self.path.startswith("/v1/llm/"):
            return self.controlplane(body, mode)
        return self.reply(404, {"error": {"message": "no route " + self.path}})

    def openai(self, body, mode):
        if not isinstance(body.get("model"), str) or not isinstance(body.get("messages"), list) or not body["messages"]:
            return self.problem("openai: model and messages are required")
        for m in body["messages"]:
            if m.get("role") not in ("system", "user", "assistant") or not isinstance(m.get("content"), str):
                return self.problem("openai: each message needs a role and string content")
        if "max_tokens" in body and not isinstance(body["max_tokens"], int):
            return self.problem("openai: max_tokens is an integer")
        fmt = body.get("response_format")
        if fmt is not None and (fmt.get("type") != "json_schema" or "schema" not in fmt.get("json_schema", {})):
            return self.problem("openai: response_format json_schema needs json_schema.schema")
        if mode == "malformed":
            return self.reply(200, b"<html>gateway error</html>", "text/html")
        content = answer_for(body["messages"])
        self.reply(200, {"id": "chatcmpl-1", "object": "chat.completion", "model": body["model"],
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                      "finish_reason": "stop"}],
                         "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}})

    def anthropic(self, body, mode):
        if self.headers.get("anthropic-version") != "2023-06-01" or not self.headers.get("x-api-key"):
            return self.problem("anthropic: x-api-key and anthropic-version 2023-06-01 are required")
        if not isinstance(body.get("max_tokens"), int) or not isinstance(body.get("messages"), list):
            return self.problem("anthropic: model, max_tokens and messages are required")
        for m in body["messages"]:
            if m.get("role") not in ("user", "assistant") or not isinstance(m.get("content"), list):
                return self.problem("anthropic: messages are user/assistant with content blocks")
        content = answer_for(body["messages"] + [{"content": body.get("system", "")}])
        self.reply(200, {"id": "msg_1", "type": "message", "role": "assistant", "model": body.get("model"),
                         "content": [{"type": "text", "text": content}], "stop_reason": "end_turn",
                         "usage": {"input_tokens": 100, "output_tokens": 20}})

    def controlplane(self, body, mode):
        if not self.headers.get("Authorization", "").startswith("Bearer "):
            return self.reply(401, {"type": "https://copilot.dev/problems/unauthorized", "title": "Unauthorized",
                                    "status": 401}, "application/problem+json")
        if mode == "quota" and not self.path.endswith("/commit"):
            return self.reply(429, QUOTA, "application/problem+json", {"Retry-After": "3600"})
        if self.path == "/v1/llm/reservations":
            if not isinstance(body.get("model"), str) or not isinstance(body.get("estimated_tokens"), int) \
                    or body["estimated_tokens"] <= 0:
                return self.problem("reservations: model and estimated_tokens > 0 are required")
            with LOCK:
                STATE["reservations"] += 1
                rid = "res_%d" % STATE["reservations"]
            return self.reply(201, {"id": rid, "estimated_tokens": body["estimated_tokens"],
                                    "expires_at": "2026-12-01T00:00:00Z", "remaining_tokens": 100000})
        if re.fullmatch(r"/v1/llm/reservations/[^/]+/commit", self.path):
            if not isinstance(body.get("prompt_tokens"), int) or not isinstance(body.get("completion_tokens"), int):
                return self.problem("commit: prompt_tokens and completion_tokens are required")
            rid = self.path.split("/")[4]
            return self.reply(200, {"id": rid, "committed_tokens": body["prompt_tokens"] + body["completion_tokens"],
                                    "remaining_tokens": 99000})
        if self.path == "/v1/llm/chat":
            if body.get("tier") not in ("quality", "bulk", "fallback", "local") or not isinstance(body.get("messages"), list):
                return self.problem("chat: tier and messages are required")
            return self.reply(200, {"content": answer_for(body["messages"]), "model": "server-model",
                                    "usage": {"prompt_tokens": 100, "completion_tokens": 20}, "cached": False})
        return self.reply(404, {"error": {"message": "no route " + self.path}})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
