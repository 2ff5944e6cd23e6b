#!/usr/bin/env bash
# Create one virtualenv per peer under bench/.venvs (idempotent). Only PyPI packages.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
make_venv() {  # name, packages...
  local dir="$here/.venvs/$1"; shift
  if [ ! -x "$dir/bin/python" ] || [ ! -f "$dir/.ok" ]; then
    "$python" -m venv "$dir"
    "$dir/bin/pip" install --quiet "$@"
    touch "$dir/.ok"
  fi
}
make_venv alt-profanity-check "alt-profanity-check==1.9.1"
make_venv arabic-toxic "arabic-toxic==0.2.3" "scikit-learn<1.8"
make_venv glin "glin-profanity==4.1.0"
make_venv isso "isso==0.14.0" "gunicorn"
