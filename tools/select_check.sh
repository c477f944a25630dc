#!/usr/bin/env bash
# Selecting and copying lesson text in the real app, in a virtual X server with a Dvorak layout (where the key that
# types "c" is not the US C key): a drag over the first words of the QBR module's first paragraph, Ctrl+C, and the
# X clipboard must hold those words; Ctrl+A then Ctrl+C must copy the page from its lead. Needs a build
# (tools/setup.sh test or run), xdotool, xclip and setxkbmap. Usage: tools/select_check.sh [APP]
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-./build/runtime/groundwork}
for tool in Xvfb xdotool xclip setxkbmap; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
data=$(mktemp -d)
display=:$((60 + RANDOM % 200))
app_pid=
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $app_pid $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
export DISPLAY=$display
sleep 1
"$app" --content content --data-dir "$data" --size 1280x800 --module qbr >/dev/null 2>&1 & app_pid=$!
sleep 3
setxkbmap -layout us -variant dvorak  # after the app connected: before, it does not stick (TOOLCHAIN.md)
sleep 0.5
chord() { xdotool keydown ctrl; sleep 0.1; xdotool key "$1"; sleep 0.1; xdotool keyup ctrl; sleep 0.3; }
# The first paragraph's first line starts at (410, 283) at this size; drag over its first words, slowly.
xdotool mousemove 410 283; sleep 0.3; xdotool mousedown 1; sleep 0.2
for x in 500 640; do xdotool mousemove "$x" 285; sleep 0.2; done
xdotool mouseup 1; sleep 0.3
chord c
got=$(timeout 5 xclip -o -selection clipboard)
[ "$got" = "No account management tool c" ] || { echo "drag + Ctrl+C copied: '$got'" >&2; exit 1; }
chord a
chord c
got=$(timeout 5 xclip -o -selection clipboard | head -n 1)
[[ "$got" == "After a great QBR,"* ]] || { echo "Ctrl+A + Ctrl+C copied: '$got'" >&2; exit 1; }
echo "select_check: ok"
