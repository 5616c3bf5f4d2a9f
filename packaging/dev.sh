#!/usr/bin/env bash
# Tenantry's two commands (see README.md):
#   packaging/dev.sh run  [tenantry options]   install dependencies, build, start the GUI
#   packaging/dev.sh test [ctest options]      install dependencies, build, run the whole test suite
# Both are idempotent and incremental: packages are installed only when missing, the build
# directory (build/, or $TENANTRY_BUILD_DIR) is configured once and then rebuilt incrementally.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${TENANTRY_BUILD_DIR:-$root/build}
mode=${1:-}
[ $# -gt 0 ] && shift

usage() {
    echo "usage: packaging/dev.sh run [tenantry options] | test [ctest options]" >&2
    exit 2
}
case "$mode" in run|test|build) ;; *) usage ;; esac

# Debian 12 packages; TOOLCHAIN.md lists what each is for.
packages=(
    build-essential cmake ninja-build pkg-config git clang-format
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qt6-qpa-plugins qtkeychain-qt6-dev libgl-dev libvalijson-dev
    libssl-dev zlib1g-dev libyaml-cpp-dev
    xvfb xauth gnome-keyring dbus-x11 dbus libsecret-tools at-spi2-core
    imagemagick x11-apps desktop-file-utils appstream qt6-translations-l10n
)

install_missing_packages() {
    local missing=() p
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== installing ${#missing[@]} Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

configure_and_build() {
    if [ ! -f "$build/build.ninja" ]; then
        echo "== configuring $build"
        local werror=OFF
        [ "${CI:-}" = "true" ] && werror=ON
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTENANTRY_WERROR=$werror
    fi
    echo "== building"
    cmake --build "$build" --parallel "$(nproc)"
}

run_tests() {
    # A private home, runtime dir and session bus with an unlocked gnome-keyring: the keychain
    # tests talk to a real Secret Service and nothing touches the user's own keyring or settings.
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/tenantry-test.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$scratch/home" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    env -u DISPLAY -u WAYLAND_DISPLAY HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" \
        dbus-run-session -- bash -c '
            printf %s tenantry-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
            gnome-keyring-daemon --start --components=secrets >/dev/null
            exec ctest --test-dir "$0" --output-on-failure --parallel "$(nproc)" "$@"' "$build" "$@"
}

install_missing_packages
configure_and_build
case "$mode" in
    build) ;;
    run)
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "== no display found; starting Tenantry in a virtual X server (xvfb-run)" >&2
            exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$build/bin/tenantry" "$@"
        fi
        exec "$build/bin/tenantry" "$@"
        ;;
    test) run_tests "$@" ;;
esac
