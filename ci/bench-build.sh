#!/usr/bin/env bash
# Bench script (not a test): what the workspace layout costs a learner in build time.
#
# Compares, in one run on this machine, the workspace (a copy of HEAD) with a "floor": a
# one-crate project with the same dependency set (same Cargo.lock, default profiles) holding
# the same step-1 source and a plain test. Measures
#   1. the cold build of each (`cargo test --no-run`, empty target dirs);
#   2. an incremental `cargo test -p step-1 --no-run` after a one-line edit of a kata, against
#      the same edit and build on the floor (ROUNDS rounds, alternating; min and median).
# Prints ratios workspace ÷ floor. Absolute times drift on shared machines; ratios less so.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ws="$work/workspace"
floor="$work/floor"
mkdir -p "$ws" "$floor/src" "$floor/tests"
git archive HEAD | tar -x -C "$ws"

# The floor: one package, every external dependency of the workspace, the step-1 source.
python3 - "$ws/Cargo.toml" "$floor/Cargo.toml" <<'PY'
import sys, tomllib
workspace = tomllib.load(open(sys.argv[1], "rb"))
deps = {name: spec for name, spec in workspace["workspace"]["dependencies"].items()
        if not (isinstance(spec, dict) and "path" in spec)}
def render(spec):
    if isinstance(spec, str):
        return f'"{spec}"'
    parts = []
    for key, value in spec.items():
        if isinstance(value, bool):
            parts.append(f"{key} = {str(value).lower()}")
        elif isinstance(value, list):
            parts.append(f"{key} = [" + ", ".join(f'"{v}"' for v in value) + "]")
        else:
            parts.append(f'{key} = "{value}"')
    return "{ " + ", ".join(parts) + " }"
lines = ['[package]', 'name = "floor"', 'version = "0.1.0"', 'edition = "2024"', '', '[dependencies]']
lines += [f"{name} = {render(spec)}" for name, spec in sorted(deps.items())]
harness_deps = tomllib.load(open(sys.argv[1].replace("Cargo.toml", "crates/harness/Cargo.toml"), "rb"))["dependencies"]
for name, spec in harness_deps.items():
    if not (isinstance(spec, dict) and spec.get("workspace")) and name not in deps:
        lines.append(f"{name} = {render(spec)}")
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY
cp "$ws/Cargo.lock" "$floor/"
cp "$ws/rust-toolchain.toml" "$floor/"
cp -r "$ws/crates/step-1-dsa-kata/src/." "$floor/src/"
cat >"$floor/tests/grade.rs" <<'RS'
#[test]
fn lower_bound_examples() {
    assert_eq!(floor::binary_search::lower_bound(&[1, 3, 5, 7], &4), 2);
}
RS

milliseconds() { # how long the command takes
  local start
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

echo "cold builds (this takes a few minutes)…"
ws_cold=$(cd "$ws" && CARGO_TARGET_DIR="$work/t-ws" milliseconds cargo test --workspace --no-run)
floor_cold=$(cd "$floor" && CARGO_TARGET_DIR="$work/t-floor" milliseconds cargo test --no-run)

edit() { # a one-line edit of the binary_search kata: the stub's first statement changes
  sed -i -E "s/let _ = \(items, target[^)]*\);/let _ = (items, target, $2);/" "$1/binary_search.rs"
}

: >"$work/inc"
for round in $(seq 1 "$rounds"); do
  edit "$ws/crates/step-1-dsa-kata/src" "$round"
  w=$(cd "$ws" && CARGO_TARGET_DIR="$work/t-ws" milliseconds cargo test -p step-1 --no-run)
  edit "$floor/src" "$round"
  f=$(cd "$floor" && CARGO_TARGET_DIR="$work/t-floor" milliseconds cargo test --no-run)
  echo "$w $f" >>"$work/inc"
done

python3 - "$ws_cold" "$floor_cold" "$work/inc" <<'PY'
import sys, statistics
ws_cold, floor_cold = int(sys.argv[1]) / 1000, int(sys.argv[2]) / 1000
rows = [tuple(int(x) / 1000 for x in line.split()) for line in open(sys.argv[3])]
ws = [w for w, _ in rows]; fl = [f for _, f in rows]
print(f"cold build:  workspace {ws_cold:.1f} s, one-crate floor {floor_cold:.1f} s, ratio {ws_cold / floor_cold:.2f}x")
print(f"incremental cargo test -p step-1 --no-run after a one-line edit ({len(rows)} rounds):")
print(f"  workspace min {min(ws):.2f} s median {statistics.median(ws):.2f} s; "
      f"floor min {min(fl):.2f} s median {statistics.median(fl):.2f} s")
print(f"  ratio (min) {min(ws) / min(fl):.2f}x, ratio (median) {statistics.median(ws) / statistics.median(fl):.2f}x (goal <= 1.5x)")
PY
