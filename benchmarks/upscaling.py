"""Upscaling benchmark: wall time and peak memory of SwinIR inference on this machine's CPU, ours against the
official SwinIR test script, whole-image against tiled, and a 2048 x 2048 image at x4.

    python benchmarks/upscaling.py [--official PATH_TO_SWINIR_CHECKOUT] [--repeat 3]

Every measurement runs in a fresh Python process (its peak resident memory, ru_maxrss, is its own; the wall
time is the whole process: imports, model load, 4 images, writing them). SwinIR-M x4 (real_sr, nearest+conv)
with random weights saved in the official format: speed and memory do not depend on what the weights are.
The 128 px inputs are real sky images (atlas HR images shrunk by the one LR rule).
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time
from pathlib import Path

import numpy as np

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from PIL import Image
from flare_nb.upscaling import SwinIRUpscaler
ckpt, src, out, tile, budget, margin = sys.argv[1:7]
tile = None if tile == "none" else tile if tile == "auto" else int(tile)
up = SwinIRUpscaler.from_checkpoint(ckpt, "cpu", tile=tile, overlap=16, max_memory_mb=int(budget), margin=int(margin))
tiles = []
for p in sorted(Path(src).glob("*.png")):
    img = Image.open(p).convert("RGB")
    if tile == "auto": tiles.append(len(up.plan(img.height, img.width)))
    up(img).save(Path(out) / p.name)
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "tiles": tiles, "inner_s": time.perf_counter() - t0}))
"""


def run(cmd: list, cwd=None) -> dict:
    "Wall time of a fresh process, and what it reports about itself (its peak memory, tiles)."
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    wall = time.perf_counter() - t
    if r.returncode != 0: raise RuntimeError(r.stderr[-2000:])
    last = [l for l in r.stdout.splitlines() if l.startswith("{")]
    info = json.loads(last[-1]) if last else {}
    return {"wall_s": wall, **info}


def child_peak(cmd: list, cwd=None) -> float:
    "Peak resident memory (MB) of a process we cannot instrument, read from a wrapper's RUSAGE_CHILDREN."
    wrap = [sys.executable, "-c", "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)", *cmd]
    r = subprocess.run(wrap, capture_output=True, text=True, cwd=cwd, check=True)
    return float(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--official", type=Path, help="a checkout of github.com/JingyunLiang/SwinIR (main_test_swinir.py, models/, utils/)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per row; the median is shown")
    args = ap.parse_args()
    import torch
    from PIL import Image
    from flare_nb.atlas import load_atlas
    from flare_nb.core import demo_checkpoint, downscale, load_image
    from flare_nb.upscaling import SWINIR_PRESETS, build_swinir, measure_margin
    work = Path(tempfile.mkdtemp(prefix="bench-up-"))
    src = work / "lr"; src.mkdir()
    for i, p in enumerate(load_atlas()["hr_path"].iloc[[3, 50, 120, 300]]): downscale(load_image(p), 2).save(src / f"sky{i}.png")
    torch.manual_seed(0)
    m = build_swinir(dict(in_chans=3, img_size=64, img_range=1.0, **SWINIR_PRESETS["realsr-M-x4"])).eval()
    ckpt = work / "003_realSR_BSRGAN_DFO_s64w8_SwinIR-M_x4_GAN.pth"
    torch.save({"params_ema": m.state_dict()}, ckpt)
    t = time.perf_counter(); margin = measure_margin(m, 4)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, CPU fp32. SwinIR-M x4, random weights; 4 sky images of 128 x 128 px.")
    print(f"measured tile margin of this model: {margin} px (LR), in {time.perf_counter() - t:.0f} s (once per model)\n")
    rows, outs = [], {}
    def ours(label, tile, budget, ck=ckpt, folder=src, m_=margin):
        out = work / label.replace(" ", "_"); out.mkdir(exist_ok=True); outs[label] = out
        cmd = [sys.executable, "-c", CHILD, str(ck), str(folder), str(out), str(tile), str(budget), str(m_)]
        res = [run(cmd) for _ in range(args.repeat)]
        rows.append({"run": label, "wall_s": statistics.median(r["wall_s"] for r in res), "peak_mb": max(r["peak_mb"] for r in res),
                     "tiles per image": ",".join(map(str, res[0].get("tiles", []))) or "-"})
        print(f"{label:<44}{rows[-1]['wall_s']:>8.1f} s{rows[-1]['peak_mb']:>9.0f} MB   tiles {rows[-1]['tiles per image']}", flush=True)
    def official(label, extra):
        repo = work / "official"; shutil.copytree(args.official, repo, dirs_exist_ok=True, ignore=shutil.ignore_patterns("testsets", "figs", ".git"))
        cmd = [sys.executable, "main_test_swinir.py", "--task", "real_sr", "--scale", "4", "--model_path", str(ckpt), "--folder_lq", str(src), *extra]
        walls, peaks = [], []
        for _ in range(args.repeat):
            t = time.perf_counter(); peaks.append(child_peak(cmd, cwd=repo)); walls.append(time.perf_counter() - t)
        rows.append({"run": label, "wall_s": statistics.median(walls), "peak_mb": max(peaks), "tiles per image": "16 (it pads 128 to 136)" if extra else "1"})
        outs[label] = repo / "results" / "swinir_real_sr_x4"
        print(f"{label:<44}{rows[-1]['wall_s']:>8.1f} s{rows[-1]['peak_mb']:>9.0f} MB", flush=True)
        return repo
    print(f"{'run (4 images, whole process)':<44}{'wall':>10}{'peak':>12}")
    if args.official:
        official("official, --tile 64 --tile_overlap 32", ["--tile", "64", "--tile_overlap", "32"])
        official("official, untiled", [])
    ours("ours, auto (default budget 1024 MB)", "auto", 1024)
    ours("ours, auto (budget 128 MB)", "auto", 128)
    ours("ours, untiled", "none", 1024)
    ours("ours, fixed tile 64, overlap 16", 64, 1024)
    # tiled against untiled, grey levels
    base = outs["ours, untiled"]
    for label in ("ours, auto (budget 128 MB)", "ours, fixed tile 64, overlap 16"):
        d = max(int(np.abs(np.asarray(Image.open(outs[label] / p.name), int) - np.asarray(Image.open(p), int)).max()) for p in base.glob("*.png"))
        print(f"max |{label} - untiled| = {d} grey level(s)")
    if args.official:
        off = outs["official, --tile 64 --tile_overlap 32"]
        d = [int(np.abs(np.asarray(Image.open(off / f"{p.stem}_SwinIR.png"), int) - np.asarray(Image.open(p), int)).max()) for p in base.glob("*.png")]
        print(f"max |official tiled - ours untiled| = {max(d)} grey level(s)")
    # one large image with the shipped upscaler
    big = work / "big"; big.mkdir()
    hdf = load_image(load_atlas()["hr_path"].iloc[0]).resize((2048, 2048), Image.Resampling.BICUBIC)
    hdf.save(big / "big2048.png")
    rec = json.loads((demo_checkpoint("swinir-sky") / "flare.json").read_text())
    ours("shipped swinir-sky, 2048 x 2048 -> 8192, auto", "auto", 1024, demo_checkpoint("swinir-sky") / "swinir-sky-x4.safetensors", big, rec["tile_margin"])
    print(json.dumps(rows))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
