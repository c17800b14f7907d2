#!/usr/bin/env bash
# Installs the Debian packages the tests, benchmarks and editor tests need:
#   ripgrep      benchmark baseline, and VS Code's search binary (code-server's own download is not reachable)
#   libkrb5-dev  gssapi.h, needed to build a native module of code-server (scripts/vscode/setup.mjs)
#   build-essential, python3  node-gyp, to build those native modules
#   chromium     the browser the end-to-end tests drive through playwright-core
# Idempotent and fast: it only calls apt-get when something is missing.
set -euo pipefail
needed=()
command -v rg >/dev/null 2>&1 || needed+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || needed+=(libkrb5-dev)
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
{ command -v make && command -v g++; } >/dev/null 2>&1 || needed+=(build-essential)
command -v python3 >/dev/null 2>&1 || needed+=(python3)
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Please install these Debian packages: ${needed[*]}" >&2; exit 1; fi
  echo "Installing Debian packages: ${needed[*]}"
  # A mirror that stalls must not hold CI for ever: each apt-get retries a failed download three times, gives up on a
  # silent connection after a minute, and is stopped after 15 minutes; the whole install is tried twice.
  apt_options=(-o Acquire::Retries=3 -o Acquire::http::Timeout=60 -o Acquire::https::Timeout=60)
  install() {
    timeout 900 apt-get "${apt_options[@]}" update -qq &&
      DEBIAN_FRONTEND=noninteractive timeout 900 apt-get "${apt_options[@]}" install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
  }
  install || { echo "apt-get failed; trying once more" >&2; sleep 10; install; }
fi
