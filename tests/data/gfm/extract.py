#!/usr/bin/env python3
"""Builds spec.json from the GFM spec's extension examples.

Usage: extract.py SPEC_TXT EXTENSIONS_TXT > spec.json, with test/spec.txt and test/extensions.txt of
github/cmark-gfm (the commit is in README.md). Keeps every example of the table, strikethrough, autolink and
task-list sections of both files, disabled ones included (the spec's task-list examples are marked disabled only
because cmark-gfm's runner prints the checkbox differently). Reads examples the way cmark-gfm's
test/spec_tests.py does: '→' stands for a tab.
"""
import json
import re
import sys

SECTIONS = {
    "spec.txt": {"Tables (extension)", "Task list items (extension)", "Strikethrough (extension)",
                 "Autolinks (extension)"},
    "extensions.txt": {"Tables", "Strikethroughs", "Autolinks", "Task lists"},
}
FENCE = "`" * 32


def examples(path, name):
    section, state, md, html, number = "", 0, [], [], 0
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            stripped = line.strip()
            if stripped.startswith(FENCE + " example"):
                state, md, html = 1, [], []
            elif stripped == FENCE and state:
                number += 1
                state = 0
                if section in SECTIONS[name]:
                    yield {"markdown": "".join(md).replace("→", "\t"), "html": "".join(html).replace("→", "\t"),
                           "example": number, "section": section, "source": name}
            elif stripped == "." and state == 1:
                state = 2
            elif state == 1:
                md.append(line)
            elif state == 2:
                html.append(line)
            elif re.match(r"## ", line):  # a "###" subsection stays in its section
                section = line[3:].strip()


out = list(examples(sys.argv[1], "spec.txt")) + list(examples(sys.argv[2], "extensions.txt"))
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
