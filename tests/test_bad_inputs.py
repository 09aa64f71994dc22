"""Bad configs and bad data fail before any work: one line per problem, naming the dotted key, no traceback,
nothing written but the error. Each case runs `flare run` in-process on a config that is the demo plus one mistake."""
from pathlib import Path

import pytest
import torch
import yaml
from PIL import Image

from flare_nb.cli import main

BAD = {   # config (demo + these keys) -> the dotted key its one error line must name
    "empty augmentation list": ({"mix": {"augmentations": []}}, "mix.augmentations"),
    "duplicate augmentation": ({"mix": {"augmentations": ["hflip", "hflip"]}}, "mix.augmentations"),
    "unknown augmentation": ({"mix": {"augmentations": ["sepia"]}}, "mix.augmentations"),
    "negative sampling steps": ({"synth": {"steps": -3}}, "synth.steps"),
    "zero training steps": ({"upscale": {"method": "swinir-tiny", "train_steps": 0}}, "upscale.train_steps"),
    "zero tile": ({"upscale": {"tile": 0}}, "upscale.tile"),
    "zero LR size": ({"data": {"lr_size": 0}}, "data.lr_size"),
    "zero epochs": ({"train": {"epochs": 0}}, "train.epochs"),
    "negative batch": ({"train": {"batch_size": -8}}, "train.batch_size"),
    "checkpoint the method ignores": ({"upscale": {"checkpoint": "SwinIR_x4.pth"}}, "upscale.checkpoint"),
    "generator checkpoint ignored": ({"synth": {"checkpoint": "checkpoints/unidiffuser-v1"}}, "synth.checkpoint"),
    "missing SwinIR file": ({"upscale": {"method": "swinir", "checkpoint": "/nowhere/SwinIR_x4.pth"}}, "upscale.checkpoint"),
    "missing UniDiffuser folder": ({"synth": {"generator": "unidiffuser", "checkpoint": "/nowhere/uni"}}, "synth.checkpoint"),
    "missing data folder": ({"data": {"source": "folder", "root": "/nowhere/data"}}, "data.root"),
    "unknown backbone": ({"train": {"backbones": ["resnet9000"]}}, "train.backbones"),
    "missing pretrained file": ({"train": {"pretrained": "/nowhere/{backbone}.pth"}}, "train.pretrained"),
}
if not torch.cuda.is_available(): BAD["cuda without a GPU"] = ({"device": "cuda"}, "device")


def _flare_run(cfg: dict, tmp_path: Path, capsys) -> tuple[int, list[str]]:
    p = tmp_path / "c.yaml"; p.write_text(yaml.safe_dump(cfg))
    rc = main(["run", str(p), "--out", str(tmp_path / "run"), "--quiet"])
    return rc, capsys.readouterr().err.strip().splitlines()


@pytest.mark.parametrize("case", list(BAD))
def test_bad_value_is_one_line_naming_its_key(case, tmp_path, capsys):
    cfg, key = BAD[case]
    rc, lines = _flare_run(cfg, tmp_path, capsys)
    assert rc == 2
    assert len(lines) == 1 and lines[0].startswith("flare run: error:") and f": {key}:" in lines[0], lines
    assert not (tmp_path / "run").exists()          # checked before any stage: nothing made, nothing trained


def test_every_problem_at_once(tmp_path, capsys):
    cfg = {"synth": {"steps": -3}, "mix": {"augmentations": []}, "train": {"epochs": 0}, "upscale": {"checkpoint": "x.pth"}}
    rc, lines = _flare_run(cfg, tmp_path, capsys)
    assert rc == 2 and len(lines) == 4 and not any("Traceback" in l for l in lines), lines


def _folder(root: Path, counts: dict[str, int]) -> Path:
    for cls, n in counts.items():
        (root / cls).mkdir(parents=True)
        for i in range(n): Image.new("RGB", (64, 64), (10 * i, 20, 30)).save(root / cls / f"{i}.png")
    return root


@pytest.mark.parametrize("counts,says", [({"comet": 6}, "needs at least 2"),
                                         ({"comet": 6, "planet": 2}, "'planet' has 2 image(s)"),
                                         ({"comet": 6, "unicorn": 4}, "'unicorn' (4 images) is not a class")])
def test_data_that_cannot_be_split_fails_before_training(counts, says, tmp_path, capsys):
    root = _folder(tmp_path / "data", counts)
    rc, lines = _flare_run({"data": {"source": "folder", "root": str(root), "taxonomy": "spacenet"}}, tmp_path, capsys)
    assert rc == 2 and any(says in l and ": data.root:" in l for l in lines), lines
    assert not (tmp_path / "run").exists()


def test_empty_unknown_class_folder_is_ignored_with_a_warning(tmp_path, capsys, caplog):
    from flare_nb.atlas import manifest_from_folder
    root = _folder(tmp_path / "data", {"comet": 3, "planet": 3}); (root / "unicorn").mkdir()
    man, _ = manifest_from_folder(root, "spacenet")
    assert len(man) == 6 and any("unicorn" in r.getMessage() and "ignored" in r.getMessage() for r in caplog.records)
