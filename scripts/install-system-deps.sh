#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks need (ripgrep for the benchmark baseline).
# Idempotent: does nothing when everything is already there.
set -euo pipefail
needed=()
command -v rg >/dev/null 2>&1 || needed+=(ripgrep)
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Please install: ${needed[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
fi
