"""Train the upscaler that ships with flare_nb, on real sky images that are not in the atlas.

    python tools/train_upscaler.py [--work .cache/upscaler] [--threads 1] [--max-steps 60000]

1. Builds the training set (`flare_nb.upscaling.build_sky_set`): Stellarium's deep-sky images that
   the atlas leaves out for having no class and that share no sky with any atlas image, its Milky
   Way panorama and scikit-image's Hubble Deep Field (needs Debian's stellarium-data).
2. Trains a bicubic-residual SwinIR-tiny x4 on exact (HR, bicubic-downscaled LR) pairs, the atlas's
   own LR rule, until the held-out Y-PSNR stops improving (`train_upscaler`). Re-running resumes.
3. Copies the best weights, the training set's table (credits, licences, hashes) and a record
   (steps, seconds, held-out scores) to flare_nb/data/checkpoints/swinir-sky/.
Because no image of the classification data is in its training set, one checkpoint serves every
split and every fold.
"""
import argparse, json, shutil, time
from pathlib import Path

import pandas as pd
import torch

from flare_nb.core import atomic_write_text, sha256_file
from flare_nb.atlas import load_atlas
from flare_nb.core import downscale, load_image, save_image
from flare_nb.upscaling import (ResampleUpscaler, SwinIRUpscaler, build_sky_set, measure_margin, quality_on, sky_set_hash,
                                train_upscaler)

ROOT = Path(__file__).resolve().parents[1]
DEST = ROOT / "flare_nb" / "data" / "checkpoints" / "swinir-sky"

def _quality_sets(sky: pd.DataFrame, work: Path) -> dict:
    "Table 1's image sets: the atlas's val+test pairs, and the sky set's own images (LR made by the one LR rule)."
    atlas = load_atlas(); ev = atlas[atlas["split"].isin(["val", "test"])]
    sets = {"atlas val+test": (ev["path"].tolist(), ev["hr_path"].tolist())}
    for split in ("train", "holdout"):
        hr = sky.loc[sky["split"] == split, "path"].tolist()
        lr = [work / "lr" / Path(p).name for p in hr]
        for h, l in zip(hr, lr):
            if not l.is_file(): save_image(downscale(load_image(h), 4), l)
        sets[f"sky {split} (its own training set)" if split == "train" else f"sky {split}"] = (lr, hr)
    return sets

def _finished(work: Path, max_steps: int) -> bool:
    "Whether training stopped by itself (its learning rate was halved the allowed number of times, or max steps)."
    st = json.loads((work / "model" / "state.json").read_text())
    return st["halvings"] > 3 or st["step"] >= max_steps

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=ROOT / ".cache" / "upscaler", help="working folder (resumable)")
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    ap.add_argument("--max-steps", type=int, default=60_000)
    ap.add_argument("--preset", default="tiny-x4")
    ap.add_argument("--publish", action="store_true", help="do not train: publish the best weights so far (e.g. while training runs)")
    args = ap.parse_args()
    if args.threads: torch.set_num_threads(args.threads)
    t0 = time.time()
    table = args.work / "sky_set.csv"
    sky = pd.read_csv(table) if table.is_file() else build_sky_set(args.work)
    sky["path"] = [str(args.work / p) if not Path(p).is_absolute() else p for p in sky["path"]]
    tr, ho = sky[sky["split"] == "train"], sky[sky["split"] == "holdout"]
    print(f"sky set: {len(tr)} training and {len(ho)} held-out HR images from {sky['source'].nunique()} sources")
    prev = json.loads((args.work / "seconds.json").read_text())["seconds"] if (args.work / "seconds.json").is_file() else 0
    if args.publish: hist, secs = pd.read_csv(args.work / "model" / "history.csv"), prev
    else:
        hist = train_upscaler(tr["path"].tolist(), ho["path"].tolist(), args.work / "model", preset=args.preset, max_steps=args.max_steps)
        secs = prev + time.time() - t0
        atomic_write_text(args.work / "seconds.json", json.dumps({"seconds": secs}))
    DEST.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.work / "model" / "best.safetensors", DEST / "swinir-sky-x4.safetensors")
    shutil.copyfile(args.work / "model" / "history.csv", DEST / "history.csv")
    sky.assign(path=[Path(p).relative_to(args.work).as_posix() for p in sky["path"]]).to_csv(DEST / "sky_set.csv", index=False)
    best = hist.loc[hist["holdout_psnr_y"].idxmax()]
    up = SwinIRUpscaler.from_checkpoint(DEST / "swinir-sky-x4.safetensors", "cpu")
    margin = measure_margin(up.model, 4, up.window)
    quality = quality_on(_quality_sets(sky, args.work), {"bicubic": ResampleUpscaler(4, "bicubic"), "swinir-sky": up}, progress=True)
    quality.round(4).to_csv(DEST / "quality.csv", index=False)
    print(quality.round(3).to_string(index=False))
    rec = {"kind": "swinir-sky", "preset": args.preset, "scale": 4, "train_set": sky_set_hash(sky), "n_train": len(tr), "n_holdout": len(ho),
           "steps_run": int(hist["step"].max()), "best_step": int(best["step"]), "holdout_psnr_y": round(float(best["holdout_psnr_y"]), 4),
           "holdout_psnr_y_bicubic_start": round(float(hist["holdout_psnr_y"].iloc[0]), 4), "train_seconds": round(secs) if secs else None,
           "torch_threads": torch.get_num_threads(), "weights_sha256": sha256_file(DEST / "swinir-sky-x4.safetensors"),
           "tile_margin": margin, "converged": _finished(args.work, args.max_steps),   # False: published while still improving
           "command": "python tools/train_upscaler.py"}
    atomic_write_text(DEST / "flare.json", json.dumps(rec, indent=1))
    print(json.dumps(rec, indent=1))

if __name__ == "__main__": main()
