"""Train the two small models `flare demo` ships with, on the demo atlas's training split.

    python tools/make_demo_checkpoints.py [--only swinir-tiny|ddpm-small]

Both are trained on the training split of the default split seed (0) only, with the demo profile's
settings, and record that (training-set hash, seed, steps) next to their weights; the pipeline
checks the record and retrains when a run uses another split or other settings.
About 15 minutes on 2 CPU cores (SwinIR-tiny ~3 min, the diffusion model ~12 min).
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
    ap.add_argument("--only", choices=["swinir-tiny", "ddpm-small"])
    args = ap.parse_args()
    cfg = demo_config()
    atlas = load_atlas(cfg.data.split_seed)
    train = atlas[atlas["split"] == "train"]
    paths, labels = train["hr_path"].tolist(), train["fine"].tolist()
    meta = {"train_set": training_set_hash(paths, labels), "split_seed": cfg.data.split_seed, "n_train": len(paths)}
    if args.only in (None, "swinir-tiny"):
        t0 = time.time()
        model, hist = train_swinir(paths, "tiny-x4", steps=cfg.upscale.train_steps, seed=cfg.seed)
        d = OUT / "swinir-tiny"; d.mkdir(parents=True, exist_ok=True)
        save_swinir(model, d / "swinir-tiny-x4.safetensors")
        atomic_write_text(d / "flare.json", json.dumps(meta | {"kind": "swinir-tiny", "train_steps": cfg.upscale.train_steps,
                                                               "train_seed": cfg.seed, "final_l1": float(hist["l1"].tail(50).mean()),
                                                               "train_seconds": round(time.time() - t0)}, indent=1))
        print(f"swinir-tiny: {time.time() - t0:.0f} s, final L1 {hist['l1'].tail(50).mean():.4f}")
    if args.only in (None, "ddpm-small"):
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
