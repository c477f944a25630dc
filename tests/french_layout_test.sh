#!/usr/bin/env bash
# Shortcuts follow the keyboard layout, in the real app under a real (virtual) X server: the learner's layout is
# switched to French (AZERTY) while the app runs, then Ctrl+A (sent slowly, as a person presses it) must select
# the reflection rather than quit (AZERTY's "a" is the key GLFW calls Q), the typed text must replace it, and
# Ctrl+Q (GLFW's A) must quit, saving what was typed. Ctrl+- (AZERTY's 6 key) and Ctrl+= change the text size,
# which is kept in settings.json. The saved profile is read back from a temporary --data-dir.
# Usage: french_layout_test.sh GROUNDWORK_BINARY DEMO_PROFILE_JSON
set -uo pipefail
app=$1
demo=$2
for tool in Xvfb xdotool setxkbmap jq; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (tools/setup.sh test installs it)"; exit 77; }
done
work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill -9 "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- app stderr ---"
  cat "$work/app.err"
  exit 1
}

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/displayfd" 2>/dev/null &
xvfb_pid=$!
disown "$xvfb_pid"  # killed at exit without a job-control notice
for _ in $(seq 100); do
  [ -s "$work/displayfd" ] && break
  sleep 0.1
done
[ -s "$work/displayfd" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$work/displayfd")"

# The demo profile resumes on a module with its reflection editor open and holding text.
data="$work/data"
"$app" import "$demo" --data-dir "$data" >/dev/null || fail "cannot import $demo"
"$app" --data-dir "$data" 2>"$work/app.err" &
app_pid=$!
wid=$(timeout 20 xdotool search --sync --name Groundwork | head -n1)
[ -n "$wid" ] || fail "no window"
sleep 1  # the first frames open the editor where the learner left off
xdotool windowfocus --sync "$wid" 2>/dev/null

# Switched once the app is connected (a layout set before any client connects does not stick in Xvfb).
setxkbmap -layout fr || fail "setxkbmap -layout fr failed"
sleep 0.5
[ "$(setxkbmap -query | awk '/^layout:/ {print $2}')" = fr ] || fail "the layout did not switch to fr"

# The text size: twice smaller (80%), once larger (90%). On AZERTY "-" is on the key GLFW calls 6.
xdotool keydown ctrl key minus keyup ctrl
sleep 0.3
xdotool keydown ctrl key minus keyup ctrl
sleep 0.3
xdotool keydown ctrl key equal keyup ctrl
sleep 1.2  # the file is written once the size has been still for half a second
zoom=$(jq -r '.text_zoom' "$data/settings.json" 2>/dev/null)
[ "$zoom" = 0.9 ] || fail "after Ctrl+- twice and Ctrl+= on AZERTY the text size is '$zoom', expected 0.9"

xdotool keydown ctrl key a keyup ctrl
sleep 0.5
kill -0 "$app_pid" 2>/dev/null || fail "the app quit on Ctrl+A with a French layout"
typed="Bonjour, azerty quand"
xdotool type --delay 40 "$typed"
sleep 0.5
kill -0 "$app_pid" 2>/dev/null || fail "the app quit while typing with a French layout"

xdotool keydown ctrl key q keyup ctrl
for _ in $(seq 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && fail "the app did not quit on Ctrl+Q with a French layout"
wait "$app_pid"
rc=$?
app_pid=
[ "$rc" -eq 0 ] || fail "the app exited with $rc"

profile="$data/profiles/default.json"
[ -f "$profile" ] || fail "no profile saved at $profile"
saved=$(jq -r '.courses["sales-success-excellence"].reflections["account-mapping"].text' "$profile") || fail "cannot read $profile"
[ "$saved" = "$typed" ] || fail "saved reflection is '$saved', expected '$typed'"
echo "ok: Ctrl+- and Ctrl+= set the text size to 90%, Ctrl+A selected, typed text replaced it, Ctrl+Q quit; saved '$saved'"
