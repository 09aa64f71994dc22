"""Training/evaluation throughput of the demo classifier on this machine's CPU.

Shows whether data loading limits training: model-only steps on tensors already in memory, then the
same steps end to end from the demo atlas through ManifestDataset (decoded images cached in memory,
and decoded from disk on every access).

    python benchmarks/training.py [--backbone efficientnet_lite0] [--size 128] [--batch 32] [--steps 12]
"""
import argparse
import time

import torch
import torch.nn as nn

from flare_nb.atlas import load_atlas
from flare_nb.core import load_taxonomy
from flare_nb.training import ManifestDataset, build_backbone


def timed_steps(model, batches, train=True):
    "Images per second over `batches` (after one warm-up batch)."
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    lossf = nn.CrossEntropyLoss()
    model.train(train)
    it = iter(batches)
    x, y = next(it)
    n, t = 0, None
    for i, (x, y) in enumerate([(x, y)] + list(it)):
        if i == 1: t = time.perf_counter()
        if train:
            loss = lossf(model(x), y); opt.zero_grad(); loss.backward(); opt.step()
        else:
            with torch.no_grad(): model(x)
        if i >= 1: n += len(y)
    return n / (time.perf_counter() - t)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--backbone", default="efficientnet_lite0"); ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--batch", type=int, default=32); ap.add_argument("--steps", type=int, default=12)
    a = ap.parse_args()
    tax = load_taxonomy("atlas")
    atlas = load_atlas()
    df = atlas[atlas.split == "train"].iloc[: a.batch * (a.steps + 1)]
    model, info = build_backbone(a.backbone, len(tax.fine), "builtin" if a.backbone == "efficientnet_lite0" else None, a.size)
    stats = (info["mean"], info["std"])
    print(f"{a.backbone} at {a.size}px, batch {a.batch}, {torch.get_num_threads()} threads, fp32, CPU; {len(df)} atlas images")
    t = time.perf_counter(); cached = ManifestDataset(df, tax, "fine", a.size, stats, cache=True)
    print(f"  decode + resize into memory: {len(df) / (time.perf_counter() - t):8.1f} img/s")
    mem = [(torch.randn(a.batch, 3, a.size, a.size), torch.randint(0, 7, (a.batch,))) for _ in range(a.steps + 1)]
    print(f"  train, model only (tensors in memory): {timed_steps(model, mem):8.1f} img/s")
    for label, ds in (("cached images", cached), ("decoded from disk each time", ManifestDataset(df, tax, "fine", a.size, stats, cache=False))):
        dl = torch.utils.data.DataLoader(ds, batch_size=a.batch, shuffle=True)
        print(f"  train, end to end ({label}): {timed_steps(model, dl):8.1f} img/s")
    print(f"  eval, model only: {timed_steps(model, mem, train=False):8.1f} img/s")
    dl = torch.utils.data.DataLoader(ManifestDataset(df, tax, "fine", a.size, stats, cache=False), batch_size=2 * a.batch)
    print(f"  eval, end to end (decoded from disk): {timed_steps(model, dl, train=False):8.1f} img/s")


if __name__ == "__main__":
    main()
