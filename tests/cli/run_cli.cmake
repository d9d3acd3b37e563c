# Runs the flopcast program once and checks its exit status and output (cmake -P script).
#
#   -DCLI=<path to flopcast>       the program
#   -DARGS=a|b|c                   its arguments, separated by | (CMake lists do not survive
#                                  add_test's command line)
#   -DEXIT=<n>                     the exit status it must return
#   -DSTDOUT=<regex>|...           regexes stdout must match (each; separated by |||)
#   -DSTDERR=<regex>|...           regexes stderr must match (each; separated by |||)
#   -DSTDERR_NOT=<regex>           a regex stderr must not match
#   -DSTDIN=<file>                 standard input (default: none)
#   -DJSON_CHECKER=<path> -DJSON_CASE=<case>
#                                  also write stdout to a file and run the checker on it
#   -DWORK_DIR=<dir>               where that file goes
#   -DSVG_CHECKER=<path> -DSVG_FILE=<file> -DSVG_NAMES=a|b
#                                  after a run that wrote SVG_FILE, check it is well-formed SVG
#                                  holding each name (tests/cli/svg_check.cpp)
#
# Why a script and not PASS_REGULAR_EXPRESSION: that property makes CTest ignore the exit status;
# here both the status and the output must be right, and a failure prints everything seen.
cmake_minimum_required(VERSION 3.21)

foreach(_required IN ITEMS CLI EXIT)
  if(NOT DEFINED ${_required})
    message(FATAL_ERROR "run_cli.cmake: -D${_required}=... is required")
  endif()
endforeach()

string(REPLACE "|" ";" _args "${ARGS}")
set(_input_args)
if(DEFINED STDIN AND NOT STDIN STREQUAL "")
  set(_input_args INPUT_FILE "${STDIN}")
endif()
execute_process(COMMAND "${CLI}" ${_args}
                RESULT_VARIABLE _status
                OUTPUT_VARIABLE _out
                ERROR_VARIABLE _err
                ${_input_args})

set(_problems)
if(NOT _status STREQUAL "${EXIT}")
  list(APPEND _problems "exit status ${_status}, expected ${EXIT}")
endif()

# Regex lists use ||| between entries (a single | is regex alternation).
function(_split_regexes out text)
  string(REPLACE "|||" "\n" _lines "${text}")
  string(REPLACE ";" "\\;" _lines "${_lines}")
  string(REPLACE "\n" ";" _lines "${_lines}")
  set(${out} "${_lines}" PARENT_SCOPE)
endfunction()

if(DEFINED STDOUT AND NOT STDOUT STREQUAL "")
  _split_regexes(_regexes "${STDOUT}")
  foreach(_regex IN LISTS _regexes)
    if(NOT _out MATCHES "${_regex}")
      list(APPEND _problems "stdout does not match '${_regex}'")
    endif()
  endforeach()
endif()
if(DEFINED STDERR AND NOT STDERR STREQUAL "")
  _split_regexes(_regexes "${STDERR}")
  foreach(_regex IN LISTS _regexes)
    if(NOT _err MATCHES "${_regex}")
      list(APPEND _problems "stderr does not match '${_regex}'")
    endif()
  endforeach()
endif()
if(DEFINED STDERR_NOT AND NOT STDERR_NOT STREQUAL "" AND _err MATCHES "${STDERR_NOT}")
  list(APPEND _problems "stderr matches '${STDERR_NOT}', which it must not")
endif()

if(DEFINED JSON_CHECKER AND NOT JSON_CHECKER STREQUAL "" AND _status STREQUAL "0")
  if(NOT DEFINED WORK_DIR OR WORK_DIR STREQUAL "")
    set(WORK_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  file(MAKE_DIRECTORY "${WORK_DIR}")
  set(_json "${WORK_DIR}/${JSON_CASE}.json")
  file(WRITE "${_json}" "${_out}")
  execute_process(COMMAND "${JSON_CHECKER}" "${_json}" "${JSON_CASE}"
                  RESULT_VARIABLE _check_status
                  OUTPUT_VARIABLE _check_out
                  ERROR_VARIABLE _check_err)
  message("${_check_out}${_check_err}")
  if(NOT _check_status STREQUAL "0")
    list(APPEND _problems "the JSON checker failed (${_check_status}) on ${_json}")
  endif()
endif()

if(DEFINED SVG_CHECKER AND NOT SVG_CHECKER STREQUAL "" AND _status STREQUAL "0")
  string(REPLACE "|" ";" _names "${SVG_NAMES}")
  execute_process(COMMAND "${SVG_CHECKER}" "${SVG_FILE}" ${_names}
                  RESULT_VARIABLE _svg_status OUTPUT_VARIABLE _svg_out ERROR_VARIABLE _svg_out)
  if(NOT _svg_status STREQUAL "0")
    list(APPEND _problems "the SVG check failed (${_svg_status}): ${_svg_out}")
  endif()
endif()

string(REPLACE ";" " " _shown_args "${_args}")
if(_problems)
  string(REPLACE ";" "\n  " _list "${_problems}")
  message(FATAL_ERROR "flopcast ${_shown_args}\n  ${_list}\n"
                      "--- exit status: ${_status}\n--- stdout:\n${_out}\n--- stderr:\n${_err}")
endif()
message("flopcast ${_shown_args}: exit status ${_status} as expected")
