#!/usr/bin/env bash
# One-step, pinned install of flare_nb into ./.venv (works offline except for package registries).
# Order matters: torch first, then the package + pinned deps, then basicsr without build isolation
# (its setup.py imports torch; with isolation pip would build it against a second torch download).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
. .venv/bin/activate
export PIP_DISABLE_PIP_VERSION_CHECK=1
pip install -q --upgrade "pip==25.3" "setuptools==80.9.0" wheel
pip install -q "torch==2.14.1" "torchvision==0.29.1"
pip install -q -r tools/requirements.txt
pip install -q --no-build-isolation "basicsr==1.4.2"
pip install -q --no-deps --no-build-isolation -e .
python -c "import flare_nb, torch; print('flare_nb', flare_nb.__version__, '| torch', torch.__version__)"
