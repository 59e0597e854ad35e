#!/usr/bin/env bash
# The kit's own CI, run on a clean clone: install what is needed, run the README's test
# command, then lint, check that the learner crates ship as their templates, smoke-test
# `cargo kit` (board, watch under tmux, the fork workflow), fuzz every step's reference
# that has an OpenAPI document, and use the step-4 page in a headless browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

section() { printf '\n=== %s ===\n' "$*"; }

section "toolchain"
bash ci/install.sh
cargo --version
rustc --version

section "cargo test (the README's test command: the kit's self-test)"
cargo test

# The step registry, for the scripts below (ci/steps.sh reads it): one grading of every step.
export BOARD_JSON="$PWD/target/ci-board.json"
cargo run -q -p kit -- --json >"$BOARD_JSON"

section "formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings

section "learner crates ship as their templates"
bash ci/check-templates.sh

section "the learner's view on a fresh clone"
bash ci/check-learner-view.sh

section "cargo kit watch, driven under tmux"
bash ci/watch-tmux.sh

section "the workflow for a learner's fork (actionlint, and its regression summary)"
bash ci/lint-fork-workflow.sh

while IFS=$'\t' read -r number package crate_dir _template _solution _solution_package; do
  if [ -f "$crate_dir/openapi.yml" ]; then
    section "$package reference under schemathesis (all checks)"
    bash ci/fuzz-step.sh "$number"
  fi
done < <(bash ci/steps.sh)

section "the step-4 page in headless Chromium (sign up, publish, see it listed)"
bash ci/browser-step4.sh

section "done"
