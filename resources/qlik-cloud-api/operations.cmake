# Generates the operation table (method, path template, rate tier, limit per minute) from Qlik's
# published contract, so rate budgets in the client and limits in the sandbox come from the spec
# rather than from hand-copied numbers.
#   cmake -DSPEC=openapi.json [-DEXTRA=org-operations.txt] -DOUT=qlikoperations.inc -P operations.cmake
# Output lines: TENANTRY_QLIK_OPERATION("GET", "/v1/spaces/{spaceId}", "1", 1000)
cmake_minimum_required(VERSION 3.25)

file(READ "${SPEC}" spec)
string(JSON paths GET "${spec}" paths)
string(JSON path_count LENGTH "${paths}")
math(EXPR last "${path_count} - 1")

set(lines "// Generated from ${SPEC} by operations.cmake. Do not edit.\n")
foreach(i RANGE ${last})
  string(JSON path MEMBER "${paths}" ${i})
  string(JSON item GET "${paths}" "${path}")
  foreach(method get put post patch delete)
    string(JSON operation ERROR_VARIABLE missing GET "${item}" ${method})
    if(missing)
      continue()
    endif()
    string(JSON tier ERROR_VARIABLE no_tier GET "${operation}" x-qlik-tier tier)
    string(JSON limit ERROR_VARIABLE no_limit GET "${operation}" x-qlik-tier limit)
    if(no_tier OR no_limit)
      message(FATAL_ERROR "${SPEC}: ${method} ${path} has no x-qlik-tier {tier, limit}")
    endif()
    string(TOUPPER "${method}" verb)
    string(APPEND lines "TENANTRY_QLIK_OPERATION(\"${verb}\", \"${path}\", \"${tier}\", ${limit})\n")
  endforeach()
endforeach()

# Operations outside the tenant spec (the organization API on console.qlikcloud.com, FACTS §3.4):
# one "METHOD PATH TIER LIMIT" per line.
if(EXTRA)
  file(STRINGS "${EXTRA}" extra_lines REGEX "^[A-Z]+ ")
  foreach(line IN LISTS extra_lines)
    string(REGEX REPLACE "[ \t]+" ";" fields "${line}")
    list(GET fields 0 verb)
    list(GET fields 1 path)
    list(GET fields 2 tier)
    list(GET fields 3 limit)
    string(APPEND lines "TENANTRY_QLIK_OPERATION(\"${verb}\", \"${path}\", \"${tier}\", ${limit})\n")
  endforeach()
endif()

file(CONFIGURE OUTPUT "${OUT}" CONTENT "${lines}" @ONLY)
