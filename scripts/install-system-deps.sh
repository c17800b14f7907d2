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
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi
