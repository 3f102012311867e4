// JavaScript/TypeScript: extraction of exported units, cases and Jest rendering.
#include <gtest/gtest.h>

#include "syntax/syntax.h"
#include "testgen/javascript/javascript.h"
#include "testgen/work.h"

namespace copilot::testgen {
namespace {

const Unit* find(const ModuleUnits& m, const std::string& qualname) {
  for (const auto& u : m.units)
    if (u.qualname == qualname) return &u;
  return nullptr;
}

TEST(JavaScriptExtract, EsExportsWithTypeScriptSignatures) {
  auto m = javascript::extract("src/a.ts", R"(
import { readFileSync } from "fs";
export function add(a: number, b: number = 2, ...rest: number[]): number {
  if (a < 0) throw new RangeError("negative");
  return a + b;
}
export const twice = (x: number): number => x * 2;
export default function main(opts?: string) { return opts; }
function helper() { return 1; }
export async function load(path: string): Promise<string> {
  return readFileSync(path, "utf8");
}
export class Cart {
  constructor(private owner: string, limit = 5) {}
  add(sku: string): number { return 1; }
  get size(): number { return 0; }
  static empty(): Cart { return new Cart("x"); }
  #secret() {}
}
)");
  ASSERT_EQ(m.skip_reason, "");
  const Unit* add = find(m, "add");
  ASSERT_NE(add, nullptr);
  ASSERT_EQ(add->params.size(), 3u);
  EXPECT_EQ(add->params[0].annotation, "number");
  EXPECT_EQ(add->params[1].default_value, "2");
  EXPECT_EQ(add->params[2].kind, Param::Kind::var_positional);
  EXPECT_EQ(add->returns, "number");
  ASSERT_EQ(add->raises.size(), 1u);
  EXPECT_EQ(add->raises[0].exception, "RangeError");
  EXPECT_EQ(add->raises[0].guard, "(a < 0)");
  EXPECT_TRUE(add->raises[0].at_top);
  EXPECT_NE(find(m, "twice"), nullptr);
  ASSERT_NE(find(m, "default"), nullptr);
  EXPECT_EQ(find(m, "default")->params[0].default_value, "undefined");  // optional
  EXPECT_EQ(find(m, "helper"), nullptr);                                // not exported
  EXPECT_TRUE(find(m, "load")->is_async);
  EXPECT_NE(find(m, "load")->impure_reason.find("readFileSync"), std::string::npos);
  const Unit* cart = find(m, "Cart");
  ASSERT_NE(cart, nullptr);
  ASSERT_EQ(cart->params.size(), 2u);
  EXPECT_EQ(cart->params[0].name, "owner");
  EXPECT_TRUE(find(m, "Cart.size")->is_property);
  EXPECT_TRUE(find(m, "Cart.empty")->is_static);
  EXPECT_NE(find(m, "Cart.add"), nullptr);
}

TEST(JavaScriptExtract, CommonJsExports) {
  auto m = javascript::extract("src/t.js", R"(
const fs = require("fs");
function slug(text, sep = "-") { return text.split(" ").join(sep); }
function read(p) { return fs.readFileSync(p); }
function hidden() {}
exports.shout = (s) => s.toUpperCase();
module.exports = { slug, read };
)");
  EXPECT_TRUE(m.commonjs);
  EXPECT_NE(find(m, "slug"), nullptr);
  EXPECT_NE(find(m, "shout"), nullptr);
  EXPECT_EQ(find(m, "hidden"), nullptr);
  EXPECT_NE(find(m, "read")->impure_reason.find("fs"), std::string::npos);
  EXPECT_EQ(find(m, "slug")->params[1].default_value, "\"-\"");
}

TEST(JavaScriptExtract, ModuleThatIsAFunction) {
  auto direct = javascript::extract("ms.js", "module.exports = function (val, options) { return val; };\n");
  ASSERT_EQ(direct.units.size(), 1u);
  EXPECT_EQ(direct.units[0].name, javascript::kModuleExport);
  auto named = javascript::extract("p.js", "function pick(xs) { return xs[0]; }\nmodule.exports = pick;\n");
  ASSERT_EQ(named.units.size(), 1u);
  EXPECT_EQ(named.units[0].name, javascript::kModuleExport);
  named.import_name = named.import_root = named.path;
  std::vector<SkippedUnit> skipped;
  auto cases = javascript::derive_cases(named, skipped);
  std::string text = javascript::render(named, cases, "../../p.js");
  EXPECT_NE(text.find("expect(typeof mod).toBe(\"function\");"), std::string::npos) << text;
  EXPECT_NE(text.find("const result = mod(/* xs */);"), std::string::npos) << text;
}

TEST(JavaScriptExtract, BadInput) {
  EXPECT_NE(javascript::extract("a.ts", "export function f(x: number {\n").skip_reason.find("syntax error at line 1"),
            std::string::npos);
  EXPECT_NE(javascript::extract("a.js", "const app = make();\napp.listen(3000);\nexport function f() {}\n")
                .skip_reason.find("app.listen"),
            std::string::npos);
  EXPECT_NE(
      javascript::extract("a.js", "export const f = () => Math.random();\n").units[0].impure_reason.find("Math.random"),
      std::string::npos);
}

std::vector<TestCase> cases_of(const std::string& source) {
  auto m = javascript::extract("src/a.ts", source);
  m.import_name = m.import_root = m.path;
  std::vector<SkippedUnit> skipped;
  auto cases = javascript::derive_cases(m, skipped);
  settle(cases, skipped);
  return cases;
}

const TestCase* by_id(const std::vector<TestCase>& cases, const std::string& id) {
  for (const auto& c : cases)
    if (c.id == id) return &c;
  return nullptr;
}

TEST(JavaScriptCases, GuardsTypesAndFixtures) {
  auto cases = cases_of(R"(
class Hidden extends Error {}
export function f(n: number, name: string, items: string[] = []): number | null {
  if (typeof n !== "number") throw new TypeError("n");
  if (name.length > 3) throw new RangeError("long");
  if (items === null) throw new Hidden();
  return null;
}
export class Box {
  constructor(size: number) { if (size < 1) throw new RangeError("size"); }
  grow(by: number): void {}
}
export function untyped(a) { return a; }
)");
  ASSERT_NE(by_id(cases, "f:raises:1"), nullptr);
  EXPECT_EQ(by_id(cases, "f:raises:1")->rows[0].args[0].value, "\"x\"");
  EXPECT_EQ(by_id(cases, "f:raises:2")->rows[0].args[1].value, "\"xxxx\"");
  EXPECT_EQ(by_id(cases, "f:raises:3")->exception, "Error");  // not exported: any Error matches
  const TestCase* bounds = by_id(cases, "f:boundary");
  ASSERT_NE(bounds, nullptr);
  EXPECT_EQ(bounds->returns, "typeof result === \"number\" || result === null");
  EXPECT_EQ(bounds->rows[0].args.size(), 2u);  // the optional parameter keeps its default
  ASSERT_NE(by_id(cases, "Box:fixture"), nullptr);
  EXPECT_EQ(by_id(cases, "Box:fixture")->fixture, "makeBox");
  EXPECT_EQ(by_id(cases, "Box:raises:1")->rows[0].args[0].value, "0");
  EXPECT_TRUE(by_id(cases, "Box.grow:boundary")->on_instance);
  EXPECT_NE(by_id(cases, "untyped:skeleton")->reason.find("no value can be derived for parameter a"),
            std::string::npos);
}

TEST(JavaScriptRender, JestFileParsesAndReadsWell) {
  auto m = javascript::extract("src/a.ts", R"(
export async function later(x: number): Promise<number> {
  if (x < 0) throw new RangeError("negative");
  return x;
}
export class Box {
  constructor(size: number = 1) {}
  get area(): number { return 1; }
}
export function untyped(a, ...rest) { return a; }
)");
  m.import_name = m.import_root = m.path;
  std::vector<SkippedUnit> skipped;
  auto cases = javascript::derive_cases(m, skipped);
  settle(cases, skipped);
  std::string text = javascript::render(m, cases, "../../src/a.ts");
  auto tree = syntax::parse("javascript", text);
  ASSERT_TRUE(tree);
  EXPECT_FALSE(tree->has_error()) << text;
  EXPECT_NE(text.find("const mod = require(\"../../src/a.ts\");"), std::string::npos);
  EXPECT_NE(text.find("await expect(mod.later(-1)).rejects.toThrow(RangeError);"), std::string::npos) << text;
  EXPECT_NE(text.find("const result = await mod.later(...args);"), std::string::npos) << text;
  EXPECT_NE(text.find("  [\"x:zero\", [0]],"), std::string::npos) << text;
  EXPECT_NE(text.find("function makeBox() {\n  return new mod.Box();\n}"), std::string::npos) << text;
  EXPECT_NE(text.find("const result = makeBox().area;"), std::string::npos) << text;
  EXPECT_NE(text.find("test.skip(\"untyped:skeleton\""), std::string::npos) << text;
  EXPECT_NE(text.find("mod.untyped(/* a, ...rest */)"), std::string::npos) << text;
}

}  // namespace
}  // namespace copilot::testgen
