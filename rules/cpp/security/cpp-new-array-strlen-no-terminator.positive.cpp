#include <cstring>
#include <string>

char* duplicate(const char* text) {
  // expect: cpp-new-array-strlen-no-terminator
  char* copy = new char[std::strlen(text)];
  std::memcpy(copy, text, std::strlen(text) + 1);
  return copy;
}

char* to_c_string(const std::string& value) {
  // expect: cpp-new-array-strlen-no-terminator
  char* buffer = new char[value.size()];
  value.copy(buffer, value.size());
  buffer[value.size()] = '\0';
  return buffer;
}
