"""Train the small diffusion model `flare demo` ships with, on the demo atlas's training split.

    python tools/make_demo_checkpoints.py

It runs the demo profile's own pipeline (ingest, then `Pipeline.generator`, which trains and records
the model exactly as a run would: training-set hash, steps, seed, size, prediction) in a temporary
run folder and copies the result into the package. The pipeline checks that record and retrains when
a run uses another split or other settings, so the shipped model serves only the default split.
Its record (`flare.json`) keeps the training time and the machine. The shipped upscaler, `swinir-sky`, is made by
tools/train_upscaler.py on sky images outside the atlas.
"""
import argparse, json, shutil, tempfile, time
from pathlib import Path

from flare_nb.core import demo_config, machine_summary
from flare_nb.pipeline import Pipeline

OUT = Path(__file__).resolve().parents[1] / "flare_nb" / "data" / "checkpoints" / "ddpm-small"

def main():
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        p = Pipeline(demo_config(), Path(tmp) / "run")
        p.run_stage("ingest")
        t1 = time.time()
        p.generator()                             # trains into the run's models/ unless the shipped model already matches
        made = p.run.root / "models" / "ddpm-small"
        if not made.is_dir(): print(f"the shipped model in {OUT} already matches the demo's training split: nothing to do"); return
        rec = json.loads((made / "flare.json").read_text())   # the pipeline's record, plus what a reader of the shipped model asks
        rec |= {"split_seed": p.cfg.data.split_seed, "train_seconds": round(time.time() - t1), "machine": machine_summary()}
        (made / "flare.json").write_text(json.dumps(rec, indent=1))
        shutil.rmtree(OUT, ignore_errors=True); shutil.copytree(made, OUT)
    print(f"ddpm-small: {time.time() - t0:.0f} s; written to {OUT}")

if __name__ == "__main__": main()
