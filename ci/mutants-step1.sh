#!/usr/bin/env bash
# Bench script (not a test): does the step-1 grade catch the mutants of the references?
#
# Runs cargo-mutants on solutions/step-1-dsa-kata/src/ with the reference's grade
# (tests/grade.rs, every check must pass) as the only judge: a mutant the grade still
# passes has "survived". Compares the survivors with the kept list
# ci/mutants-step1-survivors.txt (one line per known survivor: `file:line:column: mutation
# # why it cannot change a result or a counted cost`) and prints the caught share of the viable
# (building) mutants, and the survivors that are not on the list (exit status 1 if any).
#
#   bash ci/mutants-step1.sh                       # every kata (hours on a small machine)
#   KATAS="quickselect consistent_hash" bash ci/mutants-step1.sh   # some of them
#   OUT=mutants KATAS=trie bash ci/mutants-step1.sh   # keep the outcomes in mutants/trie/
#   OUT=mutants COMPARE_ONLY=1 bash ci/mutants-step1.sh   # re-judge them after editing the list
#
# Needs cargo-mutants (`cargo install cargo-mutants --locked`). Mutates the tree in place
# (cargo-mutants restores every file); commit or stash first. About 10–20 s per mutant on a
# 2-core machine; on a shared one run it as `nice -n 10 bash ci/mutants-step1.sh`, and to
# keep working meanwhile, run it from a copy of the tree (with a copy of target/ to start
# warm) and point OUT at a directory outside the copy.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo mutants --version >/dev/null 2>&1; then
  echo "cargo-mutants is missing: cargo install cargo-mutants --locked" >&2
  exit 1
fi
# OUT=dir keeps cargo-mutants' outcomes (one directory per kata) after the run.
if [ -n "${OUT:-}" ]; then out=$OUT; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
katas=${KATAS:-$(ls solutions/step-1-dsa-kata/src/ | grep -v '^lib.rs$' | sed 's/\.rs$//')}
# One kata at a time: its mutants, judged by the grade filtered to its own checks (a
# reference file is only called by its own kata's checks). `--cargo-arg=--test=grade`
# builds the grade alone, not the fixtures binary too (that halves the time per mutant).
# COMPARE_ONLY=1 (with OUT) judges outcomes kept by an earlier run against the list as it is
# now, without mutating anything.
[ -n "${COMPARE_ONLY:-}" ] && katas=""
for kata in $katas; do
  echo "mutating $kata…"
  cargo mutants --in-place --package solution-step-1 \
    --file "solutions/step-1-dsa-kata/src/$kata.rs" \
    --output "$out/$kata" --minimum-test-timeout 30 --no-shuffle \
    --cargo-arg=--test=grade -- -- "$kata::" >/dev/null 2>&1 || true
done

python3 - "$out" ci/mutants-step1-survivors.txt <<'PY'
import glob, json, sys
outcomes = []
for path in glob.glob(f"{sys.argv[1]}/*/mutants.out/outcomes.json"):
    outcomes += json.load(open(path))["outcomes"]
known = {}
for line in open(sys.argv[2]):
    line = line.strip()
    if line and not line.startswith("#"):
        mutant, _, why = line.partition("  # ")
        known[mutant.strip()] = why.strip()
viable = caught = 0
unexplained = []
per_kata = {}  # kata: [caught, viable]
for outcome in outcomes:
    scenario = outcome["scenario"]
    if not isinstance(scenario, dict) or "Mutant" not in scenario:
        continue  # the baseline
    summary = outcome["summary"]
    if summary == "Unviable":
        continue
    viable += 1
    name = scenario["Mutant"]["name"]  # file:line:column: what was replaced
    kata = per_kata.setdefault(name.split(":")[0].split("/")[-1].removesuffix(".rs"), [0, 0])
    kata[1] += 1
    if summary in ("CaughtMutant", "Timeout"):
        caught += 1
        kata[0] += 1
    elif name not in known:
        unexplained.append(name)
explained = viable - caught - len(unexplained)
# Survivors in given code (the same in the learner's stub, never called by the grade: their
# reason on the list starts with "given code") say nothing about the grade.
given = sum(1 for o in outcomes if isinstance(o["scenario"], dict) and "Mutant" in o["scenario"]
            and o["summary"] not in ("Unviable", "CaughtMutant", "Timeout")
            and known.get(o["scenario"]["Mutant"]["name"], "").startswith("given code"))
for name, (kata_caught, kata_viable) in sorted(per_kata.items()):
    print(f"  {name}: {kata_caught}/{kata_viable} caught")
print(f"viable mutants: {viable}, caught: {caught} ({100 * caught / max(viable, 1):.1f}%), "
      f"survivors on the kept list: {explained}, unexplained survivors: {len(unexplained)}")
if given:
    graded = viable - given
    print(f"without the {given} mutants of given code the grade never calls: caught {caught} "
          f"of {graded} ({100 * caught / max(graded, 1):.1f}%)")
for name in unexplained:
    print(f"  NOT ON THE LIST: {name}")
sys.exit(1 if unexplained else 0)
PY
