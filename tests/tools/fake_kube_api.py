#!/usr/bin/env python3
"""A stand-in for the Kubernetes API server on 127.0.0.1, for tests of the
Kubernetes release target through a real kubectl. Standard library only.

It serves the legacy discovery documents kubectl reads (/version, /api,
/apis, /api/v1, /apis/apps/v1, /apis/argoproj.io/v1alpha1; aggregated
discovery is not offered, so kubectl falls back as it does against older
servers), /openapi/v2 with the PATCH dryRun parameter kubectl before 1.26
checks (protobuf or JSON, as asked), namespaces, and GET and PATCH for Deployments, Services and Argo
Rollouts held in memory. It refuses what the API server refuses: strategic
merge patches on a custom resource (415), unknown content types (415),
malformed patches (400), failed JSON patch tests (422), invalid objects (422),
unknown objects (404), changes to an object annotated fake-kube-api/deny
(403, as from an admission webhook), and it honours ?dryRun=All by answering without
storing. A tiny controller stands in for the Deployment and Argo Rollouts
controllers: replicas become ready at once, and a Rollout walks its canary
steps (setWeight, pause), stops at pauses, honours status.abort and
status.promoteFull, and reports status.canary.weights as with traffic routing.

Usage: fake_kube_api.py OBJECTS LOG PORT_FILE
  OBJECTS    JSON list of objects to start with; rewritten after every change.
  LOG        one JSON line per request: method, path, query, content type,
             body, status. A request of a shape kubectl never sends is
             logged with "violation" and refused with 400.
  PORT_FILE  receives the port once the server listens.
"""
import copy
import hashlib
import json
import os
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OBJECTS, LOG, PORT_FILE = sys.argv[1:4]
LOCK = threading.Lock()
RESOURCE_VERSION = [1000]

# plural -> (group/version path prefix, kind, namespaced, custom resource)
KINDS = {
    "services": ("/api/v1", "Service", "v1", False),
    "deployments": ("/apis/apps/v1", "Deployment", "apps/v1", False),
    "rollouts": ("/apis/argoproj.io/v1alpha1", "Rollout", "argoproj.io/v1alpha1", True),
}
OBJECT_PATH = re.compile(
    r"^(/api/v1|/apis/apps/v1|/apis/argoproj\.io/v1alpha1)/namespaces/([a-z0-9-]+)/([a-z]+)/([a-z0-9.-]+)(/status)?$")
DENY_ANNOTATION = "fake-kube-api/deny"  # a test's way to have every change to an object refused
MERGE, STRATEGIC, JSON_PATCH = ("application/merge-patch+json", "application/strategic-merge-patch+json",
                                "application/json-patch+json")


def resource_list(group_version, resources):
    return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": group_version, "resources": [
        {"name": name, "singularName": "" if "/" in name else name[:-1], "namespaced": True, "kind": kind,
         "verbs": verbs, **({"shortNames": short} if short else {})}
        for name, kind, verbs, short in resources]}


ALL_VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"]
DISCOVERY = {
    "/version": {"major": "1", "minor": "32", "gitVersion": "v1.32.0", "gitCommit": "fake", "gitTreeState": "clean",
                 "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.23", "compiler": "gc",
                 "platform": "linux/amd64"},
    "/api": {"kind": "APIVersions", "versions": ["v1"],
             "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": ""}]},
    "/apis": {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
        {"name": g, "versions": [{"groupVersion": f"{g}/{v}", "version": v}],
         "preferredVersion": {"groupVersion": f"{g}/{v}", "version": v}}
        for g, v in (("apps", "v1"), ("argoproj.io", "v1alpha1"))]},
    "/api/v1": resource_list("v1", [("services", "Service", ALL_VERBS, ["svc"]),
                                    ("services/status", "Service", ["get", "patch", "update"], None)]),
    "/apis/apps/v1": resource_list("apps/v1", [("deployments", "Deployment", ALL_VERBS, ["deploy"]),
                                               ("deployments/scale", "Scale", ["get", "patch", "update"], None),
                                               ("deployments/status", "Deployment", ["get", "patch", "update"],
                                                None)]),
    "/apis/argoproj.io/v1alpha1": resource_list("argoproj.io/v1alpha1", [
        ("rollouts", "Rollout", ALL_VERBS, ["ro"]),
        ("rollouts/status", "Rollout", ["get", "patch", "update"], None),
        ("rollouts/scale", "Scale", ["get", "patch", "update"], None)]),
}


