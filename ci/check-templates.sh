#!/usr/bin/env bash
# The learner crates must ship exactly as their pristine templates (what `cargo kit reset`
# restores): every file of each step's template equals the learner crate's (src, README.md,
# openapi.yml, …), except what makes it a separate package (Cargo.toml's name, tests/grade.rs,
# which expects the stub to fail) and the kit's tooling (benches, deploy templates). Then the
# files a learner is given in several steps must stay identical where ci/given-files.txt says
# they are meant to.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
# The steps come from the registry (ci/steps.sh reads `cargo kit --json`).
while IFS=$'\t' read -r _number package crate template _solution _solution_package; do
  if [ ! -d "$template" ] || [ ! -d "$crate" ]; then
    echo "error: $package: the registry names $crate and $template, and one is missing" >&2
    status=1
    continue
  fi
  if ! diff -r --exclude=Cargo.toml --exclude=tests --exclude=benches --exclude=deploy --exclude=target "$crate" "$template"; then
    echo "error: $crate differs from $template (copy the template over, or update both)" >&2
    status=1
  fi
done < <(bash ci/steps.sh)

# ci/given-files.txt: pairs of paths (one pair a line, `#` comments) that must be equal.
while read -r first second; do
  case "$first" in '' | '#'*) continue ;; esac
  if ! cmp -s "$first" "$second"; then
    echo "error: $first and $second are meant to be identical (given code carried from one step to the next); update both" >&2
    diff "$first" "$second" | head -n 20 >&2 || true
    status=1
  fi
done < ci/given-files.txt

[ "$status" -eq 0 ] && echo "every template equals its learner crate; every given file equals its copies"
exit "$status"
