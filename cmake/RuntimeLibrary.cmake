# berth_runtime_library(<part> SOURCES ... LINKS ...): one static library per runtime folder,
# with runtime/ and src/ as include roots ("images/pull.h", "common/result.h").
function(berth_runtime_library part)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
  add_library(berth_${part} STATIC ${ARG_SOURCES})
  target_include_directories(berth_${part} PUBLIC ${BERTH_RUNTIME_DIR})
  target_link_libraries(berth_${part} PUBLIC berth_common Threads::Threads ${ARG_LINKS})
  berth_warnings(berth_${part})
endfunction()
