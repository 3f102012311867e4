#!/usr/bin/env python3
"""Checks and runs a composite GitHub Action (action.yml) outside GitHub.

  composite_action.py check ACTION_YML
      Checks the metadata against GitHub's documented syntax for composite
      actions: required fields, known keys, `shell` on every `run` step,
      inputs and step outputs referenced in ${{ }} exist, no `secrets`
      (composite actions cannot read them), `uses:` pinned to a full commit
      SHA with a version comment.

  composite_action.py run ACTION_YML [--input NAME=VALUE]... [--github KEY=VALUE]...
                          [--skip STEP_ID]... [--step-output STEP_ID.NAME=VALUE]...
      Runs the bash `run:` steps in order as the runner does (bash --noprofile
      --norc -eo pipefail, a fresh GITHUB_OUTPUT per step, GITHUB_PATH and
      GITHUB_ENV carried forward, `if:` with success()/always()/failure()),
      skipping `uses:` steps and the steps named by --skip (their outputs can
      be given with --step-output). The environment (GITHUB_WORKSPACE,
      GITHUB_STEP_SUMMARY, RUNNER_TEMP, ...) is the caller's. Prints one
      "step: <id or name>: ran <status>|skipped" line per step, a
      "step-output: ID.NAME=VALUE" line per step output, and
      "output: NAME=VALUE" per action output; exits 1 if a step failed.
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{(.*?)\}\}", re.S)
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$")
TOP_KEYS = {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
INPUT_KEYS = {"description", "required", "default", "deprecationMessage"}
STEP_KEYS = {"id", "if", "name", "uses", "run", "shell", "with", "env", "working-directory", "continue-on-error"}
COLORS = {"white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"}
CONTEXTS = {"github", "inputs", "steps", "runner", "env", "job", "strategy", "matrix"}


def check(path):
    text = open(path, encoding="utf-8").read()
    meta = yaml.safe_load(text)
    errors = []
    err = errors.append
    for key in ("name", "description", "runs"):
        if not meta.get(key):
            err(f"missing required '{key}'")
    for key in set(meta) - TOP_KEYS:
        err(f"unknown top-level key '{key}'")
    inputs = meta.get("inputs") or {}
    for name, spec in inputs.items():
        if not isinstance(spec, dict) or "description" not in spec:
            err(f"input '{name}' has no description")
            continue
        for key in set(spec) - INPUT_KEYS:
            err(f"input '{name}': unknown key '{key}'")
    for name, spec in (meta.get("outputs") or {}).items():
        if not isinstance(spec, dict) or "description" not in spec or "value" not in spec:
            err(f"output '{name}' needs description and value (composite actions)")
    color = (meta.get("branding") or {}).get("color")
    if color is not None and color not in COLORS:
        err(f"branding color '{color}' is not one of {sorted(COLORS)}")
    runs = meta.get("runs") or {}
    if runs.get("using") != "composite":
        err(f"runs.using is '{runs.get('using')}', expected composite")
    steps = runs.get("steps") or []
    if not steps:
        err("runs.steps is empty")
    ids = set()
    for i, step in enumerate(steps, 1):
        where = f"step {i} ({step.get('id') or step.get('name')})"
        for key in set(step) - STEP_KEYS:
            err(f"{where}: unknown key '{key}'")
        if ("run" in step) == ("uses" in step):
            err(f"{where}: needs exactly one of run and uses")
        if "run" in step and "shell" not in step:
            err(f"{where}: a run step in a composite action needs shell")
        if "id" in step:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", step["id"]) or step["id"] in ids:
                err(f"{where}: bad or duplicate id")
            ids.add(step["id"])
        for expr in expressions(step):
            for ref in re.findall(r"steps\.([\w-]+)\.outputs", expr):
                if ref not in ids or ref == step.get("id"):
                    err(f"{where}: refers to outputs of step '{ref}', which does not run before it")
    for expr in expressions(meta):
        for context in re.findall(r"(?<![\w.'-])([A-Za-z_][\w-]*)\s*(?=[.\[])", expr):
            if context not in CONTEXTS:
                err(f"context '{context}' is not available in a composite action: ${{{{{expr.strip()}}}}}")
        for name in re.findall(r"inputs\.([\w-]+)", expr):
            if name not in inputs:
                err(f"${{{{ inputs.{name} }}}} refers to an undeclared input")
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"^\s*(-\s+)?uses:", line) and not SHA_PIN.match(line):
            err(f"line {number}: uses must pin a full commit SHA with a version comment: {line.strip()}")
    for e in errors:
        print(f"{path}: {e}")
    return 1 if errors else 0


def expressions(node):
    """Every ${{ }} expression in a YAML value, plus bare `if:` conditions."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "if" and isinstance(value, str) and "${{" not in value:
                yield value
            else:
                yield from expressions(value)
    elif isinstance(node, list):
        for value in node:
            yield from expressions(value)
    elif isinstance(node, str):
        yield from (m.group(1) for m in EXPR.finditer(node))


class Evaluator:
    """The subset of GitHub's expression language that action files use."""

    TOKEN = re.compile(r"\s*(?:(\|\||&&|==|!=|[!()])|'((?:[^']|'')*)'|([A-Za-z_][\w.-]*(?:\(\))?))")

    def __init__(self, contexts, job_failed):
        self.contexts = contexts
        self.job_failed = job_failed

    def evaluate(self, text):
        self.tokens, pos = [], 0
        text = text.strip()
        while pos < len(text):
            m = self.TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError(f"cannot parse expression: {text}")
            op, string, name = m.groups()
            self.tokens.append(("op", op) if op else ("str", string.replace("''", "'")) if string is not None
                               else ("name", name))
            pos = m.end()
        self.pos = 0
        value = self.parse_or()
        if self.pos != len(self.tokens):
            raise ValueError(f"trailing tokens in expression: {text}")
        return value

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)

    def take(self, op):
        if self.peek() == ("op", op):
            self.pos += 1
            return True
        return False

    def parse_or(self):
        left = self.parse_and()
        while self.take("||"):
            right = self.parse_and()
            left = left if truthy(left) else right
        return left

    def parse_and(self):
        left = self.parse_compare()
        while self.take("&&"):
            right = self.parse_compare()
            left = right if truthy(left) else left
        return left

    def parse_compare(self):
        left = self.parse_unary()
        for op in ("==", "!="):
            if self.take(op):
                right = self.parse_unary()
                same = str(left or "").lower() == str(right or "").lower()
                return same if op == "==" else not same
        return left

    def parse_unary(self):
        if self.take("!"):
            return not truthy(self.parse_unary())
        if self.take("("):
            value = self.parse_or()
            if not self.take(")"):
                raise ValueError("missing )")
            return value
        kind, value = self.peek()
        self.pos += 1
        if kind == "str":
            return value
        if value in ("always()", "success()", "failure()", "cancelled()"):
            return {"always()": True, "success()": not self.job_failed, "failure()": self.job_failed,
                    "cancelled()": False}[value]
        if value in ("true", "false"):
            return value == "true"
        node = self.contexts
        for part in value.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node


def truthy(value):
    return value not in (None, False, "", 0)


def substitute(text, evaluator):
    def one(m):
        value = evaluator.evaluate(m.group(1))
        return "" if value is None else ("true" if value is True else "false" if value is False else str(value))
    return EXPR.sub(one, str(text))


def read_outputs(path):
    outputs, lines = {}, open(path, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, i + 1)
            outputs[name] = "\n".join(lines[i + 1:end])
            i = end + 1
            continue
        if "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
        i += 1
    return outputs


def run(path, inputs, github, skip, seeded):
    meta = yaml.safe_load(open(path, encoding="utf-8"))
    declared = {name: str(spec.get("default", "")) for name, spec in (meta.get("inputs") or {}).items()}
    unknown = set(inputs) - set(declared)
    if unknown:
        sys.exit(f"unknown inputs: {sorted(unknown)}")
    contexts = {"inputs": {**declared, **inputs}, "github": github, "steps": {}, "runner": {}}
    for step_id, outputs in seeded.items():
        contexts["steps"][step_id] = {"outputs": outputs, "outcome": "success", "conclusion": "success"}
    env = dict(os.environ)
    env["GITHUB_ACTION_PATH"] = os.path.dirname(os.path.abspath(path))
    job_failed = False
    scratch = tempfile.mkdtemp()
    for number, step in enumerate(meta["runs"]["steps"], 1):
        label = step.get("id") or step.get("name") or f"step {number}"
        evaluator = Evaluator(contexts, job_failed)
        condition = step.get("if", "success()")
        condition = EXPR.sub(lambda m: m.group(1), condition) if isinstance(condition, str) else condition
        if not re.search(r"\b(always|success|failure|cancelled)\(\)", str(condition)):
            condition = f"success() && ({condition})"
        if "uses" in step or step.get("id") in skip or not truthy(evaluator.evaluate(str(condition))):
            print(f"step: {label}: skipped", flush=True)
            continue
        step_env = dict(env)
        for name, value in (step.get("env") or {}).items():
            step_env[name] = substitute(value, evaluator)
        step_env["GITHUB_OUTPUT"] = output_file = os.path.join(scratch, f"output.{number}")
        step_env["GITHUB_PATH"] = path_file = os.path.join(scratch, f"path.{number}")
        step_env["GITHUB_ENV"] = env_file = os.path.join(scratch, f"env.{number}")
        for f in (output_file, path_file, env_file):
            open(f, "w").close()
        script = os.path.join(scratch, f"step.{number}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(substitute(step["run"], evaluator))
        cwd = substitute(step.get("working-directory", env.get("GITHUB_WORKSPACE", ".")), evaluator)
        status = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], env=step_env, cwd=cwd)
        print(f"step: {label}: ran {status}", flush=True)
        if "id" in step:
            outputs = read_outputs(output_file)
            contexts["steps"][step["id"]] = {"outputs": outputs, "outcome": "success" if status == 0 else "failure"}
            for name, value in outputs.items():
                print(f"step-output: {step['id']}.{name}={value}", flush=True)
        for line in open(path_file, encoding="utf-8").read().splitlines():
            env["PATH"] = line + os.pathsep + env["PATH"]
        env.update(read_outputs(env_file))
        if status != 0:
            job_failed = True
    evaluator = Evaluator(contexts, job_failed)
    for name, spec in (meta.get("outputs") or {}).items():
        print(f"output: {name}={substitute(spec['value'], evaluator)}")
    return 1 if job_failed else 0


def pairs(values):
    return dict(v.split("=", 1) for v in values)


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        return check(argv[1])
    if len(argv) < 2 or argv[0] != "run":
        sys.exit(__doc__)
    options = {"--input": [], "--github": [], "--skip": [], "--step-output": []}
    rest = argv[2:]
    while rest:
        if rest[0] not in options or len(rest) < 2:
            sys.exit(f"bad argument {rest[0]}\n{__doc__}")
        options[rest[0]].append(rest[1])
        rest = rest[2:]
    github = {}
    for key, value in pairs(options["--github"]).items():  # event.before=... nests
        node = github
        *parents, leaf = key.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = value
    seeded = {}
    for key, value in pairs(options["--step-output"]).items():
        step_id, name = key.split(".", 1)
        seeded.setdefault(step_id, {})[name] = value
    return run(argv[1], pairs(options["--input"]), github, set(options["--skip"]), seeded)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
