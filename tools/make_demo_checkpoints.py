"""Train the small diffusion model `flare demo` ships with, on the demo atlas's training split.

    python tools/make_demo_checkpoints.py [--only ddpm-small|swinir-tiny]

It is trained on the training split of the default split seed (0) only, with the demo profile's
settings, and records that (training-set hash, seed, steps) next to its weights; the pipeline
checks the record and retrains when a run uses another split or other settings. About 10 minutes
on 2 CPU cores. (The shipped upscaler is `swinir-sky`, made by tools/train_upscaler.py on sky images
outside the atlas; `--only swinir-tiny` still trains the per-split SwinIR of method 'swinir-tiny',
which is no longer shipped.)
"""
import argparse, json, time
from pathlib import Path

from flare_nb.atlas import load_atlas
from flare_nb.core import atomic_write_text, demo_config, load_taxonomy
from flare_nb.synthesis import SmallDiffusion, train_diffusion, training_set_hash
from flare_nb.upscaling import save_swinir, train_swinir

OUT = Path(__file__).resolve().parents[1] / "flare_nb" / "data" / "checkpoints"

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["ddpm-small", "swinir-tiny"], default="ddpm-small")
    args = ap.parse_args()
    cfg = demo_config()
    atlas = load_atlas(cfg.data.split_seed)
    train = atlas[atlas["split"] == "train"]
    paths, labels = train["hr_path"].tolist(), train["fine"].tolist()
    meta = {"train_set": training_set_hash(paths, labels), "split_seed": cfg.data.split_seed, "n_train": len(paths)}
    if args.only == "swinir-tiny":
        t0 = time.time()
        model, hist = train_swinir(paths, "tiny-x4", steps=cfg.upscale.train_steps, seed=cfg.seed)
        d = OUT / "swinir-tiny"; d.mkdir(parents=True, exist_ok=True)
        save_swinir(model, d / "swinir-tiny-x4.safetensors")
        atomic_write_text(d / "flare.json", json.dumps(meta | {"kind": "swinir-tiny", "train_steps": cfg.upscale.train_steps,
                                                               "train_seed": cfg.seed, "final_l1": float(hist["l1"].tail(50).mean()),
                                                               "train_seconds": round(time.time() - t0)}, indent=1))
        print(f"swinir-tiny: {time.time() - t0:.0f} s, final L1 {hist['l1'].tail(50).mean():.4f}")
    if args.only == "ddpm-small":
        t0 = time.time()
        classes = load_taxonomy(cfg.data.taxonomy).fine
        model, hist = train_diffusion(paths, labels, classes, size=cfg.synth.size, steps=cfg.synth.train_steps,
                                      prediction=cfg.synth.prediction, seed=cfg.seed)
        gen = SmallDiffusion(model, classes, steps=cfg.synth.steps, guidance=cfg.synth.guidance, strength=cfg.synth.variation_strength,
                             meta=model.config_meta | {"split_seed": cfg.data.split_seed, "train_seconds": round(time.time() - t0),
                                                       "final_loss": float(hist["loss"].tail(100).mean())})
        gen.save(OUT / "ddpm-small")
        print(f"ddpm-small: {time.time() - t0:.0f} s, final loss {hist['loss'].tail(100).mean():.4f}")

if __name__ == "__main__": main()
