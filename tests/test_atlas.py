"""The shipped demo atlas: installed with the package, and reproducible from Debian's stellarium-data."""
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from flare_nb.atlas import STELLARIUM_DIR, atlas_dir, build_atlas, load_atlas

ROOT = Path(__file__).resolve().parents[1]


def test_atlas_is_small_enough_to_ship():
    size = sum(f.stat().st_size for f in atlas_dir().rglob("*") if f.is_file())
    assert size < 25 * 2**20, f"atlas is {size / 2**20:.1f} MiB"


def test_every_image_has_credit_licence_and_files():
    man = load_atlas()
    assert len(man) > 400
    assert man["credit"].str.strip().ne("").all()
    assert man["licence"].str.strip().ne("").all()
    assert all(Path(p).is_file() for p in man["path"]) and all(Path(p).is_file() for p in man["hr_path"])
    assert (atlas_dir() / "DATASHEET.md").is_file() and (atlas_dir() / "excluded.csv").is_file()


def test_loads_with_no_network_and_no_apt_data(tmp_path):
    # a fresh interpreter where the Stellarium folder is hidden: the shipped copy needs neither
    code = ("import flare_nb.atlas as a, pathlib; a.STELLARIUM_DIR = pathlib.Path('/nonexistent'); "
            "m = a.load_atlas(); print(len(m), m['fine'].nunique())")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                       env={"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "no_proxy": "*", "http_proxy": "http://127.0.0.1:9"})
    assert r.returncode == 0, r.stderr[-2000:]
    n, k = map(int, r.stdout.split())
    assert n == len(load_atlas()) and k == 7


def test_wheel_contains_the_atlas(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    names = zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist()
    n_lr = sum(n.startswith("flare_nb/data/atlas/lr/") for n in names)
    assert n_lr == len(load_atlas()) and "flare_nb/data/atlas/atlas.csv" in names


@pytest.mark.skipif(not (STELLARIUM_DIR / "textures.json").is_file(),
                    reason="Debian's stellarium-data is not installed (tools/install-system.sh installs it)")
def test_rebuild_from_apt_data_reproduces_the_shipped_copy(tmp_path):
    built = build_atlas(out=tmp_path / "atlas", progress=False)
    shipped = pd.read_csv(atlas_dir() / "atlas.csv", dtype=str, keep_default_na=False)
    rebuilt = pd.read_csv(tmp_path / "atlas" / "atlas.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(rebuilt, shipped)            # same rows, labels, credits and file hashes
    for name in ("DATASHEET.md", "excluded.csv"):
        assert (tmp_path / "atlas" / name).read_text() == (atlas_dir() / name).read_text(), name
    assert len(built) == len(shipped)


def test_every_catalogue_label_points_at_its_image():
    "A file named after one object but showing another (m102.png is NGC 5866, not M101) is caught by position."
    from pyongc import ongc
    man = pd.read_csv(atlas_dir() / "atlas.csv")
    far = []
    for r in man.itertuples():
        try: ra, dec = np.degrees(ongc.Dso(r.origin).rad_coords)
        except Exception: continue   # catalogues OpenNGC lacks (Sharpless, Barnard, ...) carry no position to compare
        a, b = np.radians([ra, dec]), np.radians([r.ra_deg, r.dec_deg])
        sep = np.degrees(np.arccos(np.clip(np.sin(a[1]) * np.sin(b[1]) + np.cos(a[1]) * np.cos(b[1]) * np.cos(a[0] - b[0]), -1, 1)))
        if sep > 3.5: far.append((r.source_file, r.origin, round(float(sep), 1)))   # IC 2118 spans 3 degrees: its 2nd tile sits 3.1 away
    assert not far, far
    assert man.loc[man.source_file == "m102.png", ["origin", "fine"]].values.tolist() == [["NGC5866", "elliptical galaxy"]]
