#!/usr/bin/env bash
# The project's test command (called by `make test` and .ci/run): notebooks + pytest, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 NO_ALBUMENTATIONS_UPDATE=1
export MPLBACKEND=Agg PYTHONHASHSEED=0 TOKENIZERS_PARALLELISM=false
start=$(date +%s)
# Everything the tests write to a temporary folder lands in one place that is removed afterwards
# (tests train real models: left in /tmp, one run's leftovers filled a CI disk).
export TMPDIR="$PWD/.cache/test-tmp"; rm -rf "$TMPDIR"; mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

# 1. The package is what the notebooks export, and the notebooks are clean: check without touching git.
#    (README vs index.ipynb is checked by tests/test_project.py.)
if git rev-parse --git-dir >/dev/null 2>&1; then
  before=$(git status --porcelain -- flare_nb nbs | md5sum)
  $BIN/nbdev_export
  $BIN/nbdev_clean
  after=$(git status --porcelain -- flare_nb nbs | md5sum)
  if [ "$before" != "$after" ]; then
    echo "FAIL: nbdev_export/nbdev_clean changed flare_nb/ or nbs/: notebooks and package were out of sync." >&2
    git status --porcelain -- flare_nb nbs >&2
    exit 1
  fi
fi

# 2. Every notebook, top to bottom; cells flagged slow/cuda/network are skipped (see tst_flags).
echo "== nbdev_test"
$BIN/nbdev_test --n_workers 2 --timing

# 3. pytest for what a notebook cannot hold well. Exit 5 ("no tests collected") is a failure here:
#    the suite is never empty, so an empty collection means something is broken.
echo "== pytest"
rc=0; $BIN/python -m pytest tests -q -p no:cacheprovider || rc=$?
if [ "$rc" = 5 ]; then echo "FAIL: pytest collected no tests (the suite is never empty: something is broken)" >&2; fi
[ "$rc" = 0 ] || exit "$rc"
echo "== all tests passed in $(( $(date +%s) - start )) s"
