#!/usr/bin/env bash
# Bench script (not a test): what step 2's layout costs in build time, before and after a
# change. Compares a BEFORE revision (default: the last commit with one fixture binary per
# fixture, 520d8b3) with HEAD, in one run, each in its own copy with a warm target dir:
#   1. the fixture set: `cargo build -p solution-step-2 --bins` after a one-line edit of the
#      reference's library (every fixture binary relinks), and how many binaries it builds;
#   2. the learner's loop: `cargo test -p step-2 --no-run` after a one-line edit of a step-2
#      handler.
# ROUNDS rounds, alternating before/after; prints min and median and the ratio after ÷ before.
set -euo pipefail
cd "$(dirname "$0")/.."
before=${BEFORE:-520d8b3}
rounds=${ROUNDS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in before after; do
  rev=$([ "$side" = before ] && echo "$before" || echo HEAD)
  mkdir -p "$work/$side"
  git archive "$rev" | tar -x -C "$work/$side"
  echo "warming $side ($rev)…"
  (cd "$work/$side" && cargo build -q -p solution-step-2 --bins && cargo test -q -p step-2 --no-run) >/dev/null 2>&1
done

# Appends a comment line to FILE so that cargo rebuilds it, then times COMMAND (seconds).
timed_edit() {
  local dir=$1 file=$2; shift 2
  echo "// edit $RANDOM$RANDOM" >>"$dir/$file"
  local start end
  start=$(date +%s.%N)
  (cd "$dir" && "$@") >/dev/null 2>&1
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

declare -A times
for round in $(seq "$rounds"); do
  for side in before after; do
    times[fixtures_$side]+="$(timed_edit "$work/$side" solutions/step-2-json-api/src/slug.rs cargo build -q -p solution-step-2 --bins) "
    times[learner_$side]+="$(timed_edit "$work/$side" crates/step-2-json-api/src/handlers/tags.rs cargo test -q -p step-2 --no-run) "
  done
  echo "round $round done"
done

count_bins() { grep -c '^\[\[bin\]\]' "$1/solutions/step-2-json-api/Cargo.toml"; }
python3 - "$(count_bins "$work/before")" "$(count_bins "$work/after")" \
  "${times[fixtures_before]}" "${times[fixtures_after]}" \
  "${times[learner_before]}" "${times[learner_after]}" <<'PY'
import statistics, sys
bins_before, bins_after = sys.argv[1], sys.argv[2]
series = [list(map(float, s.split())) for s in sys.argv[3:]]
print(f"binaries in solution-step-2: before {bins_before}, after {bins_after}")
for name, before, after in [("fixture set relink (reference lib edited)", series[0], series[1]),
                            ("cargo test -p step-2 --no-run (handler edited)", series[2], series[3])]:
    print(f"{name}:")
    print(f"  before: min {min(before):.2f} s, median {statistics.median(before):.2f} s")
    print(f"  after:  min {min(after):.2f} s, median {statistics.median(after):.2f} s")
    print(f"  after / before: {min(after) / min(before):.2f}x (min), "
          f"{statistics.median(after) / statistics.median(before):.2f}x (median)")
PY
