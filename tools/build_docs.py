"""Build the documentation site offline: the notebooks (with their saved outputs) + an API reference.

    python tools/build_docs.py [--out _site]

Quarto (nbdev_docs) cannot be installed here, so the site is built with MkDocs + Material +
mkdocs-jupyter. The notebooks are rendered from cleaned copies: nbdev's `#|` directive lines and
`#| hide` cells are removed (MkDocs would show them as-is). Navigation follows nbs/sidebar.yml (the
same order nbdev's Quarto site uses). The API reference page is generated with nbdev's `show_doc`
from every exported symbol, in notebook order. Notebooks are not executed during the build: pages
show the outputs saved in the notebooks.

On each notebook page, every exported function or class gets its signature and a parameter table
(from its docments, via fastcore) right under the cell that defines it, and a long exported cell's
source is folded into a "source" box. Equations ($...$, $$...$$) are rendered by MathJax 2.7.9,
fetched once from the npm registry (`npm pack`, integrity-checked by npm) into .cache/ and served
with the site: no CDN.
"""
import argparse, ast, html, importlib, os, re, shutil, subprocess, sys, tarfile
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]

def notebooks() -> list[str]:
    "Notebook names in sidebar order."
    side = yaml.safe_load((ROOT / "nbs" / "sidebar.yml").read_text())
    return side["website"]["sidebar"]["contents"]

MATHJAX = "2.7.9"
FOLD_LINES = 12   # exported cells longer than this are folded into a "source" box

def param_table(obj) -> str:
    "A markdown table of a function's (or class's __init__'s) parameters from its docments: name, type, default, meaning."
    from fastcore.docments import docments
    try: d = docments(obj, full=True)
    except (TypeError, ValueError): return ""
    rows = []
    for name, v in d.items():
        if name in ("return", "self"): continue
        anno = "" if v["anno"] is inspect_empty() else getattr(v["anno"], "__name__", str(v["anno"]))
        default = "" if v["default"] is inspect_empty() else repr(v["default"])
        rows.append(f"| `{name}` | {('`' + anno + '`') if anno else ''} | {('`' + default + '`') if default else ''} | {v['docment'] or ''} |")
    return "| parameter | type | default | meaning |\n|---|---|---|---|\n" + "\n".join(rows) if rows else ""

def inspect_empty():
    import inspect
    return inspect.Parameter.empty

def doc_cells(src: str, module) -> list:
    "Markdown cells with the signature and parameter table of each exported name that `src` defines."
    from nbdev.showdoc import show_doc
    try: tree = ast.parse(src)
    except SyntaxError: return []
    names = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in getattr(module, "__all__", [])]
    out = []
    for name in names:
        md = show_doc(getattr(module, name), title_level=4)._repr_markdown_()
        md = "\n".join(l for l in md.splitlines() if not l.startswith("[source]") and l.strip() != "---").strip()
        out.append(nbformat.v4.new_markdown_cell(md + "\n\n" + param_table(getattr(module, name))))
    return out

def clean(nb, module=None):
    "Drop hidden cells and directive lines, keep outputs; document and fold exported cells of `module`."
    cells = []
    for c in nb.cells:
        src = c.source
        if c.cell_type == "code":
            lines = src.splitlines()
            if any(re.match(r"#\|\s*hide\b", l) for l in lines): continue
            exported = any(re.match(r"#\|\s*export", l) for l in lines)
            lines = [l for l in lines if not l.lstrip().startswith("#|")]
            if not "".join(lines).strip() and not c.get("outputs"): continue
            c.source = "\n".join(lines).strip("\n")
            if exported and module is not None:
                docs = doc_cells(c.source, module)
                if len(lines) > FOLD_LINES:
                    cells.append(nbformat.v4.new_markdown_cell(f"<details class=\"flare-source\"><summary>source ({len(lines)} lines)</summary>\n"
                                                               f"<pre><code class=\"language-python\">{html.escape(c.source).replace(chr(10), '&#10;')}</code></pre>\n</details>"))   # one line: a blank line would end the HTML block
                else: cells.append(c)
                cells += docs
                continue
        cells.append(c)
    nb.cells = cells
    # progress-bar widgets need a widget manager from a CDN: keep their text form only
    nb.metadata.pop("widgets", None)
    for c in nb.cells:
        for o in c.get("outputs", []):
            o.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    return nb

MATHJAX_URL = "@SITE@/assets/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
MATHJAX_PARTS = ("MathJax.js", "config/", "jax/input/TeX/", "jax/output/CommonHTML/", "jax/element/", "extensions/",
                 "localization/en/", "fonts/HTML-CSS/TeX/woff/")

def mathjax(dest: Path) -> Path:
    "MathJax (pinned) from the npm registry, cached in .cache/, the parts the site needs copied to `dest`."
    cache = ROOT / ".cache" / f"mathjax-{MATHJAX}.tgz"
    if not cache.is_file():
        cache.parent.mkdir(parents=True, exist_ok=True)
        r = subprocess.run(["npm", "pack", f"mathjax@{MATHJAX}", "--pack-destination", str(cache.parent)], capture_output=True, text=True)
        if r.returncode or not cache.is_file(): sys.exit(f"could not fetch mathjax@{MATHJAX} from the npm registry: {r.stderr[-500:]}")
    with tarfile.open(cache) as t:
        for m in t.getmembers():
            rel = m.name.removeprefix("package/")
            if m.isfile() and rel.startswith(MATHJAX_PARTS):
                out = dest / rel; out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(t.extractfile(m).read())
    return dest

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
    mathjax(work / "docs" / "assets" / "mathjax")
    for name in notebooks():
        nb = nbformat.read(ROOT / "nbs" / name, as_version=4)
        mod = module_of(nb)
        nbformat.write(clean(nb, importlib.import_module(f"flare_nb.{mod}") if mod else None), work / "docs" / name)
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
                                                                       "ignore_h1_titles": True, "include_requirejs": False,
                                                                       "custom_mathjax_url": MATHJAX_URL}}],
           "markdown_extensions": ["tables", "admonition", {"toc": {"permalink": True}}]}
    (work / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(work / "mkdocs.yml")], env=env)
    if r.returncode: sys.exit(r.returncode)
    for page in args.out.rglob("*.html"):   # MathJax from the site itself, at the right depth for each page
        depth = len(page.relative_to(args.out).parts) - 1
        text = page.read_text(encoding="utf-8")
        if "@SITE@" in text: page.write_text(text.replace("@SITE@", "/".join([".."] * depth) or "."), encoding="utf-8")
    print(f"site written to {args.out} ({len(nav)} pages); open {args.out / 'index.html'}")

if __name__ == "__main__": main()
