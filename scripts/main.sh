#!/usr/bin/env bash
# Set up, then run the main job: the web workspace on a SQLite file, with the example disclosures
# (copies of corpus documents) imported and published, at http://127.0.0.1:8000/ (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
exec .venv/bin/yusuan serve --demo --db "sqlite:///$PWD/out/yusuan.db" --host 127.0.0.1 --port "${PORT:-8000}"
