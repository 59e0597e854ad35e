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
# floor (targets: whole ≤ 2.5×, filtered ≤ 1.5×). The edit is undone when the script ends.
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

milliseconds() { # how long the command takes, whatever its exit status
  local start
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
# Alternates between two versions of the kata file, so every build sees a real change.
edit() { # file round
  cp "$floor/original.rs" "$1"
  if (( $2 % 2 == 0 )); then echo "// edit $2" >>"$1"; fi
}

echo "warming up (first builds are not measured)…"
cargo test -p step-1 --no-run >/dev/null 2>&1
(cd "$floor" && cargo test --no-run >/dev/null 2>&1)

whole=() filtered=() base=()
for i in $(seq 1 "$rounds"); do
  edit "$kata" "$i"; whole+=("$(milliseconds cargo test -p step-1)")
  edit "$kata" "$((i + 1))"; filtered+=("$(milliseconds cargo test -p step-1 -- binary_search)")
  edit "$floor/src/binary_search.rs" "$i"; base+=("$(cd "$floor" && milliseconds cargo test)")
  printf '.'
done
echo

python3 - "${whole[*]}" "${filtered[*]}" "${base[*]}" <<'PY'
import statistics, sys
whole, filtered, base = ([int(x) for x in arg.split()] for arg in sys.argv[1:4])
med = statistics.median
print(f"floor (one crate, no dependencies, one test): median {med(base) / 1000:.2f} s  {base}")
for name, times, target in (("cargo test -p step-1", whole, 2.5),
                            ("cargo test -p step-1 -- binary_search", filtered, 1.5)):
    ratio = med(times) / med(base)
    print(f"{name}: median {med(times) / 1000:.2f} s = {ratio:.2f}× the floor "
          f"(target ≤ {target}×)  {times}")
PY
