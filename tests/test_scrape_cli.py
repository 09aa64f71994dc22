"`flare scrape --api URL` and a config's data.api reach a mirror (here a local server) instead of NASA."
import functools, http.server, io, json, subprocess, sys, threading
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
FLARE = [sys.executable, "-c", "import sys; from flare_nb.cli import main; sys.exit(main())"]


def _jpeg(seed: int) -> bytes:
    a = np.random.default_rng(seed).normal(40, 30, (160, 200, 3)).clip(0, 255).astype(np.uint8)
    b = io.BytesIO(); Image.fromarray(a).save(b, "JPEG", quality=90); return b.getvalue()


class Mirror(http.server.BaseHTTPRequestHandler):
    "Search, asset and image routes in the shape of NASA's Image Library API."
    def log_message(self, *a): pass
    def do_GET(self):
        base = f"http://{self.headers['Host']}"
        if self.path.startswith("/search"):
            items = [{"data": [{"nasa_id": f"M{i}", "title": f"comet {i}", "media_type": "image"}]} for i in range(2)]
            body, ctype = json.dumps({"collection": {"items": items, "links": []}}).encode(), "application/json"
        elif self.path.startswith("/asset/"):
            nid = self.path.split("/")[-1]
            body, ctype = json.dumps({"collection": {"items": [{"href": f"{base}/img/{nid}~large.jpg"}]}}).encode(), "application/json"
        elif self.path.startswith("/img/"): body, ctype = _jpeg(int(self.path.split("/")[-1][1])), "image/jpeg"
        else: self.send_response(404); self.end_headers(); return
        self.send_response(200); self.send_header("Content-Type", ctype); self.send_header("Content-Length", str(len(body)))
        self.end_headers(); self.wfile.write(body)


@pytest.fixture
def mirror():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Mirror)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown(); srv.server_close()


@pytest.mark.parametrize("how", ["option", "config"])
def test_scrape_reaches_the_given_api(mirror, tmp_path, how):
    out = tmp_path / "scraped"
    if how == "option":
        args = ["scrape", "--out", str(out), "--api", mirror, "--query", "comet=comet", "--max-per-class", "2"]
    else:
        cfg = tmp_path / "c.yaml"
        cfg.write_text(yaml.safe_dump({"data": {"source": "nasa", "root": str(out), "taxonomy": "spacenet",
                                                "queries": {"comet": "comet"}, "api": mirror}}))
        args = ["scrape", "--config", str(cfg), "--max-per-class", "2"]
    r = subprocess.run([*FLARE, *args], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    rows = (out / "manifest.csv").read_text().splitlines()
    assert len(rows) == 3 and all(mirror in l for l in rows[1:]), rows   # two images, both from the mirror
