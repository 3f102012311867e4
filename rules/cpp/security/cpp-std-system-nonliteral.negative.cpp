#include <unistd.h>

#include <cstdlib>
#include <string>

int clear_screen() {
  return std::system("clear");
}

int convert_image(const std::string& input, const std::string& output) {
  pid_t pid = fork();
  if (pid == 0) {
    execlp("convert", "convert", input.c_str(), output.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid > 0 ? 0 : -1;
}
