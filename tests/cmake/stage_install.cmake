# Installs flopcast's development component (headers, CMake package files) from BUILD_DIR into a
# fresh PREFIX, for the find_package consumer test (run by CTest: cmake -P).
#   -DBUILD_DIR=<build tree> -DPREFIX=<staging prefix> -DCONFIG=<config or empty>
foreach(_var IN ITEMS BUILD_DIR PREFIX)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "stage_install.cmake: -D${_var}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}")  # no stale headers from an earlier run
set(_config_args)
if(NOT "${CONFIG}" STREQUAL "")
  set(_config_args --config "${CONFIG}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
          --component flopcast_development ${_config_args}
  RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "FAIL: installing flopcast into ${PREFIX} failed (${_result})")
endif()
foreach(_file IN ITEMS include/flopcast/version.hpp)
  if(NOT EXISTS "${PREFIX}/${_file}")
    message(FATAL_ERROR "FAIL: the staged install lacks ${_file}")
  endif()
endforeach()
file(GLOB_RECURSE _configs "${PREFIX}/*/flopcastConfig.cmake")
if(NOT _configs)
  message(FATAL_ERROR "FAIL: the staged install has no flopcastConfig.cmake")
endif()
message(STATUS "PASS: flopcast staged in ${PREFIX} (${_configs})")
