#!/usr/bin/env python3
"""A stand-in for `terraform fmt -check` and part of `terraform validate`,
for machines without terraform (Debian does not package it).

Usage: check_terraform.py DIR

Formatting, as terraform fmt writes it:
- two spaces per indentation level: a line that opens more brackets than it
  closes adds one level, the line that closes them sits at the outer level
  (hclwrite's rule); no tabs, no trailing spaces;
- no two blank lines in a row; the file ends with exactly one newline;
- consecutive one-line attribute assignments (no blank or comment line
  between, value closing its own brackets) align their `=` one space after
  the longest name, and have one space after it.

References: every var.X is declared by a variable block, every local.X by a
locals block, every resource/data reference by a block of that type and name.

Prints one line per problem and exits 1 when there is any.
"""
import os
import re
import sys

problems = []
OPEN, CLOSE = "{[(", "}])"


def code_of(line):
    """The line with string contents and comments blanked, so brackets and
    `=` inside them do not count."""
    out, quote, i = [], False, 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                out.append("  ")
                i += 2
                continue
            if c == '"':
                quote = False
                out.append(c)
            elif line.startswith("${", i):
                out.append("  ")
                i += 2
                continue
            else:
                out.append(" ")
        elif c == '"':
            quote = True
            out.append(c)
        elif c == "#" or line.startswith("//", i):
            break
        else:
            out.append(c)
        i += 1
    return "".join(out)


def assignment(code):
    """Column of the line's top-level `=` when its value closes its own brackets, else None."""
    depth = 0
    for i, c in enumerate(code):
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth -= 1
        elif c == "=" and depth == 0:
            before = code[i - 1] if i else ""
            after = code[i + 1] if i + 1 < len(code) else ""
            if before in "=!<>" or after in "=>":
                continue
            rest = code[i:]
            net = sum(rest.count(o) for o in OPEN) - sum(rest.count(x) for x in CLOSE)
            return i if net == 0 and code[:i].strip() else None
    return None


def check_format(path, text):
    if "\t" in text:
        problems.append(f"{path}: contains a tab")
    if not text.endswith("\n") or text.endswith("\n\n"):
        problems.append(f"{path}: must end with exactly one newline")
    lines = text.split("\n")[:-1]
    depth = 0
    chain = []  # (line number, column of '=', length of the name)

    def close_chain():
        if chain:
            width = max(n for _, _, n in chain)
            for number, col, _ in chain:
                if col != width + 1 + indent_of[number]:
                    problems.append(f"{path}:{number}: '=' should be one space after the longest name around it")
        chain.clear()

    indent_of = {}
    blank_run = 0
    # terraform fmt's indentation: a line with more openers than closers adds
    # one level (however many it opens); closing them takes that level away.
    levels = []
    for number, line in enumerate(lines, 1):
        if line != line.rstrip():
            problems.append(f"{path}:{number}: trailing whitespace")
        stripped = line.strip()
        if not stripped:
            blank_run += 1
            if blank_run > 1:
                problems.append(f"{path}:{number}: more than one blank line")
            close_chain()
            continue
        blank_run = 0
        code = code_of(line)
        net = sum(code.count(o) for o in OPEN) - sum(code.count(c) for c in CLOSE)
        depth += net
        expected = len(levels)
        if net > 0:
            levels.append(net)
        elif net < 0:
            closed = -net
            while closed > 0 and levels:
                if closed >= levels[-1]:
                    closed -= levels.pop()
                else:
                    levels[-1] -= closed
                    closed = 0
            expected = len(levels)
        indent = len(line) - len(line.lstrip(" "))
        indent_of[number] = indent
        if indent != 2 * expected:
            problems.append(f"{path}:{number}: indented {indent}, expected {2 * expected}")
        col = assignment(code)
        if col is None:
            close_chain()
        else:
            name_len = len(code[:col].strip())
            if code[col + 1:col + 2] != " " or code[col + 2:col + 3] == " ":
                problems.append(f"{path}:{number}: one space after '=' expected")
            chain.append((number, col, name_len))
    close_chain()
    if depth != 0:
        problems.append(f"{path}: brackets do not balance ({depth:+d})")


def check_references(files):
    raw = "\n".join(files.values())
    # References may sit inside "${...}"; only comments are left out.
    text = "\n".join(l for l in raw.split("\n") if not l.lstrip().startswith("#"))
    variables = set(re.findall(r'^variable "(\w+)"', raw, re.M))
    locals_ = set()
    for block in re.findall(r"^locals \{\n(.*?)^\}", raw, re.M | re.S):
        locals_.update(re.findall(r"^  (\w+)\s*=", block, re.M))
    resources = set(re.findall(r'^resource "(\w+)" "(\w+)"', raw, re.M))
    data = set(re.findall(r'^data "(\w+)" "(\w+)"', raw, re.M))
    for name in sorted(set(re.findall(r"\bvar\.(\w+)", text))):
        if name not in variables:
            problems.append(f"var.{name} is used but no variable block declares it")
    for name in sorted(set(re.findall(r"\blocal\.(\w+)", text))):
        if name not in locals_:
            problems.append(f"local.{name} is used but no locals block defines it")
    for kind, name in sorted(set(re.findall(r"\bdata\.(\w+)\.(\w+)", text))):
        if (kind, name) not in data:
            problems.append(f"data.{kind}.{name} is used but not declared")
    for kind, name in sorted(set(re.findall(r"(?<!data\.)\b((?:aws|google|random)_\w+)\.(\w+)", text))):
        if (kind, name) not in resources:
            problems.append(f"{kind}.{name} is used but no resource block declares it")


def main(root):
    files = {}
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(".tf"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    files[os.path.relpath(path, root)] = f.read()
    if not files:
        problems.append(f"{root}: no .tf files")
    for path, text in sorted(files.items()):
        check_format(path, text)
    check_references(files)
    for p in problems:
        print(p)
    print(f"{len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
