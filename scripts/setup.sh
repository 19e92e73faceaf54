#!/usr/bin/env bash
# Set up everything yusuan needs on a fresh Debian machine: system packages, a virtualenv, the package.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
for pkg in $(cat scripts/apt-packages.txt | grep -v '^#'); do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "安装系统软件包：${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.yusuan-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi

# The PDF's Chinese fonts, copied small once per machine (about 30 s the first time; then instant).
.venv/bin/python -c "from yusuan.render.fontcache import subset_fonts; subset_fonts()" \
  || echo "（PDF 字体副本未能生成，生成 PDF 时将直接使用系统字体）"
