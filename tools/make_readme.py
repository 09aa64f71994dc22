"""Write README.md from nbs/index.ipynb without Quarto (which `nbdev_readme` needs and this machine lacks).

Hidden cells and nbdev directive lines (`#| ...`) are dropped; code cells keep their saved outputs;
a cell flagged `#| echo: false` shows only its output (generated prose, as on the docs site).
Usage: python tools/make_readme.py [--check]   (--check: exit 1 if README.md is out of date)
"""
import sys
from pathlib import Path

import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parents[1]


def render(nb_path: Path = ROOT / "nbs" / "index.ipynb") -> str:
    "The README text for the index notebook."
    nb = nbformat.read(nb_path, as_version=4)
    keep = []
    for cell in nb.cells:
        lines = cell.source.splitlines()
        directives = [l.strip() for l in lines if l.strip().startswith("#|")]
        if any(d.replace(" ", "") in ("#|hide", "#|exporti", "#|export") for d in directives): continue
        if "#|echo:false" in [d.replace(" ", "") for d in directives]:   # the output alone, as markdown
            text = "".join(o.get("data", {}).get("text/markdown", "") or o.get("text", "") for o in cell.get("outputs", []))
            if text: keep.append(nbformat.v4.new_markdown_cell(text))
            continue
        cell.source = "\n".join(l for l in lines if not l.strip().startswith("#|")).strip("\n")
        if cell.source or cell.get("outputs"): keep.append(cell)
    nb.cells = keep
    body, _ = MarkdownExporter().from_notebook_node(nb)
    head = "<!-- Generated from nbs/index.ipynb by tools/make_readme.py: edit the notebook, not this file. -->\n\n"
    body = body.replace("](images/", "](nbs/images/")   # figures live next to the notebooks
    return head + body.strip() + "\n"


if __name__ == "__main__":
    text, readme = render(), ROOT / "README.md"
    if "--check" in sys.argv:
        ok = readme.exists() and readme.read_text(encoding="utf-8") == text
        print("README.md is up to date" if ok else "README.md is out of date: run python tools/make_readme.py")
        sys.exit(0 if ok else 1)
    readme.write_text(text, encoding="utf-8")
    print(f"wrote {readme}")
