"The documentation site: built offline by one command, then checked page by page in a real headless browser."
import functools, http.server, re, shutil, subprocess, sys, threading
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM, DRIVER = shutil.which("chromium"), "/usr/bin/chromedriver"
SHOT = ROOT / "_site_screenshots" / "home.png"
STEP_SHOT = ROOT / "_site_screenshots" / "step_04_mixing.png"   # a step page: card with rendered equations, a signature and its parameter table
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
         "--disable-component-update --disable-sync --no-first-run").split()

def _titles() -> list[str]:
    "Expected page titles in sidebar order (the first '# ' heading of each notebook), then the API page."
    names = yaml.safe_load((ROOT / "nbs" / "sidebar.yml").read_text())["website"]["sidebar"]["contents"]
    out = []
    for n in names:
        nb = nbformat.read(ROOT / "nbs" / n, as_version=4)
        h = next(re.match(r"#\s+(.+)", c.source.strip())[1] for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("# "))
        out.append("Home" if n == "index.ipynb" else h.replace("`", ""))
    return out + ["API reference"]

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "build_docs.py"), "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/"
    srv.shutdown()

def test_build_renders_every_notebook_with_outputs(site, tmp_path):
    import urllib.request
    html = urllib.request.urlopen(site + "02_upscaling/").read().decode()
    assert "data:image/png;base64" in html            # saved outputs (Table 1 figure) are on the page
    assert "#| export" not in html and "#| hide" not in html
    api = urllib.request.urlopen(site + "api/").read().decode()
    for name in ("synthesize", "flare_mix", "train_classifier", "write_report", "run_pipeline"): assert name in api

@pytest.mark.skipif(not (CHROMIUM and Path(DRIVER).exists()), reason="needs Debian's chromium and chromium-driver (tools/install-system.sh)")
def test_site_in_headless_chromium(site):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    opts = webdriver.ChromeOptions(); opts.binary_location = CHROMIUM
    for f in FLAGS: opts.add_argument(f)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(DRIVER), options=opts)
    try:
        d.set_window_size(1280, 900); d.get(site)
        SHOT.parent.mkdir(exist_ok=True); d.save_screenshot(str(SHOT))
        nav = d.find_elements(By.CSS_SELECTOR, "nav.md-nav--primary > ul > li > a.md-nav__link")
        titles = [a.get_attribute("textContent").strip() for a in nav]
        assert titles == _titles(), titles                  # every page, in notebook order
        links = [a.get_attribute("href") for a in nav]
        problems = []
        for url in links:
            d.get(url)
            WebDriverWait(d, 20).until(lambda b: b.execute_script("return Array.from(document.images).every(i => i.complete)"))
            if not d.title or not d.find_elements(By.CSS_SELECTOR, "article h1, article h2"): problems.append((url, "no title/heading"))
            broken = d.execute_script("return Array.from(document.images).filter(i => i.naturalWidth === 0).map(i => i.src.slice(0, 80))")
            if broken: problems.append((url, f"broken images {broken}"))
            errors = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
            if errors: problems.append((url, f"console errors {errors[:3]}"))
        assert not problems, problems
        assert SHOT.stat().st_size > 10_000
        d.set_window_size(1280, 2600); d.get(site + "04_mixing/")
        WebDriverWait(d, 30).until(lambda b: b.execute_script("return document.querySelectorAll('.mjx-chtml').length > 0"))
        math = d.execute_script("return Array.from(document.querySelectorAll('.mjx-chtml')).length")
        raw_tex = d.execute_script("return document.body.innerText.includes('\\\\mathcal')")   # TeX left as text = not rendered
        tables = [t.text for t in d.find_elements(By.CSS_SELECTOR, "article table") if t.text.startswith("parameter")]
        folded = d.find_elements(By.CSS_SELECTOR, "details.flare-source")
        d.save_screenshot(str(STEP_SHOT))
        assert math >= 4 and not raw_tex, (math, raw_tex)      # the card's equations and the section titles' math, typeset
        assert any("augment" in t or "share" in t for t in tables), tables[:2]   # parameter tables from the docments
        assert folded                                           # long exported source folded away
    finally: d.quit()
