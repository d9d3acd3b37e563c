# package.readme_<mode>: builds and runs the consumer project that README.md shows, from the
# README's own text, so that the snippets a newcomer copies are the ones that work
# (run by CTest: cmake -P).
#
# The README marks each tested block with an HTML comment on the line before its fence:
#   <!-- tested: package.readme_fetchcontent CMakeLists.txt -->     then a ```cmake block
#   <!-- tested: package.readme_find_package CMakeLists.txt -->     then a ```cmake block
#   <!-- tested: package.readme main.cpp -->                        then a ```cpp block
# The CMakeLists.txt block of MODE and the main.cpp block become a project in WORK_DIR/src, which
# is configured, built and run with CTest's --build-and-test; the README must say what it prints
# ("prints `<its output>`"). A GIT_TAG or find_package() version in the block must name this
# flopcast's version.
#   -DREADME=<README.md> -DMODE=<fetchcontent|find_package> -DWORK_DIR=<scratch>
#   -DVERSION=<flopcast's version> -DCTEST=<ctest> -DGENERATOR=<generator>
#   [-DMAKE_PROGRAM=<path>] [-DCXX_COMPILER=<path>] [-DBUILD_TYPE=<type>] [-DCONFIG=<config>]
#   [-DOPTIONS=<-D options for the consumer, separated by |>]
foreach(_var IN ITEMS README MODE WORK_DIR VERSION CTEST GENERATOR)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "readme_consumer.cmake: -D${_var}=... is required")
  endif()
endforeach()

# readme_block(<marker> <output var>): the fenced block that follows the line holding <marker>.
# (String operations, not file(STRINGS): a list of lines would split C++ at its semicolons.)
function(readme_block marker output_var)
  file(READ "${README}" _text)
  string(FIND "${_text}" "${marker}" _at)
  if(_at EQUAL -1)
    message(FATAL_ERROR "FAIL: README.md has no line '${marker}'")
  endif()
  string(SUBSTRING "${_text}" ${_at} -1 _text)
  string(FIND "${_text}" "\n" _eol)
  math(EXPR _eol "${_eol} + 1")
  string(SUBSTRING "${_text}" ${_eol} -1 _text)
  if(NOT _text MATCHES "^```[a-z]+\n")
    message(FATAL_ERROR "FAIL: README.md: the line after '${marker}' is not a ```cmake or ```cpp "
                        "fence")
  endif()
  string(LENGTH "${CMAKE_MATCH_0}" _fence)
  string(SUBSTRING "${_text}" ${_fence} -1 _text)
  string(FIND "${_text}" "\n```\n" _close)
  if(_close EQUAL -1)
    message(FATAL_ERROR "FAIL: README.md: the block after '${marker}' has no closing fence")
  endif()
  math(EXPR _close "${_close} + 1")
  string(SUBSTRING "${_text}" 0 ${_close} _block)
  set(${output_var} "${_block}" PARENT_SCOPE)
endfunction()

readme_block("<!-- tested: package.readme_${MODE} CMakeLists.txt -->" _lists)
readme_block("<!-- tested: package.readme main.cpp -->" _main)

# The snippet names this version.
string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" _major_minor "${VERSION}")
if(_lists MATCHES "GIT_TAG[ \t]+([^ \t\n)]+)")
  if(NOT CMAKE_MATCH_1 STREQUAL "v${VERSION}")
    message(FATAL_ERROR "FAIL: README.md's FetchContent snippet names GIT_TAG ${CMAKE_MATCH_1}; "
                        "this is flopcast ${VERSION} (tag v${VERSION})")
  endif()
endif()
if(_lists MATCHES "find_package\\(flopcast[ \t]+([0-9][0-9.]*)")
  if(NOT (CMAKE_MATCH_1 STREQUAL VERSION OR CMAKE_MATCH_1 STREQUAL _major_minor))
    message(FATAL_ERROR "FAIL: README.md's find_package() asks for flopcast ${CMAKE_MATCH_1}; "
                        "this is flopcast ${VERSION}")
  endif()
endif()
if(NOT _lists MATCHES "project\\(([A-Za-z0-9_]+)")
  message(FATAL_ERROR "FAIL: README.md's ${MODE} snippet has no project() line:\n${_lists}")
endif()
set(_project "${CMAKE_MATCH_1}")
if(NOT _lists MATCHES "add_executable\\(([A-Za-z0-9_]+)")
  message(FATAL_ERROR "FAIL: README.md's ${MODE} snippet has no add_executable() line:\n${_lists}")
endif()
set(_program "${CMAKE_MATCH_1}")

file(REMOVE_RECURSE "${WORK_DIR}")
file(WRITE "${WORK_DIR}/src/CMakeLists.txt" "${_lists}")
file(WRITE "${WORK_DIR}/src/main.cpp" "${_main}")

set(_args --build-and-test "${WORK_DIR}/src" "${WORK_DIR}/build" --build-generator "${GENERATOR}"
          --build-project "${_project}" --build-noclean)
if(MAKE_PROGRAM)
  list(APPEND _args --build-makeprogram "${MAKE_PROGRAM}")
endif()
if(NOT "${CONFIG}" STREQUAL "")
  list(APPEND _args --build-config "${CONFIG}")
endif()
set(_options)
if(CXX_COMPILER)
  list(APPEND _options "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(NOT "${BUILD_TYPE}" STREQUAL "")
  list(APPEND _options "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
endif()
if(NOT "${OPTIONS}" STREQUAL "")
  string(REPLACE "|" ";" _extra "${OPTIONS}")
  list(APPEND _options ${_extra})
endif()
if(_options)
  list(APPEND _args --build-options ${_options})
endif()
list(APPEND _args --test-command "${_program}")

execute_process(COMMAND "${CTEST}" ${_args} RESULT_VARIABLE _result OUTPUT_VARIABLE _out
                ERROR_VARIABLE _out)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "FAIL: the README's ${MODE} project (${WORK_DIR}/src) did not build and "
                      "run (${_result}):\n${_out}")
endif()
# What the program printed is what the README says it prints (`...` right after the main.cpp
# block's "prints").
file(GLOB _exe "${WORK_DIR}/build/${_program}" "${WORK_DIR}/build/${_program}.exe"
     "${WORK_DIR}/build/*/${_program}" "${WORK_DIR}/build/*/${_program}.exe")
if(NOT _exe)
  message(FATAL_ERROR "FAIL: built, but cannot find the program ${_program} in ${WORK_DIR}/build")
endif()
list(GET _exe 0 _exe)
execute_process(COMMAND "${_exe}" RESULT_VARIABLE _result OUTPUT_VARIABLE _printed
                OUTPUT_STRIP_TRAILING_WHITESPACE)
file(READ "${README}" _readme)
string(FIND "${_readme}" "prints `${_printed}`" _at)
if(NOT _result EQUAL 0 OR _at EQUAL -1)
  message(FATAL_ERROR "FAIL: README.md should say the program prints `${_printed}` (exit status "
                      "${_result})")
endif()
message(STATUS "PASS: the README's ${MODE} project built and printed `${_printed}`")
