# berth_runtime_library(<part> [LINKS ...]): one static library per runtime folder, made of
# every .cpp under it, with runtime/ and src/ as include roots ("images/pull.h",
# "common/result.h").
function(berth_runtime_library part)
  cmake_parse_arguments(ARG "" "" "LINKS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(berth_${part} STATIC ${sources})
  target_include_directories(berth_${part} PUBLIC ${BERTH_RUNTIME_DIR})
  target_link_libraries(berth_${part} PUBLIC berth_common Threads::Threads ${ARG_LINKS})
  berth_warnings(berth_${part})
endfunction()