# ---- OpenAPI v2, which kubectl before 1.26 reads to learn which kinds take
# ?dryRun on PATCH. It asks for the protobuf encoding (gnostic's
# openapi_v2.Document), so the few messages it reads are encoded here. ----

PROTOBUF_OPENAPI = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"
PATCH_PATHS = [
    ("/api/v1/namespaces/{namespace}/services/{name}", "", "v1", "Service"),
    ("/apis/apps/v1/namespaces/{namespace}/deployments/{name}", "apps", "v1", "Deployment"),
    ("/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}", "argoproj.io", "v1alpha1", "Rollout"),
]


def varint(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def message(number, payload):
    """A length-delimited field (strings and embedded messages)."""
    payload = payload.encode() if isinstance(payload, str) else payload
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def openapi_protobuf():
    paths = b""
    for path, group, version, kind in PATCH_PATHS:
        gvk_yaml = f'group: "{group}"\nkind: {kind}\nversion: {version}\n'
        dry_run = message(1, message(2, message(3, message(2, "query") + message(4, "dryRun") + message(6, "string"))))
        extension = message(1, "x-kubernetes-group-version-kind") + message(2, message(2, gvk_yaml))
        operation = message(5, f"patch{kind}") + message(8, dry_run) + message(13, extension)
        paths += message(2, message(1, path) + message(2, message(8, operation)))  # Paths.path: NamedPathItem
    return message(1, "2.0") + message(8, paths)  # Document.swagger, Document.paths


def openapi_json():
    return {"swagger": "2.0", "info": {"title": "Kubernetes", "version": "v1.32.0"}, "paths": {
        path: {"patch": {"operationId": f"patch{kind}",
                         "parameters": [{"in": "query", "name": "dryRun", "type": "string", "uniqueItems": True}],
                         "x-kubernetes-group-version-kind": {"group": group, "kind": kind, "version": version}}}
        for path, group, version, kind in PATCH_PATHS}}


class Refusal(Exception):
    def __init__(self, code, reason, message):
        super().__init__(message)
        self.code, self.reason, self.message = code, reason, message


def status_body(code, reason, message):
    return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": message,
            "reason": reason, "code": code}


def qualified(plural, api_version):
    """How the API server names a resource in messages: deployments.apps, services."""
    return f"{plural}.{api_version.split('/')[0]}" if "/" in api_version else plural


def load():
    with open(OBJECTS, encoding="utf-8") as f:
        return json.load(f)


def save(objects):
    with open(OBJECTS + ".tmp", "w", encoding="utf-8") as f:
        json.dump(objects, f, indent=1)
    os.replace(OBJECTS + ".tmp", OBJECTS)


def find(objects, kind, namespace, name):
    for i, o in enumerate(objects):
        meta = o.get("metadata", {})
        if o.get("kind") == kind and meta.get("name") == name and meta.get("namespace", "default") == namespace:
            return i
    return None


# ---- patches, as the API server applies them ----

