# Shared by the consumer projects in tests/package/*: builds `consumer` from ../main.cpp against
# flopcast::flopcast and flopcast::strict_fp, and checks what flopcast leaves behind.
add_executable(consumer "${CMAKE_CURRENT_LIST_DIR}/main.cpp")
target_link_libraries(consumer PRIVATE flopcast::flopcast flopcast::strict_fp)
set_target_properties(consumer PROPERTIES CXX_EXTENSIONS OFF)

foreach(_target IN ITEMS flopcast::flopcast flopcast::strict_fp)
  if(NOT TARGET ${_target})
    message(FATAL_ERROR "consumer: flopcast did not provide ${_target}")
  endif()
endforeach()
# As a subproject, flopcast must not add its tests or examples to the consumer's build.
foreach(_target IN ITEMS flopcast_tests flopcast_header_tests flopcast_static_tests article)
  if(TARGET ${_target})
    message(FATAL_ERROR "consumer: flopcast leaked its target ${_target} into a consumer build")
  endif()
endforeach()
