#!/usr/bin/env python3
"""Writes bench/review/astgrep-rules/*.yml: one ast-grep rule per copilot py-* query rule.

The ast-grep rules have the same ids and intent as copilot's built-in Python
rules but are simpler (no data flow, fewer exclusions); they exist so that
`ast-grep scan` runs the same number of rules as copilot in whole_tree.sh.
When copilot gains or renames a py-* rule, add or rename it here and re-run:

    python3 bench/review/gen_astgrep_rules.py           # regenerate
    python3 bench/review/gen_astgrep_rules.py --check   # each rule fires on copilot's positive example
"""
import glob
import json
import os
import subprocess
import sys
R = {}
def rule(id, body, msg):
    R[id] = (body, msg)

def pats(*ps):
    if len(ps) == 1:
        return f"rule:\n  pattern: {q(ps[0])}\n"
    return "rule:\n  any:\n" + "".join(f"    - pattern: {q(p)}\n" for p in ps)
def q(p):
    return "'" + p.replace("'", "''") + "'"

rule("py-assert-access-control", """rule:
  kind: assert_statement
  regex: '(?i)(is_superuser|is_staff|is_admin|is_authenticated|has_perm|permission|authoriz|role)'
""", "assert used for an authorization check")
rule("py-assert-on-tuple", """rule:
  kind: assert_statement
  has:
    kind: tuple
""", "assert on a tuple is always true")
rule("py-asyncio-subprocess-shell", pats("asyncio.create_subprocess_shell($CMD, $$$)", "asyncio.create_subprocess_shell($CMD)"), "asyncio runs a shell command")
rule("py-bare-except", """rule:
  kind: except_clause
  regex: '^except\\s*:'
""", "bare except")
rule("py-bind-all-interfaces", """rule:
  kind: string
  regex: '^[rbuRBU]?["'']0\\.0\\.0\\.0["'']$'
""", "binds all interfaces")
rule("py-camelcase-function-name", """rule:
  kind: identifier
  regex: '^[a-z]+[A-Z][A-Za-z0-9]*$'
  inside:
    kind: function_definition
    field: name
""", "camelCase function name")
rule("py-camelcase-variable-name", """rule:
  kind: identifier
  regex: '^[a-z]+[A-Z][A-Za-z0-9]*$'
  inside:
    kind: assignment
    field: left
    inside:
      stopBy: end
      kind: function_definition
""", "camelCase local variable")
rule("py-cleartext-protocol", pats("ftplib.FTP($$$)", "telnetlib.Telnet($$$)", "FTP($$$)", "Telnet($$$)"), "cleartext protocol")
rule("py-constant-condition", """rule:
  any:
    - kind: if_statement
    - kind: elif_clause
  has:
    field: condition
    any:
      - kind: "true"
      - kind: "false"
      - kind: integer
      - kind: string
""", "constant condition")
rule("py-csrf-protection-disabled", pats("@csrf_exempt", "WTF_CSRF_ENABLED = False", "$APP.config['WTF_CSRF_ENABLED'] = False"), "CSRF protection disabled")
rule("py-debugger-breakpoint", pats("breakpoint()", "pdb.set_trace()", "ipdb.set_trace()", "import pdb"), "debugger breakpoint")
rule("py-django-debug-true", pats("DEBUG = True"), "Django DEBUG on")
rule("py-dynamic-import", """rule:
  any:
    - pattern: __import__($X)
    - pattern: importlib.import_module($X)
    - pattern: import_module($X)
constraints:
  X:
    not:
      kind: string
""", "dynamic import")
rule("py-ecb-mode", pats("modes.ECB($$$)", "AES.MODE_ECB", "DES.MODE_ECB"), "ECB mode")
rule("py-eval-injection", """rule:
  any:
    - pattern: eval($X)
    - pattern: exec($X)
    - pattern: compile($X, $$$)
constraints:
  X:
    not:
      kind: string
""", "eval on a non-constant")
rule("py-flask-debug-true", pats("$APP.run($$$, debug=True, $$$)", "$APP.run($$$, debug=True)", "$APP.config['DEBUG'] = True", "$APP.debug = True"), "debugger enabled")
rule("py-hardcoded-password", """rule:
  kind: assignment
  has:
    field: left
    regex: '(?i)(password|passwd|pwd|secret|token|api_?key)$'
  all:
    - has:
        field: right
        kind: string
""", "hardcoded password")
rule("py-hardcoded-secret-key", """rule:
  pattern: SECRET_KEY = $S
constraints:
  S:
    kind: string
""", "hardcoded SECRET_KEY")
rule("py-hardcoded-tmp-path", """rule:
  kind: string
  regex: '^[rbuRBU]?["'']/(tmp|var/tmp|dev/shm)/'
""", "fixed /tmp path")
rule("py-insecure-tls-version", pats("ssl.PROTOCOL_SSLv2", "ssl.PROTOCOL_SSLv3", "ssl.PROTOCOL_TLSv1", "ssl.PROTOCOL_TLSv1_1", "ssl.TLSVersion.TLSv1", "ssl.TLSVersion.TLSv1_1"), "insecure TLS version")
rule("py-is-literal", """rule:
  kind: comparison_operator
  regex: '\\bis\\b'
  has:
    any:
      - kind: string
      - kind: integer
      - kind: float
""", "is with a literal")
rule("py-jinja2-autoescape-disabled", pats("jinja2.Environment($$$)", "Environment($$$)", "Environment()", "jinja2.Environment()"), "Jinja2 without autoescape")
rule("py-jsonpickle-decode", pats("jsonpickle.decode($$$)", "jsonpickle.loads($$$)"), "jsonpickle decode")
rule("py-jwt-verify-disabled", pats("jwt.decode($$$, verify=False, $$$)", "jwt.decode($$$, verify=False)", "jwt.decode($$$, options={'verify_signature': False})", "jwt.decode($$$, options={'verify_signature': False}, $$$)"), "JWT unverified")
rule("py-mark-safe-nonliteral", """rule:
  any:
    - pattern: mark_safe($X)
    - pattern: SafeString($X)
    - pattern: Markup($X)
constraints:
  X:
    not:
      kind: string
""", "mark_safe on a non-literal")
rule("py-marshal-load", pats("marshal.load($$$)", "marshal.loads($$$)"), "marshal load")
rule("py-membership-test-on-list-in-loop", """rule:
  kind: comparison_operator
  regex: '\\bin\\b'
  has:
    kind: list
  inside:
    stopBy: end
    any:
      - kind: for_statement
      - kind: while_statement
""", "membership test on a list literal in a loop")
rule("py-mutable-default-argument", """rule:
  kind: default_parameter
  has:
    field: value
    any:
      - kind: list
      - kind: dictionary
      - kind: set
""", "mutable default argument")
rule("py-none-compared-with-eq", pats("$X == None", "None == $X"), "== None")
rule("py-none-compared-with-ne", pats("$X != None", "None != $X"), "!= None")
rule("py-os-system-injection", """rule:
  any:
    - pattern: os.system($X)
    - pattern: os.popen($X, $$$)
    - pattern: os.popen($X)
    - pattern: subprocess.getoutput($X)
    - pattern: subprocess.getstatusoutput($X)
constraints:
  X:
    not:
      kind: string
""", "os.system with a computed command")
rule("py-paramiko-auto-add-policy", pats("$C.set_missing_host_key_policy(paramiko.AutoAddPolicy())", "$C.set_missing_host_key_policy(AutoAddPolicy())"), "paramiko AutoAddPolicy")
rule("py-permissive-file-mode", pats("os.chmod($P, 0o777)", "os.chmod($P, 0o666)", "os.makedirs($P, 0o777, $$$)", "os.makedirs($P, mode=0o777, $$$)"), "world-writable file")
rule("py-pickle-load", pats("pickle.load($$$)", "pickle.loads($$$)", "cPickle.loads($$$)", "dill.loads($$$)", "pandas.read_pickle($$$)"), "pickle load")
rule("py-print-debug", pats("print($$$)"), "print() left in code")
rule("py-query-in-loop", """rule:
  any:
    - pattern: $M.objects.get($$$)
    - pattern: $M.objects.filter($$$)
  inside:
    stopBy: end
    kind: for_statement
""", "query inside a loop")
rule("py-regex-compile-in-loop", """rule:
  any:
    - pattern: re.compile($P)
    - pattern: re.compile($P, $$$)
  inside:
    stopBy: end
    any:
      - kind: for_statement
      - kind: while_statement
constraints:
  P:
    kind: string
""", "re.compile in a loop")
rule("py-requests-no-timeout", """rule:
  any:
    - pattern: requests.get($$$)
    - pattern: requests.post($$$)
    - pattern: requests.put($$$)
    - pattern: requests.delete($$$)
    - pattern: requests.request($$$)
  not:
    has:
      stopBy: end
      kind: keyword_argument
      regex: '^timeout'
""", "request without a timeout")
rule("py-return-in-finally", """rule:
  kind: return_statement
  inside:
    stopBy: end
    kind: finally_clause
""", "return in finally")
rule("py-self-assignment", pats("$X = $X"), "self-assignment")
rule("py-self-comparison", pats("$X == $X", "$X != $X", "$X is $X"), "self-comparison")
rule("py-shadowed-builtin", """rule:
  kind: identifier
  regex: '^(list|dict|str|int|id|type|input|file|len|max|min|sum|filter|map|object|set|hash|format|iter|next|range|open|vars|dir|all|any|bytes|compile|tuple)$'
  any:
    - inside:
        kind: assignment
        field: left
    - inside:
        kind: parameters
""", "shadowed builtin")
rule("py-shell-command-literal", """rule:
  any:
    - pattern: os.system($C)
    - pattern: subprocess.run($C, $$$, shell=True, $$$)
    - pattern: subprocess.call($C, $$$, shell=True, $$$)
    - pattern: subprocess.Popen($C, $$$, shell=True, $$$)
constraints:
  C:
    kind: string
""", "constant command through a shell")
rule("py-shelve-open", pats("shelve.open($$$)"), "shelve open")
rule("py-shutil-unpack-archive", pats("shutil.unpack_archive($$$)"), "unpack_archive without filter")
rule("py-sql-injection-execute", """rule:
  any:
    - pattern: $C.execute($Q, $$$)
    - pattern: $C.execute($Q)
    - pattern: $C.executemany($Q, $$$)
    - pattern: $C.raw($Q, $$$)
    - pattern: $C.raw($Q)
constraints:
  Q:
    any:
      - kind: binary_operator
      - pattern: $S.format($$$)
      - kind: string
        has:
          kind: interpolation
""", "SQL built with string formatting executed")
rule("py-sql-injection-string-built", """rule:
  any:
    - kind: binary_operator
      has:
        kind: string
        regex: '(?i)^[rbuf]*["'']+\\s*(select|insert|update|delete)\\s'
    - kind: string
      regex: '(?i)^f["'']+\\s*(select|insert|update|delete)\\s'
      has:
        kind: interpolation
""", "SQL assembled with string formatting")
rule("py-ssl-cert-none", pats("$C.verify_mode = ssl.CERT_NONE", "$C.check_hostname = False", "ssl.wrap_socket($$$, cert_reqs=ssl.CERT_NONE, $$$)"), "SSL verification off")
rule("py-ssl-unverified-context", pats("ssl._create_unverified_context($$$)", "ssl._create_stdlib_context($$$)"), "unverified SSL context")
rule("py-ssrf-url-built", """rule:
  any:
    - pattern: requests.get($U, $$$)
    - pattern: requests.post($U, $$$)
    - pattern: urlopen($U, $$$)
    - pattern: urllib.request.urlopen($U, $$$)
constraints:
  U:
    any:
      - kind: binary_operator
      - pattern: $S.format($$$)
      - kind: string
        has:
          kind: interpolation
""", "request to a URL built at run time")
rule("py-string-concat-in-loop", """rule:
  kind: augmented_assignment
  regex: '\\+='
  has:
    field: right
    any:
      - kind: string
      - kind: binary_operator
  inside:
    stopBy: end
    any:
      - kind: for_statement
      - kind: while_statement
""", "string += in a loop")
rule("py-subprocess-shell-true", """rule:
  any:
    - pattern: subprocess.$F($C, $$$, shell=True, $$$)
    - pattern: $F($C, $$$, shell=True, $$$)
constraints:
  C:
    not:
      kind: string
""", "subprocess with shell=True")
rule("py-swallowed-exception", """rule:
  kind: except_clause
  regex: '^except\\s*((Exception|BaseException)(\\s+as\\s+\\w+)?)?\\s*:\\s*(pass|\\.\\.\\.|continue)\\s*$'
""", "exception swallowed")
rule("py-tarfile-extractall", """rule:
  pattern: $T.extractall($$$)
  not:
    has:
      stopBy: end
      kind: keyword_argument
      regex: '^filter'
""", "tar extractall without filter")
rule("py-tempfile-mktemp", pats("tempfile.mktemp($$$)", "mktemp($$$)", "os.tempnam($$$)", "os.tmpnam($$$)"), "mktemp")
rule("py-template-injection", """rule:
  any:
    - pattern: Template($X)
    - pattern: jinja2.Template($X)
    - pattern: $E.from_string($X)
constraints:
  X:
    not:
      kind: string
""", "template compiled from run-time string")
rule("py-tls-verify-disabled", pats("requests.$M($$$, verify=False, $$$)", "$S.get($$$, verify=False, $$$)", "$S.post($$$, verify=False, $$$)", "httpx.$M($$$, verify=False, $$$)"), "TLS verification disabled")
rule("py-todo-without-reference", """rule:
  kind: comment
  regex: '(TODO|FIXME|XXX)'
  not:
    regex: '(#\\d+|[A-Z]+-\\d+|https?://)'
""", "TODO without reference")
rule("py-torch-load-unsafe", """rule:
  pattern: torch.load($$$)
  not:
    has:
      stopBy: end
      kind: keyword_argument
      regex: '^weights_only\\s*=\\s*True'
""", "torch.load without weights_only")
rule("py-unreachable-code", """rule:
  any:
    - kind: return_statement
    - kind: raise_statement
    - kind: break_statement
    - kind: continue_statement
  precedes:
    stopBy: end
    kind: expression_statement
""", "unreachable code")
rule("py-urllib3-disable-warnings", pats("urllib3.disable_warnings($$$)", "requests.packages.urllib3.disable_warnings($$$)"), "urllib3 warnings silenced")
rule("py-weak-cipher", pats("DES.new($$$)", "ARC4.new($$$)", "Blowfish.new($$$)", "ARC2.new($$$)", "algorithms.TripleDES($$$)", "algorithms.ARC4($$$)", "algorithms.Blowfish($$$)"), "weak cipher")
rule("py-weak-hash", """rule:
  any:
    - pattern: hashlib.md5($$$)
    - pattern: hashlib.sha1($$$)
    - pattern: hashlib.new($N, $$$)
    - pattern: hashlib.new($N)
  not:
    has:
      stopBy: end
      kind: keyword_argument
      regex: '^usedforsecurity'
""", "weak hash")
rule("py-weak-random-secret", """rule:
  any:
    - pattern: random.$F($$$)
  inside:
    stopBy: end
    any:
      - kind: assignment
        has:
          field: left
          regex: '(?i)(token|secret|password|key|salt|nonce)'
""", "weak random for a secret")
rule("py-wildcard-import", """rule:
  kind: import_from_statement
  has:
    kind: wildcard_import
""", "wildcard import")
rule("py-lxml-resolve-entities", pats("$P(resolve_entities=True, $$$)", "$P($$$, resolve_entities=True, $$$)", "$P($$$, no_network=False, $$$)", "$PARSER.setFeature(feature_external_ges, True)"), "XML external entities enabled")
rule("py-weak-crypto-key", """rule:
  any:
    - pattern: RSA.generate($BITS, $$$)
    - pattern: RSA.generate($BITS)
    - pattern: DSA.generate($BITS)
    - pattern: rsa.generate_private_key($$$, key_size=$BITS, $$$)
    - pattern: rsa.generate_private_key($$$, key_size=$BITS)
    - pattern: dsa.generate_private_key(key_size=$BITS, $$$)
    - pattern: dsa.generate_private_key(key_size=$BITS)
    - pattern: ec.generate_private_key(ec.SECP192R1(), $$$)
    - pattern: ec.generate_private_key(ec.SECP192R1())
constraints:
  BITS:
    regex: '^(512|768|1024|1536)$'
""", "weak key size")
rule("py-xml-unsafe-parser", """rule:
  any:
    - pattern: xml.etree.ElementTree.parse($X)
    - pattern: xml.etree.ElementTree.parse($X, $$$)
    - pattern: ET.parse($X)
    - pattern: ET.parse($X, $$$)
    - pattern: ET.fromstring($X)
    - pattern: ET.fromstring($X, $$$)
    - pattern: minidom.parse($X)
    - pattern: minidom.parse($X, $$$)
    - pattern: minidom.parseString($X)
    - pattern: minidom.parseString($X, $$$)
    - pattern: etree.fromstring($X)
    - pattern: etree.fromstring($X, $$$)
    - pattern: etree.parse($X)
    - pattern: etree.parse($X, $$$)
    - pattern: parseString($X)
    - pattern: parseString($X, $$$)
constraints:
  X:
    not:
      kind: string
""", "XML parsed with an unsafe parser")
rule("py-yaml-load", """rule:
  pattern: yaml.load($X)
""", "yaml.load without Loader")
rule("py-yaml-unsafe-loader", pats("yaml.load($$$, Loader=yaml.Loader, $$$)", "yaml.load($$$, Loader=yaml.UnsafeLoader, $$$)", "yaml.unsafe_load($$$)", "yaml.load($$$, Loader=yaml.FullLoader, $$$)"), "unsafe YAML loader")
rule("py-zipfile-extractall", pats("zipfile.ZipFile($$$).extractall($$$)", "$Z.extractall($$$)"), "zip extractall")

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "astgrep-rules")
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    if f.endswith(".yml"): os.remove(os.path.join(out, f))
for id, (body, msg) in sorted(R.items()):
    with open(os.path.join(out, id + ".yml"), "w") as fh:
        fh.write(f"# ast-grep counterpart of copilot's {id} (same intent, simpler)\n")
        fh.write(f"id: {id}\nlanguage: python\nseverity: warning\nmessage: {q(msg)}\n")
        fh.write(body)
print(f"{len(R)} rules written to {out}")

if "--check" in sys.argv:
    root = os.path.dirname(os.path.dirname(here))
    sg = os.environ.get("AST_GREP", os.path.join(root, "bench/.tools/node_modules/.bin/ast-grep"))
    bad = 0
    for id in sorted(R):
        pos = glob.glob(os.path.join(root, "rules/python/*", id + ".positive.py"))
        if not pos:
            print(f"{id}: copilot has no such rule (or no positive example)")
            bad += 1
            continue
        res = subprocess.run([sg, "scan", "-r", os.path.join(out, id + ".yml"), "--json=compact", pos[0]],
                             capture_output=True, text=True)
        n = len(json.loads(res.stdout or "[]"))
        if n == 0:
            print(f"{id}: no match in {pos[0]}")
            bad += 1
    print(f"{len(R) - bad}/{len(R)} rules fire on copilot's positive examples")
    sys.exit(1 if bad else 0)