def merge_patch(target, patch):
    """RFC 7386."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


# Lists the strategic merge of apps/v1 and core/v1 merges by a key.
MERGE_KEYS = {"containers": "name", "initContainers": "name", "ports": "containerPort", "env": "name",
              "volumes": "name", "volumeMounts": "mountPath"}


def strategic_merge(target, patch, key=None):
    if isinstance(patch, list) and key in MERGE_KEYS and isinstance(target, list):
        merge_key = MERGE_KEYS[key]
        out = copy.deepcopy(target)
        for item in patch:
            if not isinstance(item, dict) or merge_key not in item:
                raise Refusal(400, "BadRequest", f"strategic merge: {key} items need their merge key '{merge_key}'")
            for i, existing in enumerate(out):
                if existing.get(merge_key) == item[merge_key]:
                    out[i] = strategic_merge(existing, item)
                    break
            else:
                out.append(copy.deepcopy(item))
        return out
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    if "$patch" in patch or any(k.startswith("$setElementOrder") for k in patch):
        raise Refusal(400, "BadRequest", "strategic merge directives are not supported by this stand-in")
    out = copy.deepcopy(target) if isinstance(target, dict) else {}
    for k, value in patch.items():
        if value is None:
            out.pop(k, None)
        else:
            out[k] = strategic_merge(out.get(k), value, k)
    return out


def pointer(path):
    if path == "":
        return []
    if not path.startswith("/"):
        raise Refusal(400, "BadRequest", f"json patch: path {path!r} must start with '/'")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def walk(doc, parts):
    for p in parts:
        if isinstance(doc, list):
            if not p.isdigit() or int(p) >= len(doc):
                raise Refusal(422, "Invalid", f"json patch: no index {p}")
            doc = doc[int(p)]
        elif isinstance(doc, dict) and p in doc:
            doc = doc[p]
        else:
            raise Refusal(422, "Invalid", f"json patch: no key {p!r}")
    return doc


def json_patch(target, ops):
    """RFC 6902: add, remove, replace and test, the operations kubectl users send."""
    if not isinstance(ops, list):
        raise Refusal(400, "BadRequest", "json patch must be a list of operations")
    doc = copy.deepcopy(target)
    for op in ops:
        kind, parts = op.get("op"), pointer(op.get("path", ""))
        if kind not in ("add", "remove", "replace", "test") or not parts:
            raise Refusal(400, "BadRequest", f"json patch: unsupported operation {op!r}")
        parent, last = walk(doc, parts[:-1]), parts[-1]
        if kind == "test":
            if walk(doc, parts) != op.get("value"):
                raise Refusal(422, "Invalid", f"json patch: test failed at {op['path']}")
        elif kind == "remove":
            walk(doc, parts)
            del parent[int(last) if isinstance(parent, list) else last]
        elif kind == "replace":
            walk(doc, parts)
            parent[int(last) if isinstance(parent, list) else last] = op["value"]
        elif isinstance(parent, list):
            parent.insert(len(parent) if last == "-" else int(last), op["value"])
        else:
            parent[last] = op["value"]
    return doc


# ---- what the API server would refuse ----

def validate(obj):
    kind, spec = obj.get("kind"), obj.get("spec", {})
    name = obj["metadata"]["name"]
    if kind in ("Deployment", "Rollout"):
        replicas = spec.get("replicas", 1)
        if not isinstance(replicas, int) or isinstance(replicas, bool) or replicas < 0:
            raise Refusal(422, "Invalid", f"{kind} \"{name}\" is invalid: spec.replicas: Invalid value: "
                                          f"{json.dumps(replicas)}: must be greater than or equal to 0")
        for c in spec.get("template", {}).get("spec", {}).get("containers", []):
            if not isinstance(c.get("image"), str) or not c["image"].strip():
                raise Refusal(422, "Invalid", f"{kind} \"{name}\" is invalid: "
                                              f"spec.template.spec.containers[{c.get('name')}].image: Required value")
    if kind == "Service":
        selector = spec.get("selector", {})
        if not isinstance(selector, dict) or not all(isinstance(v, str) for v in selector.values()):
            raise Refusal(422, "Invalid", f"Service \"{name}\" is invalid: spec.selector: must be a map of strings")


# ---- the controllers ----

def pod_hash(obj):
    text = json.dumps(obj["spec"].get("template", {}), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def reconcile_deployment(obj):
    replicas = obj["spec"].get("replicas", 1)
    obj["status"] = {"observedGeneration": obj["metadata"].get("generation", 1), "replicas": replicas,
                     "updatedReplicas": replicas, "readyReplicas": replicas, "availableReplicas": replicas}


def reconcile_rollout(obj, before):
    status = obj.setdefault("status", {})
    steps = obj["spec"].get("strategy", {}).get("canary", {}).get("steps", [])
    current = pod_hash(obj)
    if not status.get("stableRS"):
        status.update({"stableRS": current, "currentPodHash": current, "currentStepIndex": len(steps)})
    restarted = current != status.get("currentPodHash")
    if restarted:
        status.update({"currentPodHash": current, "currentStepIndex": 0, "abort": False, "pauseConditions": None})
    if status.get("promoteFull"):
        restarted = True
        status.update({"currentStepIndex": len(steps), "promoteFull": False, "pauseConditions": None})
    if status.get("abort"):
        weight = 0
        status["pauseConditions"] = None
        status["phase"] = "Degraded"
    else:
        was_paused = bool((before or {}).get("status", {}).get("pauseConditions"))
        if was_paused and not restarted and not status.get("pauseConditions"):
            status["currentStepIndex"] = status.get("currentStepIndex", 0) + 1  # the pause step is done
        index, weight = status.get("currentStepIndex", 0), 0
        for step in steps[:index]:
            weight = step.get("setWeight", weight)
        while index < len(steps) and not status.get("pauseConditions"):
            step = steps[index]
            if "pause" in step:
                status["pauseConditions"] = [{"reason": "CanaryPauseStep", "startTime": "2026-01-01T00:00:00Z"}]
                break
            weight = step.get("setWeight", weight)
            index += 1
        status["currentStepIndex"] = index
        if index >= len(steps):
            status["stableRS"] = current
        status["phase"] = "Paused" if status.get("pauseConditions") else "Healthy"
    if status["stableRS"] == current:
        weight = 0
    status["canary"] = {"weights": {"canary": {"weight": weight, "podTemplateHash": current},
                                    "stable": {"weight": 100 - weight, "podTemplateHash": status["stableRS"]}}}
    status = {k: v for k, v in status.items() if v is not None}
    obj["status"] = status


def reconcile(obj, before):
    if obj["kind"] == "Deployment":
        reconcile_deployment(obj)
    elif obj["kind"] == "Rollout":
        reconcile_rollout(obj, before)


# ---- HTTP ----

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, status, body=None, violation=None):
        url = urllib.parse.urlsplit(self.path)
        entry = {"method": self.command, "path": url.path, "query": url.query,
                 "content_type": self.headers.get("Content-Type", ""), "status": status}
        if body is not None:
            entry["body"] = body
        if violation:
            entry["violation"] = violation
        with open(LOG, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")

    def reply(self, code, doc):
        data = json.dumps(doc).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def refuse(self, refusal, body=None, violation=None):
        self.record(refusal.code, body, violation)
        self.reply(refusal.code, status_body(refusal.code, refusal.reason, refusal.message))

    def target(self):
        url = urllib.parse.urlsplit(self.path)
        m = OBJECT_PATH.match(url.path)
        if not m or m.group(3) not in KINDS or KINDS[m.group(3)][0] != m.group(1):
            return None
        prefix, namespace, plural, name, status = m.groups()
        return KINDS[plural], plural, namespace, name, bool(status), urllib.parse.parse_qs(url.query)

    def from_kubectl(self):
        """Only kubectl talks to this server; anything else is a test's mistake. (Over plain
        HTTP kubectl sends no credentials, so there is no token to check.)"""
        if self.headers.get("User-Agent", "").startswith("kubectl"):
            return True
        length = int(self.headers.get("Content-Length", "0") or 0)
        self.rfile.read(length)
        self.refuse(Refusal(403, "Forbidden", "only kubectl is served"), None, "not kubectl")
        return False

    def do_GET(self):
        if not self.from_kubectl():
            return
        path = urllib.parse.urlsplit(self.path).path
        if path in DISCOVERY:
            self.record(200)
            return self.reply(200, DISCOVERY[path])
        if path == "/openapi/v2":
            self.record(200)
            if PROTOBUF_OPENAPI not in self.headers.get("Accept", ""):
                return self.reply(200, openapi_json())
            data = openapi_protobuf()
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")  # as kube-openapi answers
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return self.wfile.write(data)
        namespace = re.match(r"^/api/v1/namespaces/([a-z0-9-]+)$", path)
        if namespace:  # kubectl asks whether the namespace exists after a NotFound
            with LOCK:
                known = {o["metadata"].get("namespace") for o in load()}
            name = namespace.group(1)
            if name in known:
                self.record(200)
                return self.reply(200, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name},
                                        "status": {"phase": "Active"}})
            return self.refuse(Refusal(404, "NotFound", f"namespaces \"{name}\" not found"))
        t = self.target()
        if not t:
            self.record(404)
            return self.reply(404, status_body(404, "NotFound", "the server could not find the requested resource"))
        (prefix, kind, api_version, custom), plural, namespace, name, _, _ = t
        with LOCK:
            objects = load()
            i = find(objects, kind, namespace, name)
        if i is None:
            return self.refuse(Refusal(404, "NotFound", f"{qualified(plural, api_version)} \"{name}\" not found"))
        self.record(200)
        self.reply(200, objects[i])

    def do_PATCH(self):
        if not self.from_kubectl():
            return
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length).decode("utf-8", "replace")
        t = self.target()
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip()
        if not t:
            return self.refuse(Refusal(404, "NotFound", "the server could not find the requested resource"), raw)
        (prefix, kind, api_version, custom), plural, namespace, name, to_status, query = t
        if set(query) - {"dryRun", "fieldManager", "fieldValidation"}:
            return self.refuse(Refusal(400, "BadRequest", f"unexpected query {query}"), raw, "unexpected query")
        if query.get("dryRun", ["All"]) != ["All"]:
            return self.refuse(Refusal(400, "BadRequest", "dryRun must be All"), raw, "bad dryRun")
        if content_type not in (MERGE, STRATEGIC, JSON_PATCH):
            return self.refuse(Refusal(415, "UnsupportedMediaType", f"the body of the request was in an unknown "
                                                                    f"format - accepted media types include: "
                                                                    f"{JSON_PATCH}, {MERGE}"), raw)
        if content_type == STRATEGIC and custom:
            # The API server cannot strategic-merge custom resources: it has no schema for merge keys.
            return self.refuse(Refusal(415, "UnsupportedMediaType",
                                       f"the body of the request was in an unknown format - accepted media types "
                                       f"include: {JSON_PATCH}, {MERGE}, application/apply-patch+yaml"), raw)
        try:
            patch = json.loads(raw)
        except ValueError as e:
            return self.refuse(Refusal(400, "BadRequest", f"error decoding patch: {e}"), raw)
        with LOCK:
            objects = load()
            i = find(objects, kind, namespace, name)
            if i is None:
                return self.refuse(Refusal(404, "NotFound", f"{qualified(plural, api_version)} \"{name}\" not found"),
                                   raw)
            before = objects[i]
            deny = before["metadata"].get("annotations", {}).get(DENY_ANNOTATION)
            if deny:  # an admission webhook's refusal, as a policy engine would send it
                return self.refuse(Refusal(403, "Forbidden", f"admission webhook \"policy.example.com\" denied "
                                                             f"the request: {deny}"), raw)
            try:
                if content_type == MERGE:
                    after = merge_patch(before, patch)
                elif content_type == STRATEGIC:
                    after = strategic_merge(before, patch)
                else:
                    after = json_patch(before, patch)
                if not isinstance(after, dict) or after.get("metadata", {}).get("name") != name \
                        or after.get("kind") != kind:
                    raise Refusal(422, "Invalid", "a patch may not change kind or name")
                # With the status subresource, the main resource ignores status and /status ignores the rest.
                if kind == "Rollout":
                    if to_status:
                        after = {**before, "status": after.get("status", {})}
                    else:
                        after["status"] = before.get("status", {})
                elif to_status:
                    raise Refusal(404, "NotFound", "this stand-in serves /status for Rollouts only")
                validate(after)
            except Refusal as r:
                return self.refuse(r, raw)
            if after.get("spec") != before.get("spec"):
                after["metadata"]["generation"] = before["metadata"].get("generation", 1) + 1
            if after != before:
                RESOURCE_VERSION[0] += 1
                after["metadata"]["resourceVersion"] = str(RESOURCE_VERSION[0])
            reconcile(after, before)
            if "dryRun" not in query:
                objects[i] = after
                save(objects)
        self.record(200, raw)
        self.reply(200, after)

    def unsupported(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace")
        self.refuse(Refusal(405, "MethodNotAllowed", f"{self.command} is not served by this stand-in"), raw,
                    f"unexpected {self.command}")

    do_POST = do_PUT = do_DELETE = unsupported


def main():
    with LOCK:
        objects = load()
        for o in objects:
            o.setdefault("metadata", {}).setdefault("namespace", "default")
            o["metadata"].setdefault("generation", 1)
            o["metadata"].setdefault("resourceVersion", "1")
            reconcile(o, None)
        save(objects)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(PORT_FILE + ".tmp", "w", encoding="utf-8") as f:
        f.write(str(server.server_address[1]))
    os.replace(PORT_FILE + ".tmp", PORT_FILE)
    server.serve_forever()


if __name__ == "__main__":
    main()
