#!/usr/bin/env python3
"""Checks the files `copilot plan` wrote, without a cluster or a registry.

Usage: check_plan.py PLAN_DIR

- every .yml/.yaml file parses (all documents);
- Kubernetes manifests carry the fields a cluster and the plan's promises
  need: probes, resources, a locked-down securityContext, matching selectors;
- Dockerfiles are multi-stage (unless a skeleton), pin their base image tags,
  run as a numeric non-root user, EXPOSE a port and have a HEALTHCHECK;
- GitHub workflows pin every third-party action to a full commit SHA with a
  version comment and declare least-privilege permissions;
- GitLab CI jobs sit in declared stages, have scripts, and one publishes a
  Code Quality report;
- compose services wait only for healthchecked services, volumes are declared;
- Helm charts have their metadata, balanced template actions, and every
  .Values reference in values.yaml (helm itself is not available here).

Prints one line per problem and exits 1 when there is any.
"""
import os
import re
import sys

import yaml

problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def dig(doc, *keys):
    for key in keys:
        if not isinstance(doc, dict) or key not in doc:
            return None
        doc = doc[key]
    return doc


def check_probe(path, name, probe):
    if not isinstance(probe, dict):
        problem(path, f"container has no {name}")
        return
    if not (probe.get("httpGet") or probe.get("tcpSocket")):
        problem(path, f"{name} checks neither HTTP nor TCP")


def check_pod(path, pod, labels_needed):
    labels = dig(pod, "metadata", "labels") or {}
    for key, value in (labels_needed or {}).items():
        if labels.get(key) != value:
            problem(path, f"pod template lacks selector label {key}={value}")
    spec = pod.get("spec") or {}
    security = spec.get("securityContext") or {}
    if security.get("runAsNonRoot") is not True:
        problem(path, "pod securityContext.runAsNonRoot is not true")
    if dig(security, "seccompProfile", "type") != "RuntimeDefault":
        problem(path, "pod seccompProfile is not RuntimeDefault")
    volumes = {v.get("name"): v for v in spec.get("volumes") or []}
    containers = spec.get("containers") or []
    if not containers:
        problem(path, "pod has no containers")
    for c in containers:
        where = f"{path} container {c.get('name')}"
        if not c.get("image"):
            problem(where, "no image")
        for kind in ("requests", "limits"):
            res = dig(c, "resources", kind) or {}
            if not res.get("cpu") or not res.get("memory"):
                problem(where, f"resources.{kind} needs cpu and memory")
        for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
            check_probe(where, probe, c.get(probe))
        sc = c.get("securityContext") or {}
        if sc.get("readOnlyRootFilesystem") is not True:
            problem(where, "readOnlyRootFilesystem is not true")
        if sc.get("allowPrivilegeEscalation") is not False:
            problem(where, "allowPrivilegeEscalation is not false")
        if "ALL" not in (dig(sc, "capabilities", "drop") or []):
            problem(where, "capabilities do not drop ALL")
        mounts = {m.get("mountPath"): m.get("name") for m in c.get("volumeMounts") or []}
        tmp = volumes.get(mounts.get("/tmp"))
        if not tmp or "emptyDir" not in tmp:
            problem(where, "/tmp is not an emptyDir volume")
        ports = [p.get("containerPort") for p in c.get("ports") or []]
        if not ports:
            problem(where, "no containerPort")


