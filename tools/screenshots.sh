#!/usr/bin/env bash
# Renders the README's screenshots from the shipped course and a demo profile (docs/demo-profile.json), in a
# virtual X server. Needs a build (tools/setup.sh test or run) first.
#   tools/screenshots.sh                 the README's pictures, into docs/images
#   tools/screenshots.sh --review DIR    every view at 800x600, 1280x800 and 1920x1080 in the light and dark
#                                        themes, into DIR, with one contact sheet per view (DIR/sheet-VIEW.png)
set -euo pipefail
cd "$(dirname "$0")/.."
app=${GROUNDWORK_APP:-./build/runtime/groundwork}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$app" import docs/demo-profile.json --data-dir "$data" >/dev/null
if [ "${1:-}" = --review ]; then
    out=${2:?--review needs a folder}
    mkdir -p "$out"
    "$app" import docs/demo-profile.json --data-dir "$data" >/dev/null
    views=(qbr my-work accounts dashboard artifact:art-1 artifact:art-2 search library records cohort)
    for view in "${views[@]}"; do
        name=${view//:/-}
        for theme in light dark; do
            for size in 800x600 1280x800 1920x1080; do
                xvfb-run -a -s "-screen 0 ${size}x24" "$app" --data-dir "$data" --size "$size" --theme "$theme" \
                    --module "$view" --screenshot "$out/$name-$theme-$size.png" 2>>"$out/stderr.txt"
            done
        done
        montage "$out/$name"-light-*.png "$out/$name"-dark-*.png -tile 3x2 -geometry 640x400+4+4 \
            -background '#888' "$out/sheet-$name.png"
    done
    echo "Wrote $out"
    exit 0
fi
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
