#!/usr/bin/env bash
# Renders the README's screenshots from the shipped course and a demo profile (docs/demo-profile.json), in a
# virtual X server. Needs a build (tools/setup.sh test or run) first.
set -euo pipefail
cd "$(dirname "$0")/.."
app=./build/runtime/groundwork
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$app" import docs/demo-profile.json --data-dir "$data" >/dev/null
shot() { xvfb-run -a -s "-screen 0 1280x800x24" "$app" --data-dir "$data" --size 1280x800 --screenshot "$@"; }
shot docs/images/reader.png                              # resumes on module 2's reflection, as the profile left it
shot docs/images/module.png --module qbr                 # the top of a module with a process box
shot docs/images/account-map.png --module artifact:art-1 # stakeholders grouped by relationship, with warnings
shot docs/images/qbr-design.png --module artifact:art-2  # the five phases as a timeline
shot docs/images/dashboard.png --module dashboard        # accounts by week, red / yellow / green
shot docs/images/my-work.png --module my-work
# A trainer's ordinary Markdown: a GFM table, GitHub alerts, task items, an image, text in other scripts.
xvfb-run -a -s "-screen 0 1280x1000x24" "$app" --content docs/examples/markdown-tour --data-dir "$data/tour" \
    --size 1280x1000 --module tour-review --screenshot docs/images/markdown-tour.png
echo "Wrote docs/images/*.png"
