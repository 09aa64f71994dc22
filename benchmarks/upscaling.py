"""Upscaling benchmark: speed and peak memory of SwinIR, whole-image vs tiled, on this machine's CPU.

Each measurement runs in a fresh Python process so its peak resident memory (ru_maxrss) is its own.
Random weights: speed and memory do not depend on what the weights are.

    python benchmarks/upscaling.py             # speed/memory table (~10 min on 2 cores)
    python benchmarks/upscaling.py --quality   # also: train the demo's tiny SwinIR, PSNR/SSIM per class
"""
import json
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time, torch
from flare_nb.upscaling import SWINIR_PRESETS, build_swinir, upscale_tensor
preset, side, tile, reps = sys.argv[1], int(sys.argv[2]), (None if sys.argv[3] == "none" else int(sys.argv[3])), int(sys.argv[4])
torch.manual_seed(0)
m = build_swinir(dict(in_chans=3, img_size=64, img_range=1.0, **SWINIR_PRESETS[preset])).eval()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
x = torch.rand(1, 3, side, side)
t = time.perf_counter()
for _ in range(reps): y = upscale_tensor(m, x, 4, tile=tile, overlap=16, batch_size=4)
dt = (time.perf_counter() - t) / reps
print(json.dumps({"s_per_img": dt, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "base_mb": base / 1024}))
"""


def measure(preset, side, tile, reps=1, limit_s=900):
    try:
        r = subprocess.run([sys.executable, "-c", CHILD, preset, str(side), str(tile), str(reps)],
                           capture_output=True, text=True, timeout=limit_s)
    except subprocess.TimeoutExpired:
        return {"error": f"over {limit_s}s"}
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or ["killed"])[-1][:80]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    import torch
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, CPU, fp32; x4; tile overlap 16 px (LR)")
    print(f"{'model':<16}{'LR input':>10}{'tile':>6}{'s/img':>9}{'img/s':>8}{'peak MB':>9}{'(torch loaded)':>15}")
    rows = [("tiny-x4", 64, "none", 5), ("tiny-x4", 64, 48, 5), ("tiny-x4", 256, "none", 1), ("tiny-x4", 256, 64, 1),
            ("tiny-x4", 512, "none", 1), ("tiny-x4", 512, 128, 1), ("tiny-x4", 1024, 128, 1), ("tiny-x4", 2048, 128, 1),
            ("lightweight-x4", 64, "none", 3), ("lightweight-x4", 64, 48, 3), ("lightweight-x4", 256, "none", 1),
            ("lightweight-x4", 256, 64, 1), ("lightweight-x4", 512, 128, 1)]
    for preset, side, tile, reps in rows:
        r = measure(preset, side, tile, reps)
        if "error" in r:
            print(f"{preset:<16}{side:>10}{tile:>6}  failed: {r['error']}")
        else:
            print(f"{preset:<16}{side:>10}{tile:>6}{r['s_per_img']:>9.2f}{1 / r['s_per_img']:>8.2f}{r['peak_mb']:>9.0f}{r['base_mb']:>15.0f}", flush=True)
    if "--quality" in sys.argv:
        quality()


def quality():
    import tempfile
    from pathlib import Path
    from flare_nb.atlas import load_atlas
    from flare_nb.upscaling import ResampleUpscaler, SwinIRUpscaler, train_swinir, upscaling_report
    atlas = load_atlas()
    t = time.time()
    steps = 1200   # as in the upscaling notebook
    model, hist = train_swinir(atlas.loc[atlas.split == "train", "hr_path"].tolist(), steps=steps, progress=False)
    print(f"\ntiny SwinIR trained for {steps} steps in {time.time() - t:.0f} s; final L1 (mean of last 50 steps) {hist.l1.iloc[-50:].mean():.4f}")
    ups = {"identity": ResampleUpscaler(4, "nearest"), "bicubic": ResampleUpscaler(4, "bicubic"),
           "swinir-tiny": SwinIRUpscaler(scale=4, name="swinir-tiny", model=model, sha256="-")}
    _, table = upscaling_report(atlas[atlas.split.isin(["val", "test"])], ups, Path(tempfile.mkdtemp()), progress=False)
    print(table.unstack("method")[["psnr", "ssim", "ms_ssim"]].round(3).to_string())


if __name__ == "__main__":
    main()
