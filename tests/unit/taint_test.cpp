#include "review/taint/taint.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "review/engine.h"
#include "review/taint/taint_rule.h"
#include "test_support.h"

namespace copilot::review {
namespace {

// A small rule that exercises each section; the engine, not the shipped rules, is under test here.
const char* kPythonRule = R"(
id: py-test-taint
mode: taint
languages: [python]
agent: security
severity: high
confidence: 0.9
message: "{{source}} reaches {{sink}}"
cwe: [CWE-78]
sources:
  - label: request data
    query: |
      (attribute object: (identifier) @o attribute: (identifier) @a
        (#eq? @o "request") (#any-of? @a "args" "form")) @source
  - query: |
      (call function: (identifier) @f (#eq? @f "input")) @source
  - label: route parameter
    query: |
      (decorated_definition
        (decorator (call function: (attribute attribute: (identifier) @verb)))
        definition: (function_definition parameters: (parameters (identifier) @source))
        (#eq? @verb "get"))
sinks:
  - label: shell
    query: |
      (call function: (attribute object: (identifier) @m attribute: (identifier) @f)
        arguments: (argument_list . (_) @arg)
        (#eq? @m "os") (#eq? @f "system")) @sink
  - label: query
    query: |
      (call function: (attribute attribute: (identifier) @f)
        arguments: (argument_list . (_) @arg)
        (#eq? @f "execute")) @sink
  - label: fetch
    query: |
      (call function: (attribute object: (identifier) @m attribute: (identifier) @f)
        arguments: (argument_list . (_) @arg)
        (#eq? @m "requests") (#eq? @f "get")) @sink
    safe-prefix: "^https://[^/]+/"
sanitizers:
  - query: |
      (call function: (attribute object: (identifier) @m attribute: (identifier) @f)
        (#eq? @m "shlex") (#eq? @f "quote")) @sanitizer
  - query: |
      (call function: (identifier) @f (#eq? @f "int")) @sanitizer
  - query: |
      (call function: (identifier) @f arguments: (argument_list . (_) @guarded)
        (#eq? @f "is_safe")) @guard
propagators:
  - query: |
      (call function: (attribute object: (attribute) @p attribute: (identifier) @f)
        arguments: (argument_list (_) @from)
        (#eq? @p "os.path") (#eq? @f "join")) @to
)";

const char* kJsRule = R"(
id: js-test-taint
mode: taint
languages: [javascript, typescript]
agent: security
severity: high
confidence: 0.9
message: "{{source}} reaches {{sink}}"
cwe: [CWE-89]
sources:
  - query: |
      (member_expression object: (identifier) @o property: (property_identifier) @p
        (#eq? @o "req") (#any-of? @p "query" "body" "params")) @source
sinks:
  - query: |
      (call_expression function: (member_expression property: (property_identifier) @f)
        arguments: (arguments . (_) @arg)
        (#eq? @f "query")) @sink
sanitizers:
  - query: |
      (call_expression function: (identifier) @f (#eq? @f "parseInt")) @sanitizer
)";

const char* kGoRule = R"(
id: go-test-taint
mode: taint
languages: [go]
agent: security
severity: high
confidence: 0.9
message: "{{source}} reaches {{sink}}"
cwe: [CWE-89]
sources:
  - query: |
      (selector_expression operand: (identifier) @r field: (field_identifier) @f
        (#eq? @r "r") (#any-of? @f "FormValue" "URL" "Body")) @source
sinks:
  - query: |
      (call_expression function: (selector_expression field: (field_identifier) @f)
        arguments: (argument_list . (_) @arg)
        (#any-of? @f "Query" "Exec")) @sink
)";

const char* kJavaRule = R"(
id: java-test-taint
mode: taint
languages: [java]
agent: security
severity: high
confidence: 0.9
message: "{{source}} reaches {{sink}}"
cwe: [CWE-89]
sources:
  - query: |
      (method_invocation name: (identifier) @m (#eq? @m "getParameter")) @source
  - query: |
      (formal_parameter (modifiers (marker_annotation name: (identifier) @a)) name: (identifier) @source
        (#eq? @a "RequestParam"))
sinks:
  - query: |
      (method_invocation name: (identifier) @m arguments: (argument_list . (_) @arg)
        (#eq? @m "executeQuery")) @sink
)";

std::shared_ptr<const TaintRule> load(const char* yaml) {
  auto rule = load_taint_rule(YAML::Load(yaml), {});
  EXPECT_TRUE(rule.ok()) << (rule.ok() ? "" : rule.error().message);
  return rule.ok() ? *rule : nullptr;
}

struct Outcome {
  std::vector<Finding> findings;
  std::vector<std::string> notes;
  std::set<int> lines() const {
    std::set<int> out;
    for (const auto& f : findings) out.insert(f.location.start_line);
    return out;
  }
};

Outcome run(const std::string& source, const char* grammar = "python", const char* yaml = kPythonRule) {
  auto rule = load(yaml);
  Outcome r;
  if (!rule) return r;
  auto tree = syntax::parse(grammar, source);
  EXPECT_TRUE(tree.ok());
  SourceUnit unit{std::string("app.") + grammar, grammar, source, &*tree};
  r.findings = run_taint_rules({rule.get()}, unit, r.notes);
  return r;
}

/// Line numbers of the lines that carry a "# BAD" (or "// BAD") marker.
std::set<int> marked(const std::string& source) {
  std::set<int> out;
  int line = 1;
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    std::string_view l(source.data() + start, (end == std::string::npos ? source.size() : end) - start);
    if (l.find("BAD") != std::string_view::npos) out.insert(line);
    if (end == std::string::npos) break;
    start = end + 1;
    ++line;
  }
  return out;
}

void expect_marked(const std::string& source, const char* grammar = "python", const char* yaml = kPythonRule) {
  Outcome r = run(source, grammar, yaml);
  EXPECT_EQ(r.lines(), marked(source)) << source;
}

TEST(TaintRules, QueryErrorsNameTheFileAndLine) {
  auto rule = load_taint_rule(YAML::Load("id: x\nmode: taint\nlanguages: [python]\nagent: security\nseverity: high\n"
                                         "confidence: 0.9\nmessage: m\ncwe: [CWE-1]\nsources:\n  - query: |\n"
                                         "      (identifier) @nope\nsinks:\n  - query: (call) @sink\n"),
                              "");
  // Queries compile when a language is first needed, so a review pays only for its languages.
  ASSERT_TRUE(rule.ok()) << rule.error().message;
  std::string error;
  EXPECT_FALSE(prepare_taint_language(**rule, 0, &error));
  EXPECT_NE(error.find(":10: sources query needs @source"), std::string::npos) << error;
  EXPECT_NE(error.find("@source"), std::string::npos) << error;

  auto bad = load_taint_rule(YAML::Load("id: x\nmode: taint\nlanguages: [python]\nagent: security\n"
                                        "severity: high\nconfidence: 0.9\nmessage: m\ncwe: [CWE-1]\n"
                                        "sources: [(identifier) @source]\n"),
                             "rules/x.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("rules/x.yaml:1: missing required key 'sinks'"), std::string::npos);
}

TEST(TaintRules, ExamplesAreRequired) {
  testing::TempDir dir;
  dir.write("py-test-taint.yaml", kPythonRule);
  auto rule = load_taint_rule(YAML::Load(kPythonRule), dir.path() / "py-test-taint.yaml");
  ASSERT_FALSE(rule.ok());
  EXPECT_NE(rule.error().message.find("needs py-test-taint.positive.* and py-test-taint.negative.*"),
            std::string::npos);
  dir.write("py-test-taint.positive.py", "x = 1\n");
  dir.write("py-test-taint.negative.py", "x = 1\n");
  rule = load_taint_rule(YAML::Load(kPythonRule), dir.path() / "py-test-taint.yaml");
  ASSERT_TRUE(rule.ok()) << rule.error().message;
  EXPECT_EQ((*rule)->positive_example.filename(), "py-test-taint.positive.py");
}

TEST(TaintFlow, AssignmentsFormattingAndConcatenation) {
  expect_marked(R"(import os
def f():
    x = request.args["x"]
    y = x
    os.system(y)  # BAD
    os.system("ls " + y)  # BAD
    os.system(f"ls {y}")  # BAD
    os.system("ls %s" % y)  # BAD
    os.system("ls {}".format(y))  # BAD
    os.system("ls %d" % int(y))
    os.system("ls")
)");
}

TEST(TaintFlow, AugmentedAssignmentAndTuples) {
  expect_marked(R"(import os
def f():
    cmd = "ls "
    cmd += request.form["dir"]
    os.system(cmd)  # BAD
    a, b = "ls", request.args["x"]
    os.system(a)
    os.system(b)  # BAD
    (c, d) = request.args["pair"]
    os.system(c)  # BAD
)");
}

TEST(TaintFlow, ReassignmentWithAConstantKillsTaint) {
  expect_marked(R"(import os
def f(flag):
    x = request.args["x"]
    x = "ls"
    os.system(x)
    y = request.args["y"]
    if flag:
        y = "ls"
    os.system(y)  # BAD
    z = request.args["z"]
    if flag:
        z = "a"
    else:
        z = "b"
    os.system(z)
)");
}

TEST(TaintFlow, ContainersCarryTaintWithLowerConfidence) {
  std::string src = R"(import os
def f():
    d = {}
    d["cmd"] = request.args["x"]
    d["safe"] = "ls"
    os.system(d["safe"])
    os.system(d["cmd"])  # BAD
    os.system(d.get("cmd"))  # BAD
    parts = []
    parts.append(request.args["y"])
    os.system(" ".join(parts))  # BAD
    for p in parts:
        os.system(p)  # BAD
    os.system(request.args["z"])  # BAD
)";
  expect_marked(src);
  Outcome r = run(src);
  for (const auto& f : r.findings) {
    if (f.location.start_line == 14)
      EXPECT_DOUBLE_EQ(f.confidence, 0.9);
    else
      EXPECT_DOUBLE_EQ(f.confidence, 0.8);
  }
}

TEST(TaintFlow, HelperSummariesFollowTheParameterThatReachesTheReturn) {
  std::string src = R"(import os
def first(a, b):
    return "ls " + a

def constant(a):
    return "ls"

def run(cmd):
    os.system(cmd)  # BAD

def read():
    return request.args["x"]

def f():
    x = request.args["x"]
    os.system(first(x, "y"))  # BAD
    os.system(first("y", x))
    os.system(constant(x))
    os.system(first(read(), ""))  # BAD
    run(x)

class View:
    def build(self, v):
        return "echo " + v
    def get(self):
        os.system(self.build(request.args["v"]))  # BAD
)";
  expect_marked(src);
  for (const auto& f : run(src).findings) EXPECT_LT(f.confidence, 0.9) << f.location.start_line;
}

TEST(TaintFlow, RecursiveHelpersTerminate) {
  expect_marked(R"(import os
def a(x, n):
    return b(x, n - 1)

def b(x, n):
    if n > 0:
        return a(x, n)
    return x

def f():
    os.system(a(request.args["x"], 3))  # BAD
)");
}

TEST(TaintFlow, SanitizersAndAllowLists) {
  expect_marked(R"(import os, shlex
ALLOWED = {"ls", "df"}
def f():
    x = request.args["x"]
    os.system("ls " + shlex.quote(x))
    os.system("head -n %s" % int(x))
    if x in ALLOWED:
        os.system(x)
    if x in ("a", "b"):
        os.system(x)
    os.system(x)  # BAD
    if is_safe(x):
        os.system(x)

def g():
    x = request.args["x"]
    if x not in ALLOWED:
        raise ValueError(x)
    os.system(x)

def h():
    x = request.args["x"]
    if x == "df":
        os.system(x)
    if x.isdigit():
        os.system("kill " + x)
)");
}

TEST(TaintFlow, ParameterizedQueriesAreNotSinks) {
  expect_marked(R"(def f(cursor):
    name = request.args["name"]
    cursor.execute("SELECT * FROM t WHERE name = %s", (name,))
    cursor.execute("SELECT * FROM t WHERE name = '%s'" % name)  # BAD
)");
}

TEST(TaintFlow, ConstantFoldingDropsDeadBranches) {
  expect_marked(R"(import os
def f():
    num = 4
    x = request.args["x"]
    if 7 * 18 + num > 200:
        os.system(x)
    y = 3
    if y > 5:
        os.system(x)
    if False:
        os.system(x)
    if 0:
        os.system(x)
    while 0:
        os.system(x)
    z = x if num > 10 else "ls"
    os.system(z)
    w = "ls" if num > 10 else x
    os.system(w)  # BAD
    if 7 * 18 + num < 200:
        os.system(x)  # BAD
)");
}

TEST(TaintFlow, PrefixFixedTargetsAreSafe) {
  expect_marked(R"(import requests
def f():
    u = request.args["u"]
    requests.get("https://api.example.com/users/" + u)
    requests.get(f"https://api.example.com/{u}")
    requests.get("https://" + u)  # BAD
    requests.get(u)  # BAD
)");
}

TEST(TaintFlow, PropagatorsAndRouteParameters) {
  expect_marked(R"(import os
@app.get("/items/{name}")
def item(name):
    os.system(os.path.join("/srv", name))  # BAD

def plain(name):
    os.system(os.path.join("/srv", name))
)");
}

TEST(TaintFlow, LoopsTryAndWith) {
  expect_marked(R"(import os
def f():
    out = ""
    for part in request.args["p"]:
        out = out + part
    os.system(out)  # BAD
    acc = "ls"
    while True:
        acc = request.args["q"]
        break
    os.system(acc)  # BAD
    try:
        t = request.args["t"]
    except KeyError:
        t = "x"
    os.system(t)  # BAD
    with str(input()) as fh:
        os.system(fh)  # BAD
)");
}

TEST(TaintFlow, FlowStepsRunFromSourceToSink) {
  Outcome r = run(R"(import os
def f():
    name = request.args["n"]
    cmd = "ls " + name
    os.system(cmd)
)");
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.rule_id, "py-test-taint");
  EXPECT_EQ(f.agent, "security");
  EXPECT_EQ(f.cwe, std::vector<std::string>{"CWE-78"});
  EXPECT_EQ(f.message, "request.args reaches os.system(cmd)");
  ASSERT_EQ(f.flow.size(), 4u);
  EXPECT_EQ(f.flow[0].location.start_line, 3);
  EXPECT_NE(f.flow[0].message.find("request.args"), std::string::npos);
  EXPECT_EQ(f.flow[1].message, "assigned to `name`");
  EXPECT_EQ(f.flow[2].message, "assigned to `cmd`");
  EXPECT_EQ(f.flow[3].location.start_line, 5);
}

TEST(TaintRules, PrefiltersIgnoreCapturesThatMayBeAbsent) {
  // "self" is named only in one alternative, so a file without it must still be searched.
  std::string rule = kPythonRule;
  std::string old = R"((attribute object: (identifier) @o attribute: (identifier) @a
        (#eq? @o "request") (#any-of? @a "args" "form")) @source)";
  std::string alt = R"((attribute
        object: [(identifier) @o (attribute object: (identifier) @s attribute: (identifier) @o)]
        attribute: (identifier) @a
        (#eq? @o "request") (#eq? @s "self_with_a_long_name") (#any-of? @a "args" "form")) @source)";
  rule.replace(rule.find(old), old.size(), alt);
  Outcome r = run("import os\nos.system(request.args['x'])\n", "python", rule.c_str());
  EXPECT_EQ(r.lines(), std::set<int>{2});
}

TEST(TaintBudget, AHugeFunctionIsSkippedWithANote) {
  std::string src = "import os\ndef huge():\n    x = request.args['x']\n";
  for (int i = 0; i < 5000; ++i) src += "    x = x + 'a'\n";
  src += "    os.system(x)\n";
  Outcome r = run(src);
  EXPECT_TRUE(r.findings.empty());
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("function huge (line 2) exceeds the taint budget; pattern rules only"), std::string::npos);
}

TEST(TaintBudget, DeepNestingAndLongConcatenationsDoNotCrash) {
  std::string nested = "import os\ndef deep():\n    x = request.args['x']\n    os.system(";
  for (int i = 0; i < 2000; ++i) nested += "(";
  nested += "x";
  for (int i = 0; i < 2000; ++i) nested += ")";
  nested += ")\n";
  Outcome r = run(nested);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.notes.size(), 1u);

  std::string concat = "import os\ndef long():\n    x = request.args['x']\n    os.system('a'";
  for (int i = 0; i < 20000; ++i) concat += " + x";
  concat += ")\n";
  r = run(concat);
  EXPECT_EQ(r.notes.size(), 1u);

  std::string blocks = "import os\ndef nest():\n    x = request.args['x']\n";
  std::string indent = "    ";
  for (int i = 0; i < 300; ++i) {
    blocks += indent + "if x:\n";
    indent += " ";
  }
  blocks += indent + "os.system(x)\n";
  r = run(blocks);
  EXPECT_EQ(r.notes.size(), 1u);
}

TEST(TaintBudget, ModulesThatNeverFinishAreFine) {
  expect_marked(R"(import os, sys
x = request.args["x"]
os.system(x)  # BAD
while True:
    try:
        raise SystemExit(0)
    except ValueError as e:
        pass
)");
  expect_marked(R"(const id = req.query.id;
db.query("SELECT " + id);  // BAD
for (;;) { process.exit(1); }
)",
                "javascript", kJsRule);
}

TEST(TaintBudget, ManyHelperCallsStayWithinTheStepBudget) {
  std::string src = "import os\ndef h0(x):\n    return x\n";
  for (int i = 1; i < 40; ++i)
    src += "def h" + std::to_string(i) + "(x):\n    return h" + std::to_string(i - 1) + "(x) + h" +
           std::to_string(i - 1) + "(x)\n";
  src += "def f():\n";
  for (int i = 0; i < 200; ++i) src += "    os.system(h39(request.args['x']))\n";
  Outcome r = run(src);
  EXPECT_FALSE(r.findings.empty());
}

TEST(TaintFlow, ChecksStoredInVariablesAndFalseValues) {
  expect_marked(R"(import os
def f():
    x = request.args["x"]
    ok = is_safe(x)
    if ok:
        os.system(x)
    os.system(x)  # BAD
    y = request.args.get("y")
    if not y:
        os.system(y)
    if y and y in ("a", "b"):
        os.system(y)
    if not y or y not in ("a", "b"):
        return
    os.system(y)
)");
}

TEST(TaintFlow, OnlyTheQueryPartUntrustedIsSafeForUrls) {
  expect_marked(R"(import requests
def f(base):
    q = request.args["q"]
    requests.get(base + "?q=" + q)
    requests.get("%s?q=%s" % (base, q))
    requests.get(f"{base}#{q}")
    requests.get(base + q)  # BAD
)");
}

TEST(TaintFlow, ClosuresAndObjectsCarryTaint) {
  expect_marked(R"(import os
def f():
    target = request.args["t"]
    def run():
        os.system("rsync " + target)  # BAD
    run()
    job = Job(cmd=request.args["c"])
    os.system(job.cmd)  # BAD
)");
}

TEST(TaintGo, HandlersAndHelpers) {
  expect_marked(R"(package h

func build(v string) string { return "SELECT * FROM t WHERE a = '" + v + "'" }

func Handle(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	db.Query(build(name)) // BAD
	db.Query("SELECT * FROM t WHERE a = ?", name)
	n, _ := strconv.Atoi(name)
	db.Exec(fmt.Sprintf("DELETE FROM t WHERE id = %d", n))
	var p Payload
	json.NewDecoder(r.Body).Decode(&p)
	db.Exec("DELETE FROM t WHERE name = '" + p.Name + "'") // BAD
}
)",
                "go", kGoRule);
}

TEST(TaintJava, ServletsAndSpring) {
  expect_marked(R"(class A {
  void get(HttpServletRequest req) throws Exception {
    String id = req.getParameter("id");
    StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE id = ");
    sb.append(id);
    st.executeQuery(sb.toString()); // BAD
    st.executeQuery("SELECT 1");
    if (false) { id = "x"; }
  }
  String find(@RequestParam String q) throws Exception {
    return st.executeQuery(this.where(q)).toString(); // BAD
  }
  private String where(String v) { return "SELECT * FROM t WHERE q = '" + v + "'"; }
}
)",
                "java", kJavaRule);
}

TEST(TaintJs, ExpressFlows) {
  expect_marked(R"(app.get("/u", (req, res) => {
  const id = req.query.id;
  const { name } = req.body;
  db.query("SELECT * FROM u WHERE id = " + id);  // BAD
  db.query(`SELECT * FROM u WHERE name = '${name}'`);  // BAD
  db.query("SELECT * FROM u WHERE id = ?", [id]);
  db.query("SELECT * FROM u WHERE id = " + parseInt(id, 10));
  let q = "SELECT 1";
  if (false) { q = id; }
  db.query(q);
  [id].forEach((v) => db.query("SELECT " + v));  // BAD
  db.query("SELECT 1", () => db.query("DELETE FROM u WHERE id = " + id));  // BAD
});
)",
                "javascript", kJsRule);
}

}  // namespace
}  // namespace copilot::review
