#!/usr/bin/env bash
# What a learner meets on a fresh clone: `cargo kit --json` grades every step (the list of
# steps is read from it, never written here), the first step at 0/N with a next check;
# `cargo test -p <first step>` fails with a hint per check and leaves its report in the
# fixed place; a filtered run with two filters says what passed in the filter and the
# step's real standing, and keeps the other checks' last verdicts marked as not run.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run -q -p kit -- --json >"$work/board.json"
first=$(python3 - "$work/board.json" <<'PY'
import json, sys
board = json.load(open(sys.argv[1]))
steps = board["steps"]
assert steps, "the board lists no step"
first = steps[0]
assert first["state"] == "graded", first
assert first["total"] >= 3 and first["passed"] == 0, (first["passed"], first["total"])
assert board["next"]["package"] == first["package"] and board["next"]["check"], board["next"]
for step in steps:
    assert step["state"] in ("graded", "not_open"), (step["package"], step["state"], step.get("error"))
    assert len(step["checks"]) == step["total"], step["package"]
print(first["package"])
print(f"board: {first['package']} at 0/{first['total']}, next {board['next']['check']}; "
      + ", ".join(f"{s['package']} {s['state']}" for s in steps[1:]), file=sys.stderr)
PY
)
target=$(cargo metadata -q --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
report="$target/backend-path/reports/$first.json"

rm -f "$report" # the plain run below must write it itself
if cargo test -q -p "$first" >/dev/null 2>&1; then
  echo "error: cargo test -p $first passes on the untouched stubs" >&2
  exit 1
fi
python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
bad = [c["id"] for c in report["checks"] if c["status"] != "fail" or not c["hints"] or not c["message"]]
assert not bad, f"checks that do not fail with a hint and a message on the stub: {bad}"
print(f"cargo test -p {report['step']} fails all {len(report['checks'])} checks, each with a hint; report in the fixed place")
PY

groups=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); g=[]; [g.append(c["group"]) for c in r["checks"] if c["group"] not in g]; print(g[0], g[1])' "$report")
# shellcheck disable=SC2086
cargo test -q -p "$first" -- $groups >"$work/filtered.txt" 2>&1 || true
python3 - "$report" "$work/filtered.txt" $groups <<'PY'
import json, sys
report, out, groups = json.load(open(sys.argv[1])), open(sys.argv[2]).read(), sys.argv[3:]
assert report["filters"] == groups, report["filters"]
assert f"checks pass in this run (filter: {', '.join(groups)})" in out, out
assert f"{report['step']} stands at 0/{len(report['checks'])}" in out, out
assert " done" not in out, out
for check in report["checks"]:
    if check["group"] in groups:
        assert check["status"] == "fail", check["id"]
    else:
        assert check["status"] == "not_run" and check["earlier"]["status"] == "fail", check["id"]
print(f"a run filtered to {' '.join(groups)} says what passed in it and where {report['step']} stands")
PY
