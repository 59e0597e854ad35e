#!/usr/bin/env bash
# Installs what the kit needs on a fresh machine: the toolchain pinned in
# rust-toolchain.toml (rustup fetches it and its components if they are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v rustup >/dev/null 2>&1; then
  echo "rustup is missing: install it from your distribution or rustup.rs, then re-run." >&2
  exit 1
fi
# With no arguments, `rustup toolchain install` installs the toolchain and components that
# rust-toolchain.toml pins (a no-op when they are already there).
rustup toolchain install
rustup show active-toolchain