def check_k8s(path, doc):
    for field in ("apiVersion", "kind"):
        if not doc.get(field):
            problem(path, f"missing {field}")
    kind = doc.get("kind")
    if kind == "Kustomization":
        for res in doc.get("resources") or []:
            if not os.path.exists(os.path.join(os.path.dirname(path), res)):
                problem(path, f"resource {res} does not exist")
        return
    if not dig(doc, "metadata", "name"):
        problem(path, "missing metadata.name")
    spec = doc.get("spec") or {}
    if kind in ("Deployment", "Rollout"):
        match = dig(spec, "selector", "matchLabels")
        if not match:
            problem(path, "no spec.selector.matchLabels")
        check_pod(path, spec.get("template") or {}, match)
        if kind == "Rollout":
            if doc.get("apiVersion") != "argoproj.io/v1alpha1":
                problem(path, "Rollout is not argoproj.io/v1alpha1")
            steps = dig(spec, "strategy", "canary", "steps") or []
            if not any("setWeight" in s for s in steps):
                problem(path, "canary has no setWeight steps")
    elif kind == "Service":
        if not spec.get("selector"):
            problem(path, "Service has no selector")
        for p in spec.get("ports") or [{}]:
            if not p.get("port") or not p.get("targetPort"):
                problem(path, "Service port needs port and targetPort")
    elif kind == "HorizontalPodAutoscaler":
        if doc.get("apiVersion") != "autoscaling/v2":
            problem(path, "HPA is not autoscaling/v2")
        ref = spec.get("scaleTargetRef") or {}
        if not (ref.get("kind") and ref.get("name") and ref.get("apiVersion")):
            problem(path, "scaleTargetRef needs apiVersion, kind and name")
        if not 1 <= (spec.get("minReplicas") or 0) <= (spec.get("maxReplicas") or 0):
            problem(path, "needs 1 <= minReplicas <= maxReplicas")
        if not spec.get("metrics"):
            problem(path, "HPA has no metrics")
    elif kind == "PodDisruptionBudget":
        if doc.get("apiVersion") != "policy/v1":
            problem(path, "PDB is not policy/v1")
        if not dig(spec, "selector", "matchLabels"):
            problem(path, "PDB has no selector")
        if "minAvailable" not in spec and "maxUnavailable" not in spec:
            problem(path, "PDB needs minAvailable or maxUnavailable")
    elif kind == "AnalysisTemplate":
        metrics = spec.get("metrics") or []
        if not metrics or not all(m.get("provider") for m in metrics):
            problem(path, "AnalysisTemplate metrics need a provider")


SHA_PIN = re.compile(r"^\s*(?:-\s*)?uses:\s*([^@\s]+)@([0-9a-f]{40})\s+#\s*v\d")


def check_workflow(path, text, doc):
    if not isinstance(doc.get("permissions"), dict):
        problem(path, "no top-level permissions block")
    elif any(v == "write" for v in doc["permissions"].values()):
        problem(path, "top-level permissions grant write")
    for number, line in enumerate(text.splitlines(), 1):
        if "uses:" not in line or line.strip().startswith("#"):
            continue
        action = line.split("uses:", 1)[1].strip()
        if "/copilot/plugins/github-action@" in action:
            continue  # copilot's own action: configured by plan.copilot_action
        if not SHA_PIN.match(line):
            problem(f"{path}:{number}", f"action not pinned to a full commit SHA with a version comment: {action}")


GITLAB_KEYWORDS = {"default", "include", "stages", "variables", "workflow", "image", "services", "cache",
                   "before_script", "after_script"}


def check_gitlab(path, doc):
    stages = doc.get("stages") or []
    if not stages:
        problem(path, "no stages")
    jobs = {k: v for k, v in doc.items() if k not in GITLAB_KEYWORDS and isinstance(v, dict)}
    reports = set()
    for name, job in jobs.items():
        if name.startswith("."):
            continue
        parent = job.get("extends")
        if parent and parent not in jobs:
            problem(path, f"job {name} extends unknown {parent}")
        merged = dict(jobs.get(parent) or {}, **job)
        if merged.get("stage") not in stages:
            problem(path, f"job {name} is in no declared stage")
        if not merged.get("script"):
            problem(path, f"job {name} has no script")
        reports.update((dig(job, "artifacts", "reports") or {}).keys())
    if "codequality" not in reports:
        problem(path, "no job publishes a Code Quality report")


def check_compose(path, doc):
    services = doc.get("services") or {}
    if not services:
        problem(path, "no services")
    for name, svc in services.items():
        if not (svc.get("image") or svc.get("build")):
            problem(path, f"service {name} has neither image nor build")
        for dep, cond in (svc.get("depends_on") or {}).items():
            if dep not in services:
                problem(path, f"service {name} depends on unknown {dep}")
            elif cond.get("condition") == "service_healthy" and not services[dep].get("healthcheck"):
                problem(path, f"service {name} waits for {dep} to be healthy, but {dep} has no healthcheck")
    for svc in services.values():
        for volume in svc.get("volumes") or []:
            source = volume.split(":", 1)[0]
            if not source.startswith((".", "/")) and source not in (doc.get("volumes") or {}):
                problem(path, f"named volume {source} is not declared")


