# The newcomer's path, included by tests/CMakeLists.txt: what someone who has just cloned flopcast
# does first, each step a test.
#   cmake.default_configure       a plain configure builds the examples and no tests; tests asked
#                                 for without Catch2 are a configure error
#   cmake.install_without_build   `cmake --install` right after configuring installs every header
#                                 and the package files (the command-line tool is skipped)
#   headers.cxx17_rejected        every public header includes core/config.hpp first, and a
#                                 C++17 compile stops with one sentence saying C++20 is required
#   package.readme_fetchcontent   the README's FetchContent project and main.cpp, built and run
#   package.readme_find_package   the README's find_package project, against the prefix that
#                                 cmake.install_without_build filled
# The cmake.* tests configure fresh trees of these sources under <build>/tests/newcomer.

set(_newcomer_dir "${CMAKE_CURRENT_BINARY_DIR}/newcomer")
set(_newcomer_tree_args "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}" "-DGENERATOR=${CMAKE_GENERATOR}"
                        "-DCXX_COMPILER=${CMAKE_CXX_COMPILER}" "-DCONFIG=$<CONFIG>")
if(CMAKE_MAKE_PROGRAM)
  list(APPEND _newcomer_tree_args "-DMAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}")
endif()

add_test(NAME cmake.default_configure
         COMMAND "${CMAKE_COMMAND}" ${_newcomer_tree_args} "-DWORK_DIR=${_newcomer_dir}/default"
                 -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/default_configure.cmake")
set_tests_properties(cmake.default_configure PROPERTIES LABELS cmake TIMEOUT 300)

add_test(NAME cmake.install_without_build
         COMMAND "${CMAKE_COMMAND}" ${_newcomer_tree_args} "-DWORK_DIR=${_newcomer_dir}/install"
                 -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/install_without_build.cmake")
set_tests_properties(cmake.install_without_build
                     PROPERTIES LABELS cmake TIMEOUT 300 FIXTURES_SETUP flopcast_fresh_install)

# The C++20 sentence is a GCC/Clang-driver check (-std=c++17, -fsyntax-only).
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  add_test(NAME headers.cxx17_rejected
           COMMAND "${CMAKE_COMMAND}" "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
                   "-DCXX_COMPILER=${CMAKE_CXX_COMPILER}" "-DWORK_DIR=${_newcomer_dir}/cxx17"
                   -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/check_cxx17_rejected.cmake")
  set_tests_properties(headers.cxx17_rejected PROPERTIES LABELS headers TIMEOUT 300)
endif()

set(_readme_args "-DREADME=${PROJECT_SOURCE_DIR}/README.md" "-DVERSION=${PROJECT_VERSION}"
                 "-DCTEST=${CMAKE_CTEST_COMMAND}" "-DGENERATOR=${CMAKE_GENERATOR}"
                 "-DCXX_COMPILER=${CMAKE_CXX_COMPILER}" "-DBUILD_TYPE=${CMAKE_BUILD_TYPE}"
                 "-DCONFIG=$<CONFIG>")
if(CMAKE_MAKE_PROGRAM)
  list(APPEND _readme_args "-DMAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}")
endif()
add_test(NAME package.readme_fetchcontent
         COMMAND "${CMAKE_COMMAND}" ${_readme_args} -DMODE=fetchcontent
                 "-DWORK_DIR=${_newcomer_dir}/readme_fetchcontent"
                 "-DOPTIONS=-DFETCHCONTENT_SOURCE_DIR_FLOPCAST=${PROJECT_SOURCE_DIR}"
                 -P "${CMAKE_CURRENT_SOURCE_DIR}/package/readme_consumer.cmake")
set_tests_properties(package.readme_fetchcontent PROPERTIES LABELS package TIMEOUT 300)
add_test(NAME package.readme_find_package
         COMMAND "${CMAKE_COMMAND}" ${_readme_args} -DMODE=find_package
                 "-DWORK_DIR=${_newcomer_dir}/readme_find_package"
                 "-DOPTIONS=-DCMAKE_PREFIX_PATH=${_newcomer_dir}/install/prefix"
                 -P "${CMAKE_CURRENT_SOURCE_DIR}/package/readme_consumer.cmake")
set_tests_properties(package.readme_find_package
                     PROPERTIES LABELS package TIMEOUT 300 FIXTURES_REQUIRED flopcast_fresh_install)
