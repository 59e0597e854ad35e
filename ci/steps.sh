#!/usr/bin/env bash
# The step registry for CI scripts, read from the board (`cargo kit --json`), never written
# out here: one line per step, tab-separated:
#
#   number  package  crate_dir  template_dir  solution_dir  solution_package
#
# With BOARD_JSON set to a board file (ci/run.sh writes one), it reads that instead of
# grading every step again. Usage: `bash ci/steps.sh | while IFS=$'\t' read -r n pkg …`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${BOARD_JSON:-}" ]; then
  board=$(cat "$BOARD_JSON")
else
  progress=$(mktemp)
  trap 'rm -f "$progress"' EXIT
  # The board's progress lines ("grading step-1…") go to stderr: shown only if it fails.
  board=$(cargo run -q -p kit -- --json 2>"$progress") || { cat "$progress" >&2; exit 1; }
fi
printf '%s' "$board" | python3 -c '
import json, sys
for step in json.load(sys.stdin)["steps"]:
    fields = [str(step["number"]), step["package"], step["crate_dir"], step["template_dir"],
              step["solution_dir"], step["solution_package"]]
    assert all(fields) and step["number"] > 0, f"the board lacks a registry field: {step}"
    print("\t".join(fields))
'
