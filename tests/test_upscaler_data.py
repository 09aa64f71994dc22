"The shipped upscaler's training images: rebuilt from Debian's stellarium-data, none of them an atlas image."
import io

import pandas as pd
import pytest
from PIL import Image

from flare_nb.atlas import STELLARIUM_DIR, load_atlas
from flare_nb.core import copy_distance, demo_checkpoint, load_image, sha256_file, thumbnails
from flare_nb.upscaling import build_sky_set

needs_stellarium = pytest.mark.skipif(not (STELLARIUM_DIR / "textures.json").is_file(),
                                      reason="Debian's stellarium-data is not installed (tools/install-system.sh installs it)")


@needs_stellarium
def test_sky_set_rebuilds_and_shares_no_image_with_the_atlas(tmp_path):
    sky = build_sky_set(tmp_path / "sky")
    shipped = pd.read_csv(demo_checkpoint("swinir-sky") / "sky_set.csv")
    assert sorted(sky["path"].map(lambda p: p.split("/")[-1])) == sorted(shipped["path"].map(lambda p: p.split("/")[-1]))
    atlas = load_atlas()
    # 1. by content hash: no source file of the sky set is a source file of the atlas
    sky_src = {sha256_file(s) for s in set(sky["source"]) if not s.startswith("skimage:")}
    atlas_src = {sha256_file(STELLARIUM_DIR / f) for f in atlas["source_file"]}
    assert not sky_src & atlas_src
    # 2. by pixels: no processed sky image is a copy of an atlas image, flipped, turned or re-encoded
    A = thumbnails(load_image(p) for p in atlas["hr_path"])
    d = copy_distance(thumbnails(load_image(p) for p in sky["path"]), A)
    buf = io.BytesIO(); load_image(atlas["hr_path"].iloc[7]).transpose(Image.Transpose.ROTATE_90).save(buf, "JPEG", quality=70)
    control = copy_distance(thumbnails([Image.open(buf)]), A)      # a real copy is caught
    print(f"closest sky image to any atlas image: {d.min():.3f}; a re-encoded, turned atlas image: {control.max():.3f}")
    assert control.max() < 0.03 < d.min()
