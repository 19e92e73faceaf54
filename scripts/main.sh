#!/usr/bin/env bash
# Set up, then run the main job: read example disclosures (the corpus copies) and export their cells.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
for f in tests/data/corpus/shenzhen-*.txt tests/data/corpus/jiangsu-2019-gaoji-fayuan-budget.pdf tests/data/corpus/shanghai-putuo-2025-*.pdf; do
  [ -e "$f" ] || continue
  name=$(basename "${f%.*}")
  .venv/bin/yusuan extract "$f" --format csv --out "out/$name.csv"
  echo "$f → out/$name.csv（$(($(wc -l < "out/$name.csv") - 1)) 个数字单元格）"
done
