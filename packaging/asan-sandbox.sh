#!/usr/bin/env bash
# The sandbox's tests under AddressSanitizer + UndefinedBehaviorSanitizer, leak checks on (issue 3:
# "the sandbox never crashes"). Opt-in and slow (a Debug build of the sandbox and its 30-odd tests),
# so CI does not run it:
#   packaging/asan-sandbox.sh [ctest options]      e.g. -R tst_sandboxreloads, -j2
# The build directory is build-asan/ (override with TENANTRY_ASAN_BUILD_DIR). -Werror is off: GCC 12
# reports a -Warray-bounds false positive inside Qt's qendian.h once the sanitizers are on.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${TENANTRY_ASAN_BUILD_DIR:-$root/build-asan}
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTENANTRY_SANITIZE=ON -DTENANTRY_WERROR=OFF
fi
cd "$build"
# Only what the sandbox-labelled tests need: the library, the executable and the tests themselves.
mapfile -t tests < <(ctest -N -L sandbox | awk '/Test +#/ {print $3}')
cmake --build . --parallel "${TENANTRY_JOBS:-2}" --target sandbox tenantry-sandbox "${tests[@]}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest -L sandbox --output-on-failure "$@"
