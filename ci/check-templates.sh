#!/usr/bin/env bash
# The learner crates must ship exactly as their pristine templates (what `cargo kit reset`
# restores): `crates/step-*/src` equals `templates/step-*/src`.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for crate in crates/step-*; do
  name=$(basename "$crate")
  if ! diff -r "$crate/src" "templates/$name/src"; then
    echo "error: $crate/src differs from templates/$name/src (copy the template over, or update both)" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "every crates/step-*/src equals its template"
exit "$status"
