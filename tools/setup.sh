#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   tools/setup.sh run    install what is missing, build, open the app on the shipped course
#   tools/setup.sh test   install what is missing, build, run every test through CTest
#   tools/setup.sh bench  install, build, print the benchmark medians
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
shift || true

packages=(build-essential cmake pkg-config libimgui-dev libstb-dev libglfw3-dev libgl-dev libopengl-dev
          libgl1-mesa-dri libcmark-dev nlohmann-json3-dev doctest-dev libfreetype-dev libyaml-cpp-dev libcli11-dev
          libutfcpp-dev fonts-dejavu-core fonts-dejavu-extra)
# Tests open a real window in a virtual X server.
[ "$mode" = run ] || packages+=(xvfb xauth)
# The startup benchmark measures peak memory with GNU time and does its sums with bc.
[ "$mode" = bench ] && packages+=(time bc)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing from Debian: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    cmake --preset default >/dev/null
    cmake --build --preset default
}

install_missing
build

case "$mode" in
run)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec ./build/runtime/groundwork "$@"
    fi
    echo "No display here: rendering the app in a virtual X server to build/groundwork.png instead."
    command -v xvfb-run >/dev/null || { packages=(xvfb xauth); install_missing; }
    xvfb-run -a -s "-screen 0 1280x800x24" ./build/runtime/groundwork --screenshot build/groundwork.png "$@"
    echo "Wrote build/groundwork.png"
    ;;
test)
    ctest --preset default "$@"
    ;;
bench)
    ./build/bench/groundwork_bench "$@"
    echo
    echo "Startup and memory, against a bare GLFW + ImGui window"
    bash bench/startup/run.sh
    ;;
*)
    echo "usage: tools/setup.sh run|test|bench" >&2
    exit 2
    ;;
esac
