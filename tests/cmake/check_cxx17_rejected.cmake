# headers.cxx17_rejected: a compile that is not C++20 stops at once with one sentence saying C++20
# is required (include/flopcast/core/config.hpp), instead of thousands of lines of errors
# (run by CTest: cmake -P). For every public header:
#   1. its first #include is "flopcast/core/config.hpp" (config.hpp itself has none);
#   2. a TU that includes it, compiled with -std=c++17, fails with at most MAX_LINES lines of
#      output, one error, and the sentence "flopcast requires C++20".
# Also: the umbrella compiled with the compiler's default standard (C++17 on GCC 12, C++14 on
# Clang 14) fails the same way, and config.hpp compiled with -std=c++20 passes.
#   -DSOURCE_DIR=<flopcast's sources> -DWORK_DIR=<scratch> -DCXX_COMPILER=<GCC or Clang driver>
set(MAX_LINES 8)
foreach(_var IN ITEMS SOURCE_DIR WORK_DIR CXX_COMPILER)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "check_cxx17_rejected.cmake: -D${_var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(_failures)
file(GLOB_RECURSE _headers RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/flopcast/*.hpp")
list(SORT _headers)
if(NOT _headers)
  message(FATAL_ERROR "FAIL: no headers under ${SOURCE_DIR}/include/flopcast")
endif()

# compile(<name> <header> <result var> <output var> [flags...]): compiles a TU including <header>.
function(compile name header result_var output_var)
  set(_tu "${WORK_DIR}/${name}.cpp")
  file(WRITE "${_tu}" "#include <${header}>\nint main() { return 0; }\n")
  execute_process(COMMAND "${CXX_COMPILER}" ${ARGN} -I "${SOURCE_DIR}/include" -fsyntax-only "${_tu}"
                  RESULT_VARIABLE _result OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
  set(${result_var} "${_result}" PARENT_SCOPE)
  set(${output_var} "${_out}" PARENT_SCOPE)
endfunction()

# expect_rejected(<what> <result> <output>): appends to _failures unless the compile failed with
# a short message naming C++20.
macro(expect_rejected what result output)
  string(REGEX MATCHALL "\n" _newlines "${output}")
  list(LENGTH _newlines _lines)
  string(REGEX MATCHALL "error:" _errors "${output}")
  list(LENGTH _errors _error_count)
  if("${result}" EQUAL 0)
    list(APPEND _failures "${what}: compiled, expected the C++20 error")
  elseif(NOT "${output}" MATCHES "flopcast requires C\\+\\+20")
    list(APPEND _failures "${what}: failed without saying C++20 is required:\n${output}")
  elseif(_lines GREATER MAX_LINES)
    list(APPEND _failures "${what}: ${_lines} lines of output, expected at most ${MAX_LINES}:\n${output}")
  elseif(_error_count GREATER 1)
    list(APPEND _failures "${what}: more than one error:\n${output}")
  endif()
endmacro()

set(_config "flopcast/core/config.hpp")
set(_index 0)
foreach(_header IN LISTS _headers)
  math(EXPR _index "${_index} + 1")
  # 1. The first #include.
  file(STRINGS "${SOURCE_DIR}/include/${_header}" _includes REGEX "^[ \t]*#[ \t]*include")
  if(_header STREQUAL _config)
    if(NOT _includes MATCHES "flopcast requires C\\+\\+20")
      list(APPEND _failures "${_header}: has no '#include \"flopcast requires C++20 ...\"' line")
    endif()
    continue()
  endif()
  set(_first "(none)")
  if(_includes)
    list(GET _includes 0 _first)
  endif()
  if(NOT _first MATCHES "^[ \t]*#[ \t]*include \"flopcast/core/config\\.hpp\"")
    list(APPEND _failures "${_header}: the first #include is '${_first}', expected "
                          "'#include \"${_config}\"' (insert it right after #pragma once)")
  endif()
  # 2. Rejected as C++17.
  compile("header_${_index}" "${_header}" _result _out -std=c++17)
  expect_rejected("${_header} with -std=c++17" "${_result}" "${_out}")
endforeach()

compile(umbrella_default_standard flopcast/flopcast.hpp _result _out)
expect_rejected("flopcast/flopcast.hpp with the compiler's default standard" "${_result}" "${_out}")

compile(config_cxx20 "${_config}" _result _out -std=c++20 -Wall -Wextra -Wpedantic -Wundef -Werror)
if(NOT _result EQUAL 0)
  list(APPEND _failures "${_config} with -std=c++20 did not compile:\n${_out}")
endif()

if(_failures)
  list(JOIN _failures "\n  " _text)
  message(FATAL_ERROR "FAIL:\n  ${_text}")
endif()
list(LENGTH _headers _count)
message(STATUS "PASS: ${_count} public headers include config.hpp first and stop a C++17 compile "
               "with one sentence")
