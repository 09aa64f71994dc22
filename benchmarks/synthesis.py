"""Speed of the synthesis stage's generators. Prints a table.

    python benchmarks/synthesis.py [--full-unidiffuser]

- the small diffusion model at the demo size (32 px, width 32): seconds per training step (batch 32)
  and samples per second for text-to-image (25 DDIM steps, guidance 3: two UNet passes per step) and
  for SDEdit variations (strength 0.6: 15 steps), batch 64;
- the tiny random UniDiffuser pipeline (the test architecture), text-to-image at 3 steps;
- with --full-unidiffuser (meant for a GPU): UniDiffuser at the real model's widths with random
  weights (the true speed of the architecture; the 5 GB weights are not needed for timing).
"""
import argparse, time
import numpy as np, torch
from PIL import Image
from flare_nb.synthesis import SmallDiffusion, UniDiffuserGenerator, small_unet, tiny_unidiffuser, train_diffusion
from flare_nb.atlas import load_atlas

def timed(fn, repeat=1):
    t0 = time.perf_counter()
    for _ in range(repeat): out = fn()
    return (time.perf_counter() - t0) / repeat, out

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full-unidiffuser", action="store_true")
    args = ap.parse_args()
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    print(f"device {dev}, torch threads {torch.get_num_threads()}")
    atlas = load_atlas(); tr = atlas[atlas["split"] == "train"]
    classes = sorted(tr["fine"].unique())
    steps = 20
    t, _ = timed(lambda: train_diffusion(tr["hr_path"].tolist()[:64], tr["fine"].tolist()[:64], classes, steps=steps, progress=False, device=dev))
    rows = [("ddpm-small train (b32, 32 px)", f"{t / steps:.3f} s/step", f"1,500 steps ~ {t / steps * 1500 / 60:.1f} min")]
    gen = SmallDiffusion(small_unet(len(classes)), classes, steps=25, guidance=3.0, strength=0.6, device=dev)
    prompts = [f"a {classes[i % len(classes)]}" for i in range(64)]
    gen.text_to_image(prompts[:2], [0, 1])   # warm-up
    t, imgs = timed(lambda: gen.text_to_image(prompts, list(range(64))))
    rows.append(("ddpm-small text->image (25 steps, cfg 3, b64)", f"{64 / t:.1f} samples/s", f"{t:.1f} s per 64"))
    t, _ = timed(lambda: gen.variations(imgs, list(range(64)), prompts))
    rows.append(("ddpm-small variation (SDEdit 0.6 = 15 steps, b64)", f"{64 / t:.1f} samples/s", f"{t:.1f} s per 64"))
    uni = UniDiffuserGenerator(tiny_unidiffuser().to(dev), steps=3, batch_size=8)
    t, _ = timed(lambda: uni.text_to_image(["A realistic image of spiral galaxy in space"] * 8, list(range(8))))
    rows.append(("tiny random UniDiffuser text->image (3 steps, b8, 32 px)", f"{8 / t:.1f} samples/s", ""))
    if args.full_unidiffuser:
        pipe = tiny_unidiffuser(size=512, full=True).to(dev, torch.float16 if dev == "cuda" else torch.float32)
        uni = UniDiffuserGenerator(pipe, steps=50, guidance=8.0, batch_size=4)
        t, _ = timed(lambda: uni.text_to_image(["A realistic image of spiral galaxy in space"] * 4, list(range(4))))
        rows.append(("UniDiffuser full widths, random weights (50 steps, cfg 8, 512 px, b4)", f"{4 / t:.2f} samples/s", f"{t:.1f} s per 4"))
    w = max(len(r[0]) for r in rows)
    for r in rows: print(f"{r[0]:<{w}}  {r[1]:>18}  {r[2]}")

if __name__ == "__main__": main()
