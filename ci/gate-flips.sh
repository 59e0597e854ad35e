#!/usr/bin/env bash
# Bench script (not a test): do step 1's verdicts ever flip under load?
#
# Runs the reference's grade binary (every check must pass) and the known-wrong fixtures
# binary (every fixture must be rejected) RUNS times each while two busy processes hog the
# CPU, reads each run's JSON report, and counts verdicts that differ from the expected one.
# Also prints the wall time of each full step-1 grading run (the budget is 20 s).
#
#   bash ci/gate-flips.sh            # 30 runs each
#   RUNS=5 bash ci/gate-flips.sh     # a quick look
#   FILTER=front_inserts_gate RUNS=100 bash ci/gate-flips.sh   # one gate, in both binaries
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-30}
# A test-name filter for both binaries (empty: every check); checks it leaves out are skipped.
filter=${FILTER:-}
work=$(mktemp -d)
hogs=()
cleanup() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the step-1 test binaries…"
binaries=$(cargo test -p solution-step-1 --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] in ("grade", "wrong_variants"):
        print(m["target"]["name"], m["executable"])')
# Private copies, so a rebuild during the run cannot swap the binaries under it.
cp "$(awk '$1 == "grade" {print $2}' <<<"$binaries")" "$work/grade"
cp "$(awk '$1 == "wrong_variants" {print $2}' <<<"$binaries")" "$work/wrong_variants"
grade_bin="$work/grade"
fixtures_bin="$work/wrong_variants"

echo "starting a 2-process CPU hog"
for _ in 1 2; do
  (while :; do :; done) &
  hogs+=($!)
done

for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  BACKEND_PATH_REPORT="$work/grade-$i.json" "$grade_bin" -q $filter >/dev/null 2>&1 || true
  echo $(( ($(date +%s%N) - start) / 1000000 )) >>"$work/grade-times"
  BACKEND_PATH_REPORT="$work/fixtures-$i.json" "$fixtures_bin" -q $filter >/dev/null 2>&1 || true
  printf '.'
done
echo

python3 - "$work" "$runs" "$filter" <<'PY'
import json, sys, statistics
work, runs = sys.argv[1], int(sys.argv[2])
flips, trials = {}, 0
for kind in ("grade", "fixtures"):
    for i in range(1, runs + 1):
        report = json.load(open(f"{work}/{kind}-{i}.json"))
        for check in report["checks"]:
            if check["status"] == "not_run":
                continue  # left out by FILTER
            trials += 1
            if check["status"] != "pass":
                flips.setdefault(f"{kind}: {check['id']}", []).append(i)
times = [int(t) / 1000 for t in open(f"{work}/grade-times")]
print(f"verdicts: {trials} over {runs} runs of each binary under a 2-process CPU hog")
print(f"flips: {sum(len(v) for v in flips.values())}")
for name, which in sorted(flips.items()):
    print(f"  {name}: wrong in runs {which}")
print(f"step-1 grading run (reference{', ' + sys.argv[3] if sys.argv[3] else ''}), wall time under the hog: "
      f"min {min(times):.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s")
PY
