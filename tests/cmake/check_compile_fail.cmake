# Builds one compile-fail target and judges the result (run by CTest: cmake -P).
#
#   -DBUILD_DIR=<build tree> -DTARGET=<cf_name> -DCONFIG=<config or empty> -DSOURCE=<file.cpp>
#   -DEXPECT=failure|success -DCOMPILER_ID=<CMAKE_CXX_COMPILER_ID>
#
# EXPECT=failure passes only if the build fails AND the output matches every expectation in
# SOURCE: `// expect-error: <regex>` lines, plus `// expect-error-gcc: <regex>` (GCC) or
# `// expect-error-clang: <regex>` (Clang) lines. Regexes use CMake syntax, matched anywhere in
# the build output. EXPECT=success (control.cpp) passes only if the build succeeds.
foreach(_var IN ITEMS BUILD_DIR TARGET SOURCE EXPECT)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "check_compile_fail.cmake: -D${_var}=... is required")
  endif()
endforeach()

set(_patterns)
if(EXPECT STREQUAL "failure")
  if(COMPILER_ID STREQUAL "GNU")
    set(_own "gcc")
  elseif(COMPILER_ID MATCHES "Clang")
    set(_own "clang")
  else()
    set(_own "none")
  endif()
  file(STRINGS "${SOURCE}" _lines REGEX "^[ \t]*// expect-error(-[a-z]+)?:")
  foreach(_line IN LISTS _lines)
    if(_line MATCHES "^[ \t]*// expect-error(-([a-z]+))?:[ \t]*(.*[^ \t\r])[ \t\r]*$")
      set(_which "${CMAKE_MATCH_2}")
      if(_which STREQUAL "" OR _which STREQUAL _own)
        list(APPEND _patterns "${CMAKE_MATCH_3}")
      endif()
    endif()
  endforeach()
  if(NOT _patterns)
    message(FATAL_ERROR "FAIL: ${SOURCE} has no `// expect-error: <regex>` line that applies to "
                        "${COMPILER_ID}; every compile-fail test must say which error it expects")
  endif()
endif()

set(_config_args)
if(NOT "${CONFIG}" STREQUAL "")
  set(_config_args --config "${CONFIG}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}" ${_config_args}
  RESULT_VARIABLE _result
  OUTPUT_VARIABLE _output
  ERROR_VARIABLE _output)

if(EXPECT STREQUAL "success")
  if(NOT _result EQUAL 0)
    message("${_output}")
    message(FATAL_ERROR "FAIL: ${SOURCE} must compile (it is the harness's control), but the "
                        "build of ${TARGET} failed (${_result})")
  endif()
  message(STATUS "PASS: ${SOURCE} compiles")
  return()
endif()

if(_result EQUAL 0)
  message("${_output}")
  message(FATAL_ERROR "FAIL: ${SOURCE} compiled, but it is a compile-fail test and must not")
endif()

set(_missing)
foreach(_pattern IN LISTS _patterns)
  if(NOT _output MATCHES "${_pattern}")
    list(APPEND _missing "${_pattern}")
  endif()
endforeach()
if(_missing)
  message("${_output}")
  list(JOIN _missing "\n  " _missing_text)
  message(FATAL_ERROR "FAIL: ${SOURCE} failed to compile as expected, but the output above does "
                      "not match:\n  ${_missing_text}")
endif()
list(JOIN _patterns "\n  " _pattern_text)
message(STATUS "PASS: ${SOURCE} fails to compile with:\n  ${_pattern_text}")