ACTION = re.compile(r"{{-?\s*(.*?)\s*-?}}", re.S)
OPENERS = ("range ", "if ", "with ", "define ")


def check_helm_chart(root, chart):
    """Go templates cannot be rendered without helm: check what can be checked."""
    rel = os.path.relpath(chart, root)
    with open(os.path.join(chart, "Chart.yaml"), encoding="utf-8") as f:
        meta = yaml.safe_load(f)
    for field in ("apiVersion", "name", "version"):
        if not meta.get(field):
            problem(f"{rel}/Chart.yaml", f"missing {field}")
    if meta.get("apiVersion") != "v2":
        problem(f"{rel}/Chart.yaml", "apiVersion is not v2")
    with open(os.path.join(chart, "values.yaml"), encoding="utf-8") as f:
        values = yaml.safe_load(f)
    service_values = list((values.get("services") or {}).values())
    templates = os.path.join(chart, "templates")
    for name in sorted(os.listdir(templates)):
        path = f"{rel}/templates/{name}"
        with open(os.path.join(templates, name), encoding="utf-8") as f:
            text = f.read()
        depth = 0
        for action in ACTION.findall(text):
            if action.startswith(OPENERS):
                depth += 1
            elif action == "end":
                depth -= 1
                if depth < 0:
                    problem(path, "{{ end }} without an opening action")
        if depth > 0:
            problem(path, f"{depth} action(s) never closed with {{{{ end }}}}")
        for ref in re.findall(r"\.Values((?:\.\w+)+)", text):
            if dig(values, *ref.strip(".").split(".")) is None and ref.split(".")[1] != "services":
                problem(path, f".Values{ref} is not in values.yaml")
        for ref in re.findall(r"\$svc((?:\.\w+)+)", text):
            for svc in service_values:
                if dig(svc, *ref.strip(".").split(".")) is None:
                    problem(path, f"$svc{ref} is missing from a service in values.yaml")


def check_dockerfile(path, text):
    lines = [l.strip() for l in text.splitlines() if l.strip() and not l.strip().startswith("#")]
    froms = [l.split()[1] for l in lines if l.upper().startswith("FROM ")]
    skeleton = "debian:12-slim" in froms
    if len(froms) < 2 and not skeleton:
        problem(path, "not multi-stage")
    for image in froms:
        name, _, tag = image.partition(":")
        if not tag or tag == "latest":
            problem(path, f"base image {image} has no pinned tag")
    users = [l.split()[1] for l in lines if l.upper().startswith("USER ")]
    if not users or not re.match(r"^[1-9]\d*(:\d+)?$", users[-1]):
        problem(path, "final USER is not a numeric non-root user")
    if not any(l.upper().startswith("HEALTHCHECK ") for l in lines):
        problem(path, "no HEALTHCHECK")
    if not any(l.upper().startswith("EXPOSE ") for l in lines):
        problem(path, "no EXPOSE")


def main(root):
    count = 0
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            count += 1
            if name == "Dockerfile":
                check_dockerfile(rel, text)
            if name == "Chart.yaml":
                check_helm_chart(root, folder)
            if not name.endswith((".yml", ".yaml")) or "/templates/" in f"/{rel}":
                continue  # Helm templates are Go templates, not YAML
            try:
                docs = [d for d in yaml.safe_load_all(text) if d is not None]
            except yaml.YAMLError as e:
                problem(rel, f"invalid YAML: {e}")
                continue
            if rel.startswith(".github/workflows/"):
                check_workflow(rel, text, docs[0])
            if rel == ".gitlab-ci.yml":
                check_gitlab(rel, docs[0])
            if name == "docker-compose.yml":
                check_compose(rel, docs[0])
            for doc in docs:
                if isinstance(doc, dict) and "apiVersion" in doc and "kind" in doc:
                    check_k8s(path if doc.get("kind") == "Kustomization" else rel, doc)
    for p in problems:
        print(p)
    print(f"{count} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
