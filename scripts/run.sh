#!/usr/bin/env bash
# Set up, build the atlas database from the reference data, and start the dashboard.
# Extra arguments go to `streamlit run` (for example --server.port 8502).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m etl build
exec .venv/bin/streamlit run dashboard.py "$@"
