#!/usr/bin/env bash
# The window's life in a real (virtual) X server, with a learner typing into the reflection editor:
#   lost-unsaved  the X server dies a moment after typing, before the autosave: the text must reach the profile.
#   lost-failing  the disk refuses saves ("Not saved, retrying") and then the X server dies: the text must be
#                 rescued, the app must say why it ended and exit with 3 (no display), not Xlib's bare exit(1).
#   quit-failing  the disk refuses saves and the session ends (SIGTERM): the text is rescued and shutdown is
#                 clean (no "GLFW error 65537: The GLFW library is not initialized").
# Usage: display_loss_test.sh GROUNDWORK_BINARY DEMO_PROFILE_JSON
set -uo pipefail
app=$1
demo=$2
for tool in Xvfb xdotool; do
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
failures=0
fail() {
  echo "FAIL [$scenario]: $*"
  echo "--- app stderr ---"
  cat "$work/$scenario.err"
  failures=$((failures + 1))
}

start_xvfb() {
  rm -f "$work/displayfd"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/displayfd" 2>/dev/null &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [ -s "$work/displayfd" ] && break
    sleep 0.1
  done
  export DISPLAY=":$(head -n1 "$work/displayfd")"
}

# Starts the app on a copy of the demo profile, which resumes on a module with its reflection editor open.
start_app() {
  data="$work/$scenario-data"
  "$app" import "$demo" --data-dir "$data" >/dev/null || { echo "cannot import $demo"; exit 1; }
  "$app" --data-dir "$data" 2>"$work/$scenario.err" &
  app_pid=$!
  wid=$(timeout 20 xdotool search --sync --name Groundwork | head -n1)
  [ -n "$wid" ] || { fail "no window"; return 1; }
  sleep 1  # the first frames open the editor where the learner left off
  xdotool windowfocus --sync "$wid" 2>/dev/null
}

# A disk that refuses every write, even for root: the profiles folder becomes a plain file.
break_disk() {
  mv "$data/profiles" "$data/profiles.kept"
  touch "$data/profiles"
}

# Waits for the app to end (at most 20 s) and sets $rc.
wait_app() {
  for _ in $(seq 200); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$app_pid" 2>/dev/null; then
    fail "still running 20 s later"
    kill -9 "$app_pid"
  fi
  wait "$app_pid"
  rc=$?
  app_pid=
}

kill_xvfb() {
  kill -9 "$xvfb_pid"
  wait "$xvfb_pid" 2>/dev/null
  xvfb_pid=
}

check_clean_shutdown() {
  if grep -q "not initialized" "$work/$scenario.err"; then fail "GLFW used after glfwTerminate"; fi
}

check_rescued() {
  if ! grep -lq "$1" "$data"/rescued/*.json 2>/dev/null; then fail "typed text not in $data/rescued"; fi
}

word=quokka$$

scenario=lost-unsaved
start_xvfb
if start_app; then
  xdotool type --delay 30 " $word"
  # Long enough for a slow (sanitizer) build to take the queued keys, well short of the autosave's pause of about a
  # second: the text is still only in memory when the display goes.
  sleep 0.5
  kill_xvfb
  wait_app
  [ "$rc" = 3 ] || fail "exit code $rc, expected 3 (display lost)"
  grep -q "display" "$work/$scenario.err" || fail "no message about the display"
  grep -q "$word" "$data/profiles/default.json" || fail "typed text not in the profile"
  check_clean_shutdown
fi

scenario=lost-failing
start_xvfb
if start_app; then
  break_disk
  xdotool type --delay 30 " $word"
  sleep 3  # the autosave has failed at least once: "Not saved, retrying"
  kill_xvfb
  wait_app
  [ "$rc" = 3 ] || fail "exit code $rc, expected 3 (display lost)"
  grep -q "display" "$work/$scenario.err" || fail "no message about the display"
  check_rescued "$word"
  check_clean_shutdown
fi

scenario=quit-failing
start_xvfb
if start_app; then
  break_disk
  xdotool type --delay 30 " $word"
  sleep 3
  kill -TERM "$app_pid"
  wait_app
  [ "$rc" = 0 ] || fail "exit code $rc, expected 0"
  check_rescued "$word"
  check_clean_shutdown
  kill_xvfb
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "display loss and shutdown: all scenarios passed"
