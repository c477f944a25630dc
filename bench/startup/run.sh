#!/usr/bin/env bash
# Startup and memory budgets, against a bare GLFW + ImGui window in the same virtual X server:
#   first frame of the resumed module within 100 ms of the bare window; peak memory within 20 MB of it, also for a
#   course whose text needs the CJK fallback face (docs/examples/markdown-tour).
# The bare window loads one DejaVu face through FreeType and draws a page of wrapped text: the floor a reader can reach.
# Usage: bench/startup/run.sh [runs]   (after a build; BUILD=folder, default ./build; APP=another groundwork binary;
#        needs xvfb-run and GNU time). Also prints the CPU (user+system) each start used.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-9}
build=${BUILD:-build}
app=${APP:-$build/runtime/groundwork}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$app" import docs/demo-profile.json --data-dir "$data" >/dev/null

measure() {  # prints "<first frame ms> <peak RSS KB>" per run
    for _ in $(seq "$runs"); do
        out=$( { /usr/bin/time -f "RSS %M" "$@" 2>&1 1>&3 3>&- | grep RSS; } 3>&1 )
        echo "$out"
    done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

inner=$(cat <<INNER
set -e
for i in \$(seq $runs); do
  /usr/bin/time -f "rss %M cpu %U %S" $build/bench/groundwork_bare_window 2>&1 | tr '\n' ' '; echo
done > "$data/bare.txt"
for i in \$(seq $runs); do
  GROUNDWORK_TIMING=1 /usr/bin/time -f "rss %M cpu %U %S" $app --data-dir "$data" --size 1280x800 --quit-after-first-frame 2>&1 | tr '\n' ' '; echo
done > "$data/app.txt"
for i in \$(seq $runs); do
  /usr/bin/time -f "rss %M" $app --data-dir "$data/cjk" --content docs/examples/markdown-tour --size 1280x800 --quit-after-first-frame 2>&1 | tr '\n' ' '; echo
done > "$data/cjk.txt"
INNER
)
xvfb-run -a -s "-screen 0 1280x800x24" bash -c "$inner"
bare_ms=$(grep -o 'first frame [0-9.]*' "$data/bare.txt" | awk '{print $3}' | median)
app_ms=$(grep -o 'first frame [0-9.]*' "$data/app.txt" | awk '{print $3}' | median)
bare_kb=$(grep -o 'rss [0-9]*' "$data/bare.txt" | awk '{print $2}' | median)
app_kb=$(grep -o 'rss [0-9]*' "$data/app.txt" | awk '{print $2}' | median)
cjk_kb=$(grep -o 'rss [0-9]*' "$data/cjk.txt" | awk '{print $2}' | median)
bare_cpu=$(grep -o 'cpu [0-9.]* [0-9.]*' "$data/bare.txt" | awk '{print ($2 + $3) * 1000}' | median)
app_cpu=$(grep -o 'cpu [0-9.]* [0-9.]*' "$data/app.txt" | awk '{print ($2 + $3) * 1000}' | median)
printf "%-52s %8.1f ms\n" "bare GLFW + ImGui window, first frame" "$bare_ms"
printf "%-52s %8.1f ms   (+%.1f ms, budget +100 ms)\n" "groundwork, first frame of the resumed module" "$app_ms" "$(echo "$app_ms - $bare_ms" | bc)"
printf "%-52s %8.1f MB\n" "bare window, peak memory" "$(echo "$bare_kb / 1024" | bc -l)"
printf "%-52s %8.1f MB   (+%.1f MB, budget +20 MB)\n" "groundwork with the demo profile, peak memory" "$(echo "$app_kb / 1024" | bc -l)" "$(echo "($app_kb - $bare_kb) / 1024" | bc -l)"
printf "%-52s %8.1f MB   (+%.1f MB, budget +20 MB)\n" "groundwork on markdown-tour (CJK face), peak memory" "$(echo "$cjk_kb / 1024" | bc -l)" "$(echo "($cjk_kb - $bare_kb) / 1024" | bc -l)"
printf "%-52s %8.0f ms\n" "bare window, CPU (user+system) of the whole start" "$bare_cpu"
printf "%-52s %8.0f ms   (+%.0f ms)\n" "groundwork, CPU (user+system) of the whole start" "$app_cpu" "$(echo "$app_cpu - $bare_cpu" | bc)"
