#include <cstdlib>
#include <string>

int convert_image(const std::string& input, const std::string& output) {
  const std::string command = "convert " + input + " " + output;
  // expect: cpp-std-system-nonliteral
  return std::system(command.c_str());
}
