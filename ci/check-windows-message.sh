#!/usr/bin/env bash
# Not run by CI (it installs a cross toolchain and checks every dependency for Windows, a
# few minutes): shows that on Windows a learner's `cargo test -p step-N` stops with the
# harness's message sending them to WSL as the harness's only error, not a wall of errors.
# (A step whose own code listens for Unix signals, as step 4's server does, may add its own
# error when cargo gets to compile it before it stops.) Cross-checks
# each step's crate for x86_64-pc-windows-gnu (the C parts of some dependencies need
# mingw's gcc, installed from Debian when missing). The cheap guard that CI does run is the
# harness's unit test `every_item_of_the_crate_root_is_unix_only`.
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
rustup target add "$target" >/dev/null
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  apt-get install -y -q gcc-mingw-w64-x86-64 >/dev/null
fi
status=0
while IFS=$'\t' read -r _number package _rest; do
  errors=$(cargo check -q -p "$package" --all-targets --target "$target" 2>&1 | grep -E '^error' || true)
  harness=$(printf '%s\n' "$errors" | grep -F 'could not compile `harness`' || true)
  others=$(printf '%s\n' "$errors" | grep -E '^error(\[|:)' | grep -vF 'install WSL' | grep -v 'could not compile' || true)
  if printf '%s\n' "$errors" | grep -q 'install WSL' && [[ "$harness" == *"due to 1 previous error"* ]]; then
    echo "$package on Windows: the WSL message, the harness's one error$( [ -n "$others" ] && printf ' (the step'"'"'s own code adds: %s)' "$(printf '%s' "$others" | head -n 1)")"
  else
    echo "error: $package on Windows does not stop at the harness's WSL message alone:" >&2
    printf '%s\n' "$errors" | head -n 20 >&2
    status=1
  fi
done < <(bash ci/steps.sh)
exit "$status"
