# cmake.default_configure: what a plain top-level configure gives (run by CTest: cmake -P).
#   1. `cmake -S <flopcast> -B <dir>` with no options: the examples (the README's first command
#      builds `article`) and no tests: FLOPCAST_BUILD_TESTS is OFF, tests/ is not added, no test
#      target exists and CTest finds no tests.
#   2. -DFLOPCAST_BUILD_TESTS=ON without Catch2 (hidden with CMAKE_DISABLE_FIND_PACKAGE_Catch2):
#      the configure fails and says Catch2 is missing, instead of quietly building fewer tests.
# Arguments: see fresh_tree.cmake.
include("${CMAKE_CURRENT_LIST_DIR}/fresh_tree.cmake")

set(_failures)

# --- 1. No options -------------------------------------------------------------------------------
set(_dir "${WORK_DIR}/plain")
fresh_configure("${_dir}" _result _out)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "FAIL: a plain configure failed (${_result}):\n${_out}")
endif()
cache_value("${_dir}" FLOPCAST_BUILD_TESTS _tests)
cache_value("${_dir}" FLOPCAST_BUILD_EXAMPLES _examples)
cache_value("${_dir}" FLOPCAST_INSTALL _install)
if(NOT _tests STREQUAL "OFF")
  list(APPEND _failures "FLOPCAST_BUILD_TESTS is '${_tests}', expected OFF")
endif()
if(NOT _examples STREQUAL "ON")
  list(APPEND _failures "FLOPCAST_BUILD_EXAMPLES is '${_examples}', expected ON")
endif()
if(NOT _install STREQUAL "ON")
  list(APPEND _failures "FLOPCAST_INSTALL is '${_install}', expected ON")
endif()
if(EXISTS "${_dir}/tests")
  list(APPEND _failures "tests/ was added to the build (${_dir}/tests exists)")
endif()
if(NOT EXISTS "${_dir}/examples")
  list(APPEND _failures "examples/ was not added to the build")
endif()
if(EXISTS "${_dir}/CTestTestfile.cmake")
  list(APPEND _failures "enable_testing() ran: ${_dir}/CTestTestfile.cmake exists")
endif()
# The build system's own list of targets, where the generator prints one.
if(GENERATOR MATCHES "Makefiles|Ninja")
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${_dir}" --target help
                  RESULT_VARIABLE _help_result OUTPUT_VARIABLE _help ERROR_VARIABLE _help)
  if(NOT _help_result EQUAL 0)
    list(APPEND _failures "`cmake --build --target help` failed:\n${_help}")
  else()
    foreach(_target IN ITEMS flopcast_tests flopcast_static_tests flopcast_header_tests)
      if(_help MATCHES "(^|[ \n/])${_target}[:\n ]")
        list(APPEND _failures "the build system has the test target ${_target}")
      endif()
    endforeach()
    if(NOT _help MATCHES "(^|[ \n/])article[:\n ]")
      list(APPEND _failures "the build system has no target `article` (the README's first command)")
    endif()
  endif()
endif()

# --- 2. Tests requested, no Catch2 ---------------------------------------------------------------
set(_dir "${WORK_DIR}/tests_without_catch2")
fresh_configure("${_dir}" _result _out -DFLOPCAST_BUILD_TESTS=ON
                -DCMAKE_DISABLE_FIND_PACKAGE_Catch2=TRUE)
if(_result EQUAL 0)
  list(APPEND _failures "-DFLOPCAST_BUILD_TESTS=ON without Catch2 configured without an error")
elseif(NOT _out MATCHES "Catch2 \\(v3, or v2.13 or later\\) was not found")
  list(APPEND _failures "-DFLOPCAST_BUILD_TESTS=ON without Catch2 failed, but did not say why:\n${_out}")
endif()

if(_failures)
  list(JOIN _failures "\n  " _text)
  message(FATAL_ERROR "FAIL:\n  ${_text}")
endif()
message(STATUS "PASS: a plain configure builds the examples and no tests; tests without Catch2 "
               "are an error")
