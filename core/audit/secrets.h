#pragma once
// Hard-coded credentials: a line scanner shared by `audit` (this section) and
// `review` (its hard-coded-credential rule). Nothing here ever returns a secret
// in clear: matches carry a redacted prefix and a fingerprint only.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "audit/input.h"

namespace copilot::audit {

struct SecretMatch {
  std::string rule;         ///< stable id, e.g. "github_token"
  std::string description;  ///< human text, e.g. "GitHub token"
  int line = 0;             ///< 1-based
  int column = 0;           ///< 1-based byte column where the secret starts
  std::string redacted;     ///< at most the first 4 characters (a quarter of short ones), then "****"
  std::string fingerprint;  ///< hash of (rule, path, secret): survives line moves
  double confidence = 0;    ///< 0..1; structured tokens high, entropy guesses lower
};

/// Scans one file. Lock and binary files (by path) yield nothing. Results are
/// ordered by line, then column; one match per secret (the most specific rule).
std::vector<SecretMatch> scan_secrets(std::string_view path, std::string_view content);

/// Returns `text` (one line of `path`) with every secret replaced by its
/// redacted form, so evidence lines can be shown safely.
std::string redact_secrets(std::string_view path, std::string_view text);

/// Where a secret sits in a text: byte offset and length. A private key's span
/// runs through its END line, so no part of the key body stays behind.
struct SecretSpan {
  size_t offset = 0;
  size_t length = 0;
  std::string rule;
};

/// The spans of every secret in `content` (in order, not overlapping), for
/// code that must replace them before text leaves the machine.
std::vector<SecretSpan> find_secret_spans(std::string_view path, std::string_view content);

/// A line made safe to show as evidence: trimmed, secrets redacted, and cut
/// to 200 bytes without splitting a UTF-8 character.
std::string evidence_text(std::string_view path, std::string_view line);

/// True for paths that look like tests or test fixtures (tests/, __tests__/,
/// testdata/, fixtures/, *_test.go, test_*.py, *.spec.ts, ...).
bool is_test_path(std::string_view path);

struct SecretFinding {
  std::string file;
  SecretMatch match;
};
void to_json(nlohmann::json& j, const SecretFinding& f);

struct SecretsSection {
  std::vector<SecretFinding> findings;  ///< by file, line, column
  int suppressed = 0;                   ///< matches silenced by options.secret_allowlist
};
void to_json(nlohmann::json& j, const SecretsSection& s);

/// Scans every analysed file (in parallel). Fingerprints listed in
/// input.options.secret_allowlist are counted as suppressed instead of reported.
/// Confidence is halved in test fixtures (see is_test_path).
SecretsSection detect_secrets(const AuditInput& input);

}  // namespace copilot::audit
