# Project code is built with these; third-party C (grammars, runtime) is not.
add_library(copilot_warnings INTERFACE)
target_compile_options(copilot_warnings INTERFACE -Wall -Wextra -Werror -Wno-missing-field-initializers)

add_library(copilot_sanitizers INTERFACE)
if(COPILOT_SANITIZE)
  target_compile_options(copilot_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                      -fno-sanitize-recover=undefined)
  target_link_options(copilot_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
