#!/usr/bin/env bash
# Bench script (not a test): how long a learner waits for step-1 feedback after an edit.
#
# Measures, in one run on this machine, the incremental `cargo test` after a one-line edit
# of one kata file (`src/binary_search.rs`), for
#   1. the whole grading:      cargo test -p step-1            (fails on the stub: by design)
#   2. one kata, filtered:     cargo test -p step-1 -- binary_search
#   3. the floor: a one-crate project with no dependencies, the same `src/` and one test,
#      after the same edit:    cargo test
# ROUNDS rounds (default 5), the three alternating; prints medians and the ratios to the
# floor (targets: whole ≤ 2.5×, filtered ≤ 1.5×), in wall time and in CPU time (user + sys of
# cargo and everything it waits for: steadier than wall time on a shared, loaded machine).
# Then a breakdown of the step-1 run: cargo with nothing to do (and the same for the floor:
# the difference is cargo resolving the workspace's locked packages), the build after an
# edit (`--no-run`), and the grade binary run directly, whole and filtered.
# The edit is undone when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
kata=crates/step-1-dsa-kata/src/binary_search.rs
floor=$(mktemp -d)
cp "$kata" "$floor/original.rs"
cleanup() {
  cp "$floor/original.rs" "$kata"
  rm -rf "$floor"
}
trap cleanup EXIT

mkdir -p "$floor/src" "$floor/tests"
cat >"$floor/Cargo.toml" <<'TOML'
[package]
name = "floor"
version = "0.1.0"
edition = "2024"

[profile.test]
debug = false
TOML
cp rust-toolchain.toml "$floor/"
cp -r crates/step-1-dsa-kata/src/. "$floor/src/"
cat >"$floor/tests/one.rs" <<'RS'
#[test]
fn one_test() {
    assert_eq!(1 + 1, 2);
}
RS

milliseconds() { # "wall/cpu" in ms for the command, whatever its exit status
  local out
  out=$(mktemp)
  /usr/bin/time -f '%e %U %S' -o "$out" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$out" | awk '{ printf "%d/%d\n", $1 * 1000, ($2 + $3) * 1000 }'
  rm -f "$out"
}
# Alternates between two versions of the kata file, so every build sees a real change.
edit() { # file round
  cp "$floor/original.rs" "$1"
  if (( $2 % 2 == 0 )); then echo "// edit $2" >>"$1"; fi
}

echo "warming up (first builds are not measured)…"
cargo test -p step-1 --no-run >/dev/null 2>&1
(cd "$floor" && cargo test --no-run >/dev/null 2>&1)

grade_binary() { # the step-1 grade binary cargo built last
  cargo test -p step-1 --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "grade" and m.get("executable"):
        print(m["executable"])'
}

whole=() filtered=() base=() noop=() base_noop=() build=() run_whole=() run_filtered=()
for i in $(seq 1 "$rounds"); do
  edit "$kata" "$i"; whole+=("$(milliseconds cargo test -p step-1)")
  edit "$kata" "$((i + 1))"; filtered+=("$(milliseconds cargo test -p step-1 -- binary_search)")
  edit "$floor/src/binary_search.rs" "$i"; base+=("$(cd "$floor" && milliseconds cargo test)")
  noop+=("$(milliseconds cargo test -p step-1 --no-run)")
  base_noop+=("$(cd "$floor" && milliseconds cargo test --no-run)")
  edit "$kata" "$i"; build+=("$(milliseconds cargo test -p step-1 --no-run)")
  binary=$(grade_binary)
  run_whole+=("$(milliseconds "$binary")")
  run_filtered+=("$(milliseconds "$binary" binary_search)")
  printf '.'
done
echo

python3 - "${whole[*]}" "${filtered[*]}" "${base[*]}" "${noop[*]}" "${build[*]}" \
  "${run_whole[*]}" "${run_filtered[*]}" "${base_noop[*]}" <<'PY'
import statistics, sys
def parse(arg):
    pairs = [x.split("/") for x in arg.split()]
    return [int(w) for w, _ in pairs], [int(c) for _, c in pairs]
whole, filtered, base, noop, build, run_whole, run_filtered, base_noop = (
    parse(a) for a in sys.argv[1:9])
med = statistics.median
def show(times):
    return f"wall {med(times[0]) / 1000:.2f} s, cpu {med(times[1]) / 1000:.2f} s"
print(f"floor (one crate, no dependencies, one test): {show(base)}  wall {base[0]}")
for name, times, target in (("cargo test -p step-1", whole, 2.5),
                            ("cargo test -p step-1 -- binary_search", filtered, 1.5)):
    wall = med(times[0]) / med(base[0])
    cpu = med(times[1]) / med(base[1])
    print(f"{name}: {show(times)} = {wall:.2f}× the floor in wall time, {cpu:.2f}× in cpu "
          f"(target ≤ {target}×)  wall {times[0]}")
print("breakdown of the step-1 run (medians):")
for name, times in (("  cargo, nothing to rebuild (--no-run)", noop),
                    ("  the same for the floor (cargo resolving 1 package, not the workspace)",
                     base_noop),
                    ("  build after the edit (--no-run)", build),
                    ("  grade binary, all checks", run_whole),
                    ("  grade binary, -- binary_search", run_filtered)):
    print(f"{name}: {show(times)}")
PY
