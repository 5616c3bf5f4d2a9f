#!/usr/bin/env bash
# Static checks on our own sources: clang-format (exact) and clang-tidy (.clang-tidy's checks).
#   packaging/lint.sh [format|tidy|all]    (default: all; tidy needs a configured build/)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${TENANTRY_BUILD_DIR:-$root/build}
cd "$root"
what=${1:-all}
mapfile -t sources < <(git ls-files -- 'app/*.cpp' 'app/*.h' 'ui/*.cpp' 'ui/*.h' 'models/*.cpp' 'models/*.h' 'packaging/*.cpp' \
    'sandbox/*.cpp' 'sandbox/*.h' 'tests/*.cpp' 'tests/*.h')
status=0
if [ "$what" = format ] || [ "$what" = all ]; then
    clang-format --dry-run --Werror "${sources[@]}" || status=1
fi
if [ "$what" = tidy ] || [ "$what" = all ]; then
    mapfile -t units < <(printf '%s\n' "${sources[@]}" | grep '\.cpp$')
    # clang-tidy prints a "N warnings generated" line per unit for warnings in system headers.
    printf "%s\n" "${units[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2> >(grep -v "warnings generated" >&2) || status=1
fi
exit $status
