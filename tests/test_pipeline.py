"`flare run` end to end on a small config, in a subprocess: killed mid-stage, re-run, re-run again."
import os, signal, subprocess, sys, time
from pathlib import Path

import pandas as pd
import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
FLARE = [sys.executable, "-c", "import sys; from flare_nb.cli import main; sys.exit(main())"]
TINY = {"name": "tiny", "data": {"max_per_class": 4}, "upscale": {"method": "bicubic"},
        "mix": {"augmentations": ["hflip", "color_jitter"]},
        "synth": {"size": 16, "train_steps": 3, "steps": 3},
        "train": {"img_size": 32, "steps": 6, "eval_every": 3, "batch_size": 8}}

def _run(cfg, out, **kw):
    return subprocess.run([*FLARE, "run", str(cfg), "--out", str(out), "--quiet"], capture_output=True, text=True,
                          env=os.environ | {"HF_HUB_OFFLINE": "1"}, **kw)

def test_kill_mid_stage_then_resume(tmp_path):
    cfg, out = tmp_path / "tiny.yaml", tmp_path / "run"
    cfg.write_text(yaml.safe_dump(TINY))
    p = subprocess.Popen([*FLARE, "run", str(cfg), "--out", str(out), "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=os.environ | {"HF_HUB_OFFLINE": "1"})
    t0 = time.time()
    while time.time() - t0 < 300 and p.poll() is None and not list((out / "models").glob("data-*/*/state.json")): time.sleep(0.05)
    assert p.poll() is None, "the run ended before training started: nothing was interrupted"
    p.send_signal(signal.SIGKILL); p.wait()
    assert not (out / "data" / "train" / "stage.json").exists()          # killed inside the train stage
    r = _run(cfg, out)
    assert r.returncode == 0, r.stderr[-3000:]
    for s in ("ingest", "upscale", "augment", "synthesize", "mix"): assert f"[{s}] unchanged and intact, skipped" in r.stdout
    assert "[train] running" in r.stdout
    # nothing half-written, nothing twice, every listed file readable
    assert not [p for p in out.rglob("*") if ".tmp" in p.name]
    for man in out.glob("data/*/*.csv"):
        df = pd.read_csv(man, keep_default_na=False)
        if "path" not in df: continue
        assert not df["path"].duplicated().any(), man
        for rel in df["path"]:
            Image.open((man.parent / rel) if not Path(rel).is_absolute() else rel).verify()
    made = sorted(p.name for p in (out / "data" / "synthesize" / "raw").rglob("*.png"))
    listed = pd.read_csv(out / "data" / "synthesize" / "manifest.csv")
    assert len(made) == len(listed) == len(set(made))                      # no orphan or duplicate samples
    res = pd.read_csv(out / "models" / "results.csv")
    # (5 variants + 1 member of the demo's alpha/beta grid) x (raw, upscaled + 3 shifted test sets)
    assert len(res) == len(res.drop_duplicates(["variant", "backbone", "task", "seed", "protocol"])) == (5 + 1) * (2 + 3)
    assert (out / "reports" / "report.md").is_file()
    # a third run does nothing
    t0 = time.time(); r = _run(cfg, out)
    assert r.returncode == 0 and r.stdout.count("unchanged and intact, skipped") == 7, r.stdout
    print(f"re-run of a finished run: {time.time() - t0:.1f} s")

def test_clear_errors_not_tracebacks(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml.safe_dump({"data": {"source": "folder", "root": str(tmp_path / "empty")}}))
    (tmp_path / "empty").mkdir()
    r = _run(cfg, tmp_path / "r")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "data.root" in r.stderr and "needs at least 2" in r.stderr, r.stderr
    cfg.write_text("synth:\n  generator: unidiffuser\n  checkpoint: /nowhere/unidiffuser-v1\ndata:\n  max_per_class: 3\n"
                   "upscale:\n  method: bicubic\nmix:\n  augmentations: [hflip]\n")
    r = _run(cfg, tmp_path / "r2")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "synth.checkpoint: no diffusers pipeline folder" in r.stderr, r.stderr
