#!/usr/bin/env bash
# Set up, build the atlas database from the reference data, and start the dashboard.
# Extra arguments go to `streamlit run` (for example --server.port 8502). The dashboard listens
# on 127.0.0.1 unless you name another address (scripts/serve.sh, docs/deploying.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m etl build
exec scripts/serve.sh "$@"
