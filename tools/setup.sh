#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   tools/setup.sh run     install what is missing, build the app only, open it on the shipped course
#   tools/setup.sh test    install what is missing, build everything twice (normal, and AddressSanitizer + UBSan
#                          with the libFuzzer targets), run every test under both, fuzz each loader briefly
#   tools/setup.sh fuzz [SECONDS]   a longer fuzzing run, SECONDS per target (default 600)
#   tools/setup.sh bench   install, build, print the benchmark medians
# Environment: GROUNDWORK_FUZZ_SECONDS (default 60) is the time per fuzz target in `test`.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
shift || true

packages=(build-essential cmake pkg-config libimgui-dev libstb-dev libglfw3-dev libgl-dev libopengl-dev
          libgl1-mesa-dri libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev doctest-dev
          libfreetype-dev libyaml-cpp-dev libcli11-dev libutfcpp-dev libutf8proc-dev libx11-dev libxrandr-dev
          libcurl4-openssl-dev uuid-dev libsecret-1-dev libarchive-dev libcairo2-dev libpango1.0-dev
          libglib2.0-dev libpng-dev
          fonts-dejavu-core fonts-dejavu-extra fonts-wqy-microhei)
# Tests open a real window in a virtual X server, type into it on other keyboard layouts, and run a second build
# with clang's sanitizers and libFuzzer.
[ "$mode" = run ] || packages+=(xvfb xauth xdotool x11-xkb-utils jq clang libclang-rt-14-dev valgrind python3)
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

# build PRESET [TARGET...]: configure once, then build only what is asked (everything when no target is named).
build() {
    local preset=$1
    shift
    cmake --preset "$preset" >/dev/null
    local targets=()
    for t in "$@"; do targets+=(--target "$t"); done
    cmake --build --preset "$preset" "${targets[@]}"
}

elapsed() { echo "$(( $(date +%s) - $1 )) s"; }
# CPU seconds (user + system) this script's finished children have used so far: `times` must run in this shell,
# not in a $(...) subshell, whose children are its own.
cpu_file=$(mktemp)
trap 'rm -f "$cpu_file"' EXIT
children_cpu() {  # sets cpu_now
    times >"$cpu_file"
    cpu_now=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$cpu_file")
}
# built LABEL START_EPOCH START_CPU: one line with the wall and CPU time a build took
built() {
    children_cpu
    echo "-- $1: $(elapsed "$2") wall, $((cpu_now - $3)) CPU-s"
}

install_missing

case "$mode" in
run)
    echo "Building the app (about 2 minutes on 2 cores the first time, seconds after that)..."
    t0=$(date +%s)
    children_cpu
    c0=$cpu_now
    build default groundwork
    built "app build" "$t0" "$c0"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        rm -f "$cpu_file"
        exec ./build/runtime/groundwork "$@"
    fi
    echo "No display here: rendering the app in a virtual X server to build/groundwork.png instead."
    command -v xvfb-run >/dev/null || { packages=(xvfb xauth); install_missing; }
    xvfb-run -a -s "-screen 0 1280x800x24" ./build/runtime/groundwork --screenshot build/groundwork.png "$@"
    echo "Wrote build/groundwork.png"
    ;;
test)
    t0=$(date +%s)
    echo "== Normal build and tests (a few minutes on 2 cores from a clean tree)"
    children_cpu
    c0=$cpu_now
    build default groundwork_tests
    built "normal build (app, modules, tests)" "$t0" "$c0"
    ctest --preset default "$@"
    echo "-- normal build and tests: $(elapsed "$t0")"
    t1=$(date +%s)
    children_cpu
    c1=$cpu_now
    echo "== AddressSanitizer + UBSan build and tests (any report fails)"
    build sanitize
    built "sanitizer build" "$t1" "$c1"
    ctest --preset sanitize "$@"
    echo "-- sanitizer build and tests: $(elapsed "$t1")"
    t2=$(date +%s)
    echo "== Fuzzing each loader for ${GROUNDWORK_FUZZ_SECONDS:-60} s"
    bash tests/fuzz/run.sh "${GROUNDWORK_FUZZ_SECONDS:-60}" build-sanitize
    echo "-- fuzzing: $(elapsed "$t2")"
    echo "-- all: $(elapsed "$t0")"
    ;;
fuzz)
    build sanitize
    bash tests/fuzz/run.sh "${1:-600}" build-sanitize
    ;;
bench)
    build default groundwork groundwork_bench groundwork_bare_window
    ./build/bench/groundwork_bench "$@"
    echo
    echo "Startup and memory, against a bare GLFW + ImGui window"
    bash bench/startup/run.sh
    ;;
*)
    echo "usage: tools/setup.sh run|test|fuzz [SECONDS]|bench" >&2
    exit 2
    ;;
esac
