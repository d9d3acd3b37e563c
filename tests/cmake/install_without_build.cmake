# cmake.install_without_build: `cmake --install` straight after configuring, before any build,
# as the README's install command does (run by CTest: cmake -P). It must succeed (the command-line
# tool, not built yet, is skipped) and leave every public header and the CMake package files in
# the prefix. The prefix, <WORK_DIR>/prefix, is then used by package.readme_find_package.
# Arguments: see fresh_tree.cmake.
include("${CMAKE_CURRENT_LIST_DIR}/fresh_tree.cmake")

set(_dir "${WORK_DIR}/build")
set(_prefix "${WORK_DIR}/prefix")
fresh_configure("${_dir}" _result _out)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "FAIL: configuring failed (${_result}):\n${_out}")
endif()

set(_config_args)
if(NOT "${CONFIG}" STREQUAL "")
  set(_config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${_dir}" --prefix "${_prefix}" ${_config_args}
                RESULT_VARIABLE _result OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "FAIL: `cmake --install` before building failed (${_result}):\n${_out}")
endif()

set(_failures)
file(GLOB_RECURSE _headers RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/flopcast/*.hpp")
list(LENGTH _headers _count)
if(_count EQUAL 0)
  list(APPEND _failures "no headers found under ${SOURCE_DIR}/include")
endif()
foreach(_header IN LISTS _headers)
  if(NOT EXISTS "${_prefix}/include/${_header}")
    list(APPEND _failures "the install lacks include/${_header}")
  endif()
endforeach()
foreach(_file IN ITEMS flopcastConfig.cmake flopcastConfigVersion.cmake flopcastTargets.cmake)
  file(GLOB_RECURSE _found "${_prefix}/*/${_file}")
  if(NOT _found)
    list(APPEND _failures "the install has no ${_file}")
  endif()
endforeach()

if(_failures)
  list(JOIN _failures "\n  " _text)
  message(FATAL_ERROR "FAIL:\n  ${_text}\n`cmake --install` said:\n${_out}")
endif()
message(STATUS "PASS: installed ${_count} headers and the package files into ${_prefix} without "
               "building")
