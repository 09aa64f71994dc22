"""Copy the result files of a finished demo run into results/demo/, where the README and 06_analysis read them.

    python tools/publish_demo.py runs/demo

Copies models/results.csv, config.yaml, machine.json and the report's figures (PNG); writes timings.csv from the
stages' own records (the seconds each stage took when it last ran: a re-run that skipped them all does not
count); and copies the
t-SNE figure to nbs/images/demo_tsne.png. Then re-run the notebooks that render them
(`python tools/run_notebooks.py nbs/index.ipynb nbs/06_analysis.ipynb`) and `python tools/make_readme.py`.
"""
import json, shutil, sys
from pathlib import Path

from flare_nb.pipeline import STAGES

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ("tsne_fine.png", "confusion_fine.png", "integrated_gradients.png", "class_spread.png", "normal_curves.png")


def main(run: Path) -> None:
    out = ROOT / "results" / "demo"; out.mkdir(parents=True, exist_ok=True)
    for src, dst in [("models/results.csv", "results.csv"), ("config.yaml", "config.yaml"),
                     ("machine.json", "machine.json"), *[(f"reports/{f}", f) for f in FIGURES]]:
        if not (run / src).is_file(): sys.exit(f"{run / src} not found: is {run} a finished run?")
        shutil.copyfile(run / src, out / dst)
    recs = [json.loads((run / "data" / s / "stage.json").read_text()) for s in STAGES]
    (out / "timings.csv").write_text("stage,seconds,finished\n" + "".join(f"{r['stage']},{r['seconds']},{r['finished']}\n" for r in recs))
    shutil.copyfile(run / "reports" / "tsne_fine.png", ROOT / "nbs" / "images" / "demo_tsne.png")
    print(f"copied {run}'s results into {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "runs/demo"))
