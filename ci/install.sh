#!/usr/bin/env bash
# Installs what the kit's CI needs on a fresh machine:
# - the toolchain pinned in rust-toolchain.toml (rustup fetches it and its components);
# - for ci/browser-step4.sh: Debian's chromium and nodejs, and playwright-core (npm, pinned)
#   in target/browser-step4, outside the source tree.
#
#   ci/install.sh            # everything
#   ci/install.sh browser    # only what the browser test needs
# Each part is a no-op when what it installs is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# The playwright-core the browser test was last checked with; it drives Debian's chromium.
PLAYWRIGHT_CORE=1.65.1

install_toolchain() {
  if ! command -v rustup >/dev/null 2>&1; then
    echo "rustup is missing: install it from your distribution or rustup.rs, then re-run." >&2
    exit 1
  fi
  # With no arguments, `rustup toolchain install` installs the toolchain and components that
  # rust-toolchain.toml pins (a no-op when they are already there).
  rustup toolchain install
  rustup show active-toolchain
}

install_browser() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "install: ${missing[*]} missing; as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
    echo "install: ${missing[*]} (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
  local dir=target/browser-step4
  local installed="$dir/node_modules/playwright-core/package.json"
  if ! grep -qs "\"version\": \"$PLAYWRIGHT_CORE\"" "$installed"; then
    echo "install: playwright-core $PLAYWRIGHT_CORE (npm, into $dir)"
    mkdir -p "$dir"
    (cd "$dir" && npm install --silent --no-audit --no-fund --save-exact \
      "playwright-core@$PLAYWRIGHT_CORE" >/dev/null)
  fi
  chromium --version
}

case "${1:-all}" in
  all) install_toolchain; install_browser ;;
  browser) install_browser ;;
  *) echo "usage: ci/install.sh [browser]" >&2; exit 2 ;;
esac
