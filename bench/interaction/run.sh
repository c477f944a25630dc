#!/usr/bin/env bash
# Cost per interaction: frames per event and whole-process CPU per frame, against the bare window drawing a page of
# text of the same size (bench/startup/bare_window.cpp --stay, one full redraw per event).
# Scenarios, each in a fresh process on the demo profile (docs/demo-profile.json), 1280x800 under xvfb-run:
#   type       55 characters typed into the resumed reflection (module account-mapping), 80 ms apart
#   wheel-map  10 wheel notches down on the account map (--module artifact:art-1)
#   wheel-page 10 wheel notches down on the module account-mapping
#   hover-dash the pointer moved over 10 cells of the health dashboard (--module dashboard), a tooltip on each
# CPU is utime+stime from /proc/PID/stat (clock ticks) from just before the first event until the app is idle again;
# frames come from GROUNDWORK_TIMING=1 (one line per frame built). Prints medians over the runs.
# Usage: bench/interaction/run.sh [runs]      (after a build; BUILD=folder, default ./build;
#        APP=path/to/another/groundwork compares a different binary, e.g. the one before a change)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
build=${BUILD:-build}
app=${APP:-$build/runtime/groundwork}
bare=$build/bench/groundwork_bare_window
if [[ "${1:-}" != "--inside" ]]; then
    data=$(mktemp -d)
    trap 'rm -rf "$data"' EXIT
    "$app" import docs/demo-profile.json --data-dir "$data/profile" >/dev/null
    xvfb-run -a -s "-screen 0 1280x800x24" env APP="$app" BARE="$bare" DATA="$data" RUNS="$runs" \
        bash "$0" --inside
    exit
fi

# --- inside the virtual X server -------------------------------------------------------------------------------
tck=$(getconf CLK_TCK)
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
frames_of() { # "<built> <rendered>" from the last frame line of a log; "0 0" when the binary prints none
    local line
    line=$(grep -a '^frame ' "$1" | tail -1 || true)
    if [[ -z "$line" ]]; then echo "0 0"; else echo "$line" | awk '{print $2, $4}'; fi
}
wait_idle() { # until the process used no CPU for 0.6 s (at most 15 s)
    local pid=$1 last now
    last=$(cpu_ticks "$pid")
    for _ in $(seq 50); do
        sleep 0.6
        now=$(cpu_ticks "$pid")
        [[ "$now" == "$last" ]] && return
        last=$now
    done
}
events() { # kind window
    case $1 in
    type) xdotool mousemove 900 300; xdotool type --delay 80 "Northwind's CFO is our only strong tie; map two more. "; ;;
    wheel*) xdotool mousemove 700 400; for _ in $(seq 10); do xdotool click 5; sleep 0.15; done ;;
    hover*) for i in $(seq 0 9); do xdotool mousemove $((564 + 33 * i)) 204; sleep 0.15; done ;;
    esac
}
# one run: prints "<cpu ms> <frames built> <frames rendered> <events>"
run_once() { # kind binary args...
    local kind=$1; shift
    local log
    log=$(mktemp)
    GROUNDWORK_TIMING=1 "$@" 2>"$log" &
    local pid=$!
    for _ in $(seq 100); do xdotool search --name '^(Groundwork|bare)' >/dev/null 2>&1 && break; sleep 0.1; done
    sleep 0.5
    wait_idle "$pid"
    local c0 f0 c1 f1
    c0=$(cpu_ticks "$pid"); f0=$(frames_of "$log")
    events "$kind"
    wait_idle "$pid"
    c1=$(cpu_ticks "$pid"); f1=$(frames_of "$log")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    local n=10; [[ $kind == type ]] && n=55
    echo "$(( (c1 - c0) * 1000 / tck )) $(( ${f1% *} - ${f0% *} )) $(( ${f1#* } - ${f0#* } )) $n"
    rm -f "$log"
}

declare -A args=(
    [type]="--size 1280x800"
    [wheel-map]="--size 1280x800 --module artifact:art-1"
    [wheel-page]="--size 1280x800 --module account-mapping"
    [hover-dash]="--size 1280x800 --module dashboard"
)
printf "%-11s %12s %12s %14s %14s %14s %8s\n" scenario "CPU/event" "built/event" "rendered/evt" "CPU/rendered" "bare CPU/frm" ratio
for kind in type wheel-map wheel-page hover-dash; do
    : >"$DATA/app.txt"; : >"$DATA/bare.txt"
    for _ in $(seq "$RUNS"); do
        # a fresh copy of the profile each run: typing changes it
        rm -rf "$DATA/run"; cp -r "$DATA/profile" "$DATA/run"
        # shellcheck disable=SC2086
        run_once "$kind" "$APP" --data-dir "$DATA/run" ${args[$kind]} >>"$DATA/app.txt"
        run_once "${kind%%-*}" "$BARE" --stay >>"$DATA/bare.txt"
    done
    cpu_event=$(awk '{print $1 / $4}' "$DATA/app.txt" | median)
    built=$(awk '{print $2 / $4}' "$DATA/app.txt" | median)
    rendered=$(awk '{print $3 / $4}' "$DATA/app.txt" | median)
    cpu_frame=$(awk '$3 > 0 {print $1 / $3}' "$DATA/app.txt" | median)
    bare_frame=$(awk '$3 > 0 {print $1 / $3}' "$DATA/bare.txt" | median)
    ratio=$(awk -v a="$cpu_frame" -v b="$bare_frame" 'BEGIN {if (b > 0 && a == a) printf "%.2f", a / b; else print "-"}')
    printf "%-11s %9.1f ms %12.2f %14.2f %11.1f ms %11.1f ms %8s\n" "$kind" "$cpu_event" "$built" "$rendered" \
        "$cpu_frame" "$bare_frame" "$ratio"
done
