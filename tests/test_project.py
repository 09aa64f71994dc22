"""The project's shape: notebooks follow the house rules, the package installs, the README is in step."""
import configparser
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (ROOT / "nbs").glob("[0-9][0-9]*.ipynb"))


def test_there_are_numbered_notebooks():
    assert [p.name for p in NOTEBOOKS][:1] == ["00_core.ipynb"]


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_opens_with_title_summary_and_one_default_exp(nb_path):
    cells = nbformat.read(nb_path, as_version=4).cells
    md = [c.source for c in cells if c.cell_type == "markdown"]
    assert md and md[0].startswith("# "), f"{nb_path.name}: the first markdown cell must be '# Title'"
    assert any(s.lstrip().startswith("> ") for s in md[:2]), f"{nb_path.name}: a '> one-line summary' must follow the title"
    exps = [c.source for c in cells if c.cell_type == "code" and "#| default_exp" in c.source]
    assert len(exps) == 1, f"{nb_path.name}: needs exactly one '#| default_exp' cell, found {len(exps)}"
    module = exps[0].split("default_exp", 1)[1].split()[0]
    assert (ROOT / "flare_nb" / f"{module.replace('.', '/')}.py").exists(), f"{module}.py was not exported"


def test_sidebar_lists_every_notebook_in_order():
    side = (ROOT / "nbs" / "sidebar.yml").read_text()
    listed = [l.strip()[2:] for l in side.splitlines() if l.strip().startswith("- ")]
    assert listed == ["index.ipynb"] + [p.name for p in NOTEBOOKS]


def test_top_level_quarto_config_is_the_nbs_one():
    top = ROOT / "_quarto.yml"
    assert top.is_symlink() and top.resolve() == (ROOT / "nbs" / "_quarto.yml").resolve()
    assert "metadata-files" in top.read_text()


def test_readme_is_generated_from_index_notebook():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "make_readme.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_settings_declare_the_card_packages_and_the_cli():
    c = configparser.ConfigParser(delimiters=["="]); c.read(ROOT / "settings.ini")
    d = c["DEFAULT"]
    reqs = (d["requirements"] + " " + d["dev_requirements"]).lower()
    for pkg in ["nbdev", "jupyterlab", "torch", "torchvision", "diffusers", "transformers", "basicsr", "timm",
                "captum", "scikit-learn", "seaborn"]:
        assert pkg in reqs, f"{pkg} missing from settings.ini requirements"
    assert d["console_scripts"].split() == ["flare=flare_nb.cli:main"]
    assert d["tst_flags"].split() == ["slow", "cuda", "network", "exercise"]   # exercise: the course's cells, timed by tools/time_exercises.py


def test_pinned_requirements_match_settings_names():
    pinned = {l.split("==")[0].lower() for l in (ROOT / "tools" / "requirements.txt").read_text().splitlines()
              if l and not l.startswith("#")}
    assert {"nbdev", "diffusers", "transformers", "timm", "captum", "scikit-learn", "seaborn", "jupyterlab"} <= pinned


def test_package_imports_in_a_fresh_interpreter():
    r = subprocess.run([sys.executable, "-c", "import flare_nb.core, flare_nb; print(flare_nb.__version__)"],
                       capture_output=True, text=True, cwd="/")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "0.1.0"


def test_flare_console_script_is_installed():
    exe = Path(sys.executable).parent / "flare"
    r = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "config" in r.stdout and "demo" in r.stdout


def test_flare_check_reports_bad_config_without_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"; bad.write_text("train:\n  backbone: resnet50\n")
    r = subprocess.run([str(Path(sys.executable).parent / "flare"), "check", str(bad)], capture_output=True, text=True)
    assert r.returncode == 2
    assert "train.backbone" in r.stderr and "Traceback" not in r.stderr


def test_basicsr_imports_through_the_package_shim():
    r = subprocess.run([sys.executable, "-c", "import flare_nb.core as c; c.import_basicsr(); print('ok')"],
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr[-2000:]


def test_readme_numbers_come_from_the_committed_demo_results():
    "The README's results table, verdict and timings are what the committed result files say (no number typed by hand)."
    import pandas as pd
    from flare_nb.analysis import summary_table, verdict
    demo = ROOT / "results" / "demo"
    res = pd.read_csv(demo / "results.csv")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert summary_table(res).to_markdown() in readme
    assert verdict(res, "fine") in readme
    t = pd.read_csv(demo / "timings.csv")
    assert f"(total {t['seconds'].sum():.0f} s, {t['seconds'].sum() / 60:.1f} min)" in readme
    import yaml
    from flare_nb.analysis import training_budget
    from flare_nb.core import config_to_dict, demo_config
    assert training_budget(yaml.safe_load((demo / "config.yaml").read_text())["train"]) in readme   # the protocol of the committed run
    assert training_budget(config_to_dict(demo_config())["train"]) in readme                        # and of `flare demo` today (its stage table)


def test_readme_study_numbers_come_from_the_committed_predictions(tmp_path):
    "The study's tables are what its committed per-object predictions give, and the README shows exactly their report."
    import shutil
    import pandas as pd
    from flare_nb.analysis import hr_arm_verdict, study_report, write_study_tables
    study = ROOT / "results" / "study"
    for f in ("predictions.csv", "runs.csv", "study.json"): shutil.copyfile(study / f, tmp_path / f)
    fresh = write_study_tables(tmp_path, tmp_path)
    for name, t in fresh.items():   # the committed tables: regenerated from predictions.csv (same bootstrap seed), equal within float noise
        committed = pd.read_csv(study / f"{name}.csv", index_col=0 if name.startswith("accuracy") else None)
        pd.testing.assert_frame_equal(committed, pd.read_csv(tmp_path / f"{name}.csv", index_col=0 if name.startswith("accuracy") else None),
                                      check_exact=False, rtol=1e-9)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert study_report(study) in readme and hr_arm_verdict(study) in readme
    assert "flare study --seeds 0 1" in readme and "python tools/publish_study.py" in readme


STEPS = {"02_upscaling": "upscaling", "03_synthesis": "synthesis", "04_mixing": "mixing", "05_training": "training", "06_analysis": "analysis"}


def test_every_step_notebook_opens_with_a_card_naming_real_exports():
    "Each step notebook's card says 'Step i of 5', shows an equation or says it has none, and lists only names its module exports."
    import importlib, re
    import nbformat
    for i, (nb_name, module) in enumerate(STEPS.items(), 1):
        cells = nbformat.read(ROOT / "nbs" / f"{nb_name}.ipynb", as_version=4).cells
        card = next(c.source for c in cells[:6] if c.cell_type == "markdown" and "Step " in c.source)
        assert f"Step {i} of 5" in card, nb_name
        names = re.findall(r"`(\w+)`", card.split("main exports |")[1].split("\n|---")[-1].splitlines()[-1].split("|")[-2])
        missing = set(names) - set(importlib.import_module(f"flare_nb.{module}").__all__)
        assert names and not missing, (nb_name, missing)
