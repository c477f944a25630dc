#!/usr/bin/env bash
# Start-up, whole process, three ways in paired rounds under one virtual X server (issue 11):
#   floor      the bare GLFW + ImGui window with one DejaVu face drawing a page of wrapped text (bare_window.cpp)
#   groundwork --screenshot of the resumed module (the demo profile), written as a PNG, with the font atlas in its
#              cache (ui/atlas_cache.h: every start after the first), and once more with an empty cache (a first
#              start, or the first after a new text size or new characters)
#   chromium   headless Chromium rendering the same module as a web page (cmark-gfm's HTML, DejaVu Sans) to a PNG
# at 1280x800. CPU is user+system of the process and the children it waited for (bash's time), wall is elapsed.
# Prints the medians and the ratios to the floor and to Chromium.
# Usage: bench/startup/compare.sh [rounds]  (after a build; BUILD=folder, default ./build; needs xvfb-run,
#        and for the third column chromium and cmark-gfm, which tools/setup.sh does not install: without them the
#        Chromium column is left out)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-7}
build=${BUILD:-build}
app=${APP:-$build/runtime/groundwork}
bare=$build/bench/groundwork_bare_window
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$app" import docs/demo-profile.json --data-dir "$work/data" >/dev/null
module=content/19-account-growth/02-account-mapping.md  # where the demo profile resumes
have_chromium=0
if command -v chromium >/dev/null && command -v cmark-gfm >/dev/null; then
    have_chromium=1
    {
        echo '<!doctype html><html><head><meta charset="utf-8"><style>'
        echo 'body{font-family:"DejaVu Sans";font-size:17px;line-height:1.55;max-width:760px;margin:40px auto;color:#26282e;background:#fbfaf7}'
        echo 'table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px}blockquote{border-left:4px solid #2563aa;margin:0;padding:8px 16px;background:#eef3fa}'
        echo '</style></head><body>'
        sed '1,/^---$/{/^---$/!d};1,/^---$/d' "$module" | cmark-gfm --smart -e table -e strikethrough -e autolink -e tasklist
        echo '</body></html>'
    } > "$work/page.html"
fi

inner=$(cat <<INNER
set -e
# bash's own time: user and system CPU of the child to the millisecond (GNU time rounds to 10 ms).
XDG_CACHE_HOME="$work/cache" $app --data-dir "$work/data" --size 1280x800 --screenshot "$work/app.png"  # fills the caches
for i in \$(seq $rounds); do
  TIMEFORMAT="floor %3R %3U %3S"
  { time $bare >/dev/null 2>&1; } 2>>"$work/times.txt"
  TIMEFORMAT="app %3R %3U %3S"
  { time XDG_CACHE_HOME="$work/cache" $app --data-dir "$work/data" --size 1280x800 --screenshot "$work/app.png" \
      >/dev/null 2>&1; } 2>>"$work/times.txt"
  # An empty font atlas cache; Mesa's shader cache stays warm, as it is for the floor.
  TIMEFORMAT="cold %3R %3U %3S"
  { time XDG_CACHE_HOME="$work/cold-\$i" MESA_SHADER_CACHE_DIR="$work/cache/mesa_shader_cache" $app \
      --data-dir "$work/data" --size 1280x800 --screenshot "$work/app.png" >/dev/null 2>&1; } 2>>"$work/times.txt"
  if [ $have_chromium = 1 ]; then
    TIMEFORMAT="chromium %3R %3U %3S"
    { time chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,800 \
        --screenshot="$work/chromium.png" "file://$work/page.html" >/dev/null 2>&1; } 2>>"$work/times.txt"
  fi
done
INNER
)
xvfb-run -a -s "-screen 0 1280x800x24" bash -c "$inner" 2>/dev/null
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print 0; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cpu() { grep "^$1 " "$work/times.txt" | awk '{print ($3 + $4) * 1000}' | median; }
wall() { grep "^$1 " "$work/times.txt" | awk '{print $2 * 1000}' | median; }
f_cpu=$(cpu floor); a_cpu=$(cpu app); f_wall=$(wall floor); a_wall=$(wall app); k_cpu=$(cpu cold); k_wall=$(wall cold)
printf "%-44s %8s %8s\n" "start-up, median of $rounds rounds" "CPU ms" "wall ms"
printf "%-44s %8.0f %8.0f\n" "floor: bare window, one DejaVu face, a page" "$f_cpu" "$f_wall"
printf "%-44s %8.0f %8.0f   CPU %.2fx the floor (budget 1.3x)\n" "groundwork --screenshot" "$a_cpu" "$a_wall" \
    "$(echo "$a_cpu / $f_cpu" | bc -l)"
printf "%-44s %8.0f %8.0f   CPU %.2fx the floor\n" "  the same, font atlas not cached yet" "$k_cpu" "$k_wall" \
    "$(echo "$k_cpu / $f_cpu" | bc -l)"
if [ $have_chromium = 1 ]; then
    c_cpu=$(cpu chromium); c_wall=$(wall chromium)
    printf "%-44s %8.0f %8.0f\n" "chromium --headless --screenshot, same module" "$c_cpu" "$c_wall"
    printf "groundwork against Chromium: %.2fx the CPU, %.2fx the wall time; the floor: %.2fx and %.2fx\n" \
        "$(echo "$a_cpu / $c_cpu" | bc -l)" "$(echo "$a_wall / $c_wall" | bc -l)" \
        "$(echo "$f_cpu / $c_cpu" | bc -l)" "$(echo "$f_wall / $c_wall" | bc -l)"
fi
