"""Copy a study's result files into the repository and regenerate its tables.

    python tools/publish_study.py runs/demo-study [--dest results/study]

First gathers the predictions of every finished run again (`collect_predictions`: from each run's
recorded models folder, whatever the code is now), then copies predictions.csv (per object, fold, variant, seed and test set), runs.csv (wall time per
fold and seed) and study.json (config, seeds, machine), then writes the accuracy and paired
comparison tables with `flare_nb.analysis.write_study_tables`. The README and 06_analysis render
them with `study_report`; tests/test_project.py checks that they agree with predictions.csv.
A study still running can be published: the tables say how many folds of each seed are in.
"""
import argparse, shutil
from pathlib import Path

from flare_nb.analysis import study_report, write_study_tables
from flare_nb.study import collect_predictions

ROOT = Path(__file__).resolve().parents[1]

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("study", type=Path, help="a study folder written by `flare study`")
    ap.add_argument("--dest", type=Path, default=ROOT / "results" / "study")
    a = ap.parse_args()
    a.dest.mkdir(parents=True, exist_ok=True)
    collect_predictions(a.study)
    for f in ("predictions.csv", "runs.csv", "study.json"): shutil.copyfile(a.study / f, a.dest / f)
    write_study_tables(a.dest, a.dest)
    print(study_report(a.dest))

if __name__ == "__main__": main()
