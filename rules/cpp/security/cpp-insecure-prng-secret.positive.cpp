#include <random>
#include <string>

std::string generate_api_key(std::size_t length) {
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::random_device seed;
  // expect: cpp-insecure-prng-secret
  std::mt19937 engine(seed());
  std::uniform_int_distribution<std::size_t> pick(0, sizeof(alphabet) - 2);
  std::string key;
  for (std::size_t i = 0; i < length; ++i) {
    key += alphabet[pick(engine)];
  }
  return key;
}
