#!/usr/bin/env bash
# Set up, then run the main job: the web workspace with the example disclosures (copies of corpus
# documents) imported and published, at http://127.0.0.1:8000/ (PORT=… to change).
# The database is yusuan's one setting, the same for every `yusuan db …` command: YUSUAN_DB, else the
# `db` of $YUSUAN_HOME/config.toml, else the SQLite file $YUSUAN_HOME/yusuan.db (`yusuan db info`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/yusuan serve --demo --host 127.0.0.1 --port "${PORT:-8000}"
