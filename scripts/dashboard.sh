#!/usr/bin/env bash
# Set up (first run only takes long) and open the dashboard on the shipped event table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
exec .venv/bin/streamlit run app.py "$@"
