// Go: extraction of exported units, guards on errors and panics, and `go test` rendering.
#include <gtest/gtest.h>

#include "syntax/syntax.h"
#include "testgen/golang/golang.h"
#include "testgen/work.h"

namespace copilot::testgen {
namespace {

const Unit* find(const ModuleUnits& m, const std::string& qualname) {
  for (const auto& u : m.units)
    if (u.qualname == qualname) return &u;
  return nullptr;
}

constexpr const char* kSource = R"(package shop

import (
	"errors"
	"os"
	"time"
)

func Price(cents, qty int, tags ...string) (int, error) {
	if cents < 0 || qty > 100 {
		return 0, errors.New("bad")
	}
	if len(tags) == 0 {
		panic("no tags")
	}
	return cents * qty, nil
}

func helper() {}

func Now() int64 { return time.Now().Unix() }

func Load(path string) ([]byte, error) { return os.ReadFile(path) }

func Pick[T any](xs []T) T { return xs[0] }

type Cart struct{ n int }

func (c *Cart) Add(n uint) error {
	if n == 0 {
		return errors.New("zero")
	}
	c.n += int(n)
	return nil
}

func (c Cart) private() {}
)";

TEST(GoExtract, ExportedFunctionsMethodsAndStructs) {
  auto m = golang::extract("shop/price.go", kSource);
  ASSERT_EQ(m.skip_reason, "");
  EXPECT_EQ(m.package_name, "shop");
  const Unit* price = find(m, "Price");
  ASSERT_NE(price, nullptr);
  ASSERT_EQ(price->params.size(), 3u);
  EXPECT_EQ(price->params[0].name, "cents");
  EXPECT_EQ(price->params[1].annotation, "int");  // `cents, qty int`
  EXPECT_EQ(price->params[2].kind, Param::Kind::var_positional);
  EXPECT_EQ(price->results, (std::vector<std::string>{"int", "error"}));
  ASSERT_EQ(price->raises.size(), 2u);
  EXPECT_EQ(price->raises[0].exception, "error");
  EXPECT_EQ(price->raises[0].guard, "cents < 0 || qty > 100");
  EXPECT_EQ(price->raises[1].exception, "panic");
  EXPECT_TRUE(price->raises[1].at_top);  // after a guard, still before any work
  EXPECT_EQ(find(m, "helper"), nullptr);
  EXPECT_NE(find(m, "Now")->impure_reason.find("time.Now"), std::string::npos);
  EXPECT_NE(find(m, "Load")->impure_reason.find("os.ReadFile"), std::string::npos);
  EXPECT_EQ(find(m, "Pick")->decorators, std::vector<std::string>{"generic"});
  EXPECT_EQ(find(m, "Cart")->kind, Unit::Kind::class_);
  ASSERT_NE(find(m, "Cart.Add"), nullptr);
  EXPECT_EQ(find(m, "Cart.Add")->raises[0].guard, "n == 0");
  EXPECT_EQ(find(m, "Cart.private"), nullptr);
}

TEST(GoExtract, BadInput) {
  EXPECT_NE(golang::extract("a.go", "package a\nfunc F(x int) int {\n\treturn x +\n").skip_reason.find("syntax error"),
            std::string::npos);
  EXPECT_NE(golang::extract("main.go", "package main\nfunc Run() int { return 1 }\n").skip_reason.find("package main"),
            std::string::npos);
}

TEST(GoValues, BasicTypesAndSlices) {
  EXPECT_EQ(golang::values_for("int")[2].second, "-1");
  EXPECT_EQ(golang::values_for("uint").size(), 2u);  // no negative unsigned value
  EXPECT_EQ(golang::values_for("[]string")[2].second, "[]string{\"a\", \"b\", \"c\"}");
  EXPECT_TRUE(golang::values_for("map[string]int").empty());
  EXPECT_TRUE(golang::values_for("*Cart").empty());
}

TEST(GoRender, GuardsFixturesAndSkeletonsCompileAsWritten) {
  auto m = golang::extract("shop/price.go", kSource);
  m.import_name = "example.com/shop/shop";
  std::vector<SkippedUnit> skipped;
  auto cases = golang::derive_cases(m, skipped);
  settle(cases, skipped);
  std::string text = golang::render(m, cases, "");
  auto tree = syntax::parse("go", text);
  ASSERT_TRUE(tree);
  EXPECT_FALSE(tree->has_error()) << text;
  EXPECT_NE(text.find("package generated"), std::string::npos);
  EXPECT_NE(text.find("\tshop \"example.com/shop/shop\""), std::string::npos);
  EXPECT_NE(text.find("if _, err := shop.Price(-1, 1); err == nil {"), std::string::npos) << text;
  EXPECT_NE(text.find("func new_shop_price_Cart() *shop.Cart {\n\treturn &shop.Cart{}\n}"), std::string::npos) << text;
  EXPECT_NE(text.find("if err := new_shop_price_Cart().Add(0); err == nil {"), std::string::npos) << text;
  EXPECT_NE(text.find("t.Skip(\"copilot gen-tests skeleton: not called with made-up inputs: its code uses time.Now"),
            std::string::npos)
      << text;
  bool generic_reported = false;
  for (const auto& s : skipped)
    generic_reported = generic_reported || (s.unit == "Pick" && s.reason.find("generic") == 0);
  EXPECT_TRUE(generic_reported);
}

}  // namespace
}  // namespace copilot::testgen
