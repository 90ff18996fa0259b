#!/usr/bin/env bash
# Start the dashboard on the database already built (the last step of run.sh; run.sh passes its
# extra arguments here, and they go to `streamlit run`).
#
# It listens on 127.0.0.1 only, unless the operator names another address
# (--server.address ADDRESS, or STREAMLIT_SERVER_ADDRESS=ADDRESS). Never open it to a network
# without a reverse proxy in front that identifies every visitor: see docs/deploying.md.
set -euo pipefail
cd "$(dirname "$0")/.."
address=(--server.address 127.0.0.1)
if [ -n "${STREAMLIT_SERVER_ADDRESS:-}" ]; then
  address=()
fi
for arg in "$@"; do
  case "$arg" in
    --server.address|--server.address=*) address=() ;;
  esac
done
exec .venv/bin/streamlit run dashboard.py "${address[@]}" "$@"
