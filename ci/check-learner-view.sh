#!/usr/bin/env bash
# What a learner meets on a fresh clone: `cargo kit --json` grades every step and lists all
# four, step 1 at 0/N with a next kata; `cargo test -p step-1` fails, with a hint per check.
set -euo pipefail
cd "$(dirname "$0")/.."
board=$(mktemp)
trap 'rm -f "$board"' EXIT
cargo run -q -p kit -- --json >"$board"
python3 - "$board" <<'PY'
import json, sys
board = json.load(open(sys.argv[1]))
steps = {s["package"]: s for s in board["steps"]}
assert list(steps) == ["step-1", "step-2", "step-3", "step-4"], list(steps)
one = steps["step-1"]
assert one["state"] == "graded", one
assert one["total"] >= 3 and one["passed"] == 0, (one["passed"], one["total"])
assert board["next"]["package"] == "step-1" and board["next"]["check"], board["next"]
for step in board["steps"]:
    assert step["state"] in ("graded", "not_open"), (step["package"], step["state"], step.get("error"))
print(f"board: step-1 at 0/{one['total']}, next {board['next']['check']}; "
      + ", ".join(f"{s['package']} {s['state']}" for s in board["steps"][1:]))
PY
report=$(mktemp)
if BACKEND_PATH_REPORT="$report" cargo test -q -p step-1 >/dev/null 2>&1; then
  echo "error: cargo test -p step-1 passes on the untouched stubs" >&2
  exit 1
fi
python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
bad = [c["id"] for c in report["checks"] if c["status"] != "fail" or not c["hint"] or not c["message"]]
assert not bad, f"checks that do not fail with a hint and a message on the stub: {bad}"
print(f"cargo test -p step-1 fails all {len(report['checks'])} checks, each with a hint")
PY
rm -f "$report"
