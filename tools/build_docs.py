"""Build the documentation site offline: the notebooks (with their saved outputs) + an API reference.

    python tools/build_docs.py [--out _site]

Quarto (nbdev_docs) cannot be installed here, so the site is built with MkDocs + Material +
mkdocs-jupyter. The notebooks are rendered from cleaned copies: nbdev's `#|` directive lines and
`#| hide` cells are removed (MkDocs would show them as-is). Navigation follows nbs/sidebar.yml (the
same order nbdev's Quarto site uses). The API reference page is generated with nbdev's `show_doc`
from every exported symbol, in notebook order. Notebooks are not executed during the build: pages
show the outputs saved in the notebooks.
"""
import argparse, importlib, os, re, shutil, subprocess, sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]

def notebooks() -> list[str]:
    "Notebook names in sidebar order."
    side = yaml.safe_load((ROOT / "nbs" / "sidebar.yml").read_text())
    return side["website"]["sidebar"]["contents"]

def clean(nb):
    "Drop hidden cells and directive lines; keep outputs."
    cells = []
    for c in nb.cells:
        src = c.source
        if c.cell_type == "code":
            lines = src.splitlines()
            if any(re.match(r"#\|\s*hide\b", l) for l in lines): continue
            lines = [l for l in lines if not l.lstrip().startswith("#|")]
            if not "".join(lines).strip() and not c.get("outputs"): continue
            c.source = "\n".join(lines).strip("\n")
        cells.append(c)
    nb.cells = cells
    # progress-bar widgets need a widget manager from a CDN: keep their text form only
    nb.metadata.pop("widgets", None)
    for c in nb.cells:
        for o in c.get("outputs", []):
            o.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    return nb

def title(nb) -> str:
    for c in nb.cells:
        if c.cell_type == "markdown":
            m = re.match(r"#\s+(.+)", c.source.strip())
            if m: return m[1].strip().strip("`").replace("`", "")
    return "?"

def module_of(nb) -> str | None:
    for c in nb.cells:
        m = re.search(r"#\|\s*default_exp\s+(\S+)", c.source)
        if m: return m[1]
    return None

def api_page(mods: list[tuple[str, str]]) -> str:
    "API reference from nbdev's show_doc, one section per module."
    from nbdev.showdoc import show_doc
    out = ["# API reference", "", "Every function and class `flare_nb` exports, module by module in notebook order "
           "(generated from the code's signatures, docments and docstrings by nbdev's `show_doc`).", ""]
    for mod, page in mods:
        m = importlib.import_module(f"flare_nb.{mod}")
        out += [f"## flare_nb.{mod}", "", f"Narrative and examples: [{page}]({page})", ""]
        for name in getattr(m, "__all__", []):
            obj = getattr(m, name)
            if not callable(obj): continue
            md = show_doc(obj, title_level=3)._repr_markdown_()
            md = "\n".join(l for l in md.splitlines() if not l.startswith("[source]") and l.strip() != "---")
            out += [md.strip(), ""]
    return "\n".join(out)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "_site", help="site folder (default: %(default)s)")
    args = ap.parse_args()
    work = ROOT / "_docs_build"
    shutil.rmtree(work, ignore_errors=True); (work / "docs").mkdir(parents=True)
    nav, mods = [], []
    for name in notebooks():
        nb = nbformat.read(ROOT / "nbs" / name, as_version=4)
        mod = module_of(nb)
        nbformat.write(clean(nb), work / "docs" / name)
        nav.append({("Home" if name == "index.ipynb" else title(nb)): name})
        if mod: mods.append((mod, name))
    for extra in ("styles.css",):
        if (ROOT / "nbs" / extra).is_file(): shutil.copy(ROOT / "nbs" / extra, work / "docs" / extra)
    if (ROOT / "nbs" / "images").is_dir(): shutil.copytree(ROOT / "nbs" / "images", work / "docs" / "images")
    (work / "docs" / "api.md").write_text(api_page(mods))
    nav.append({"API reference": "api.md"})
    cfg = {"site_name": "flare_nb", "site_description": "FLARE: diffusion-based data augmentation for astronomical image classification",
           "docs_dir": str(work / "docs"), "site_dir": str(args.out.resolve()), "use_directory_urls": True,
           "theme": {"name": "material", "font": False, "features": ["navigation.footer", "toc.integrate"]},
           "nav": nav, "plugins": [{"search": {}}, {"mkdocs-jupyter": {"include_source": True, "execute": False,
                                                                       "ignore_h1_titles": True, "include_requirejs": False}}],
           "markdown_extensions": ["tables", "admonition", {"toc": {"permalink": True}}]}
    (work / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(work / "mkdocs.yml")], env=env)
    if r.returncode: sys.exit(r.returncode)
    print(f"site written to {args.out} ({len(nav)} pages); open {args.out / 'index.html'}")

if __name__ == "__main__": main()
