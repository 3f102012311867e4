# Tree-sitter runtime and grammars are compiled from the npm packages pinned in
# package.json (installed by scripts/install-deps.sh into node_modules/). Nothing
# third-party is committed. See docs/ARCHITECTURE.md for why we use the npm runtime.
set(COPILOT_NODE_MODULES "${PROJECT_SOURCE_DIR}/node_modules" CACHE PATH "Where npm installed the grammars")
set(TS_RUNTIME "${COPILOT_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib")
if(NOT EXISTS "${TS_RUNTIME}/src/lib.c")
  message(FATAL_ERROR "tree-sitter runtime not found in ${COPILOT_NODE_MODULES}; run scripts/install-deps.sh")
endif()

add_library(ts_runtime STATIC "${TS_RUNTIME}/src/lib.c")
target_include_directories(ts_runtime SYSTEM PUBLIC "${TS_RUNTIME}/include")
target_include_directories(ts_runtime PRIVATE "${TS_RUNTIME}/src")
target_compile_definitions(ts_runtime PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
target_compile_options(ts_runtime PRIVATE -O2 -w)
set_target_properties(ts_runtime PROPERTIES POSITION_INDEPENDENT_CODE ON)

# grammar id|package directory under node_modules
set(COPILOT_GRAMMARS
  "python|tree-sitter-python"
  "javascript|tree-sitter-javascript"
  "typescript|tree-sitter-typescript/typescript"
  "tsx|tree-sitter-typescript/tsx"
  "go|tree-sitter-go"
  "java|tree-sitter-java"
  "c|tree-sitter-c"
  "cpp|tree-sitter-cpp"
  "ruby|tree-sitter-ruby"
  "rust|tree-sitter-rust"
  "bash|tree-sitter-bash")

add_library(ts_grammars STATIC)
foreach(entry IN LISTS COPILOT_GRAMMARS)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 1 dir)
  set(src "${COPILOT_NODE_MODULES}/${dir}/src")
  if(NOT EXISTS "${src}/parser.c")
    message(FATAL_ERROR "grammar sources missing: ${src}/parser.c; run scripts/install-deps.sh")
  endif()
  set(files "${src}/parser.c")
  if(EXISTS "${src}/scanner.c")
    list(APPEND files "${src}/scanner.c")
  endif()
  # Each grammar gets its own object library: scanners share static names.
  string(MAKE_C_IDENTIFIER "${dir}" objname)
  add_library(ts_${objname} OBJECT ${files})
  target_include_directories(ts_${objname} PRIVATE "${src}")
  target_compile_options(ts_${objname} PRIVATE -O1 -w)
  set_target_properties(ts_${objname} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_sources(ts_grammars PRIVATE $<TARGET_OBJECTS:ts_${objname}>)
endforeach()
target_link_libraries(ts_grammars PUBLIC ts_runtime)
