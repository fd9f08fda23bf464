#!/usr/bin/env bash
# Create .venv (if needed) and install Newsline with the given extras, e.g. "app" or "test".
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-app}"
python3 -m venv .venv 2>/dev/null || python3 -m venv --without-pip .venv
if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
  .venv/bin/python -m ensurepip --upgrade >/dev/null
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[${extras}]"
