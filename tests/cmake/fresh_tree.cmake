# Shared by the tests/cmake scripts that configure a fresh tree of flopcast's sources, as a
# newcomer's first `cmake -S . -B build` would (run by CTest: cmake -P).
#   -DSOURCE_DIR=<flopcast's sources> -DWORK_DIR=<scratch folder, deleted first>
#   -DGENERATOR=<generator> [-DMAKE_PROGRAM=<path>] [-DCXX_COMPILER=<path>] [-DCONFIG=<config>]

foreach(_var IN ITEMS SOURCE_DIR WORK_DIR GENERATOR)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "${CMAKE_SCRIPT_MODE_FILE}: -D${_var}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# fresh_configure(<build dir> <result var> <output var> [-D options...]): configures SOURCE_DIR
# into <build dir> with the test's generator and compiler and nothing else unless given.
function(fresh_configure build_dir result_var output_var)
  set(_args -S "${SOURCE_DIR}" -B "${build_dir}" -G "${GENERATOR}")
  if(MAKE_PROGRAM)
    list(APPEND _args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
  endif()
  if(CXX_COMPILER)
    list(APPEND _args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" ${_args} ${ARGN}
                  RESULT_VARIABLE _result OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
  set(${result_var} "${_result}" PARENT_SCOPE)
  set(${output_var} "${_out}" PARENT_SCOPE)
endfunction()

# cache_value(<build dir> <name> <output var>): the value of a cache entry, or "<unset>".
function(cache_value build_dir name output_var)
  file(STRINGS "${build_dir}/CMakeCache.txt" _lines REGEX "^${name}:[A-Z]+=")
  if(_lines)
    string(REGEX REPLACE "^${name}:[A-Z]+=" "" _value "${_lines}")
  else()
    set(_value "<unset>")
  endif()
  set(${output_var} "${_value}" PARENT_SCOPE)
endfunction()
