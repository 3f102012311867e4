// Fuzzes what the control plane reads from the network before any storage is
// touched: every JSON request parser and the Authorization header parser.
// The first byte picks the parser; the rest is the input. Any crash, hang,
// leak or undefined behaviour is a failure.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "auth/credentials.h"
#include "http/requests.h"

using namespace copilot::controlplane;

namespace {

template <typename T>
void check(const Parsed<T>& parsed) {
  // A refusal must be a well-formed 4xx Problem.
  if (const auto* p = std::get_if<Problem>(&parsed)) {
    if (p->status < 400 || p->status > 499 || p->slug.empty()) __builtin_trap();
    (void)p->body().dump();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 15) {
    case 0: check(parse_create_tenant(body)); break;
    case 1: check(parse_create_user(body)); break;
    case 2: check(parse_update_user(body)); break;
    case 3: check(parse_create_key(body)); break;
    case 4: check(parse_create_project(body)); break;
    case 5: check(parse_create_run(body)); break;
    case 6: check(parse_update_run(body)); break;
    case 7: check(parse_create_artifact(body)); break;
    case 8: check(parse_decision(body)); break;
    case 9: check(parse_audit_event(body)); break;
    case 10: check(parse_put_quota(body)); break;
    case 11: check(parse_reserve(body)); break;
    case 12: check(parse_commit(body)); break;
    case 13: check(parse_chat(body)); break;
    case 14: {
      auto credential = parse_authorization(body);
      if (!credential && credential.error().message.find("cpk_") != std::string::npos) __builtin_trap();
      break;
    }
  }
  return 0;
}
