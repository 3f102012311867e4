#include <cstring>
#include <string>
#include <vector>

char* duplicate(const char* text) {
  std::size_t len = std::strlen(text) + 1;
  char* copy = new char[len];
  std::memcpy(copy, text, len);
  return copy;
}

char* to_c_string(const std::string& value) {
  char* buffer = new char[value.size() + 1];
  std::memcpy(buffer, value.c_str(), value.size() + 1);
  return buffer;
}

std::vector<char> bytes(const std::string& value) {
  return std::vector<char>(value.begin(), value.end());
}
