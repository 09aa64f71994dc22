"""Execute notebooks in place to refresh their saved outputs (plots and tables the docs show).

Cells carrying one of settings.ini's tst_flags (slow, cuda, network) are not run, as in `nbdev_test`;
their previous outputs are cleared. Run `nbdev_clean` afterwards.
Usage: python tools/run_notebooks.py [--with slow] nbs/01a_atlas.ipynb [...]   (no notebook: all of nbs/)
  --with FLAG   also run cells with this flag (e.g. slow), to save their outputs too
  --only TEXT   run the exported and hidden cells (definitions, imports), then only the cells whose
                source contains TEXT, keeping every other cell's saved output
"""
import configparser
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def flags() -> set[str]:
    c = configparser.ConfigParser(delimiters=["="]); c.read(ROOT / "settings.ini")
    return set(c["DEFAULT"]["tst_flags"].split())


def is_flagged(src: str, skip: set[str]) -> bool:
    "Whether a cell's directives (#| slow, #| cuda, #| network) name a skipped flag."
    for line in src.splitlines():
        s = line.strip()
        if not s.startswith("#|"): break
        if set(s[2:].split()) & skip: return True
    return False


def run(path: Path, skip: set[str], only: str | None = None) -> None:
    nb = nbformat.read(path, as_version=4)
    if only is not None: return run_only(path, nb, only)
    held = {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and is_flagged(cell.source, skip):
            held[i] = cell.source
            cell.source = "# (skipped while refreshing outputs: flagged " + ", ".join(sorted(skip)) + ")"
    NotebookClient(nb, timeout=1800, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for i, src in held.items():
        nb.cells[i].source, nb.cells[i].outputs, nb.cells[i].execution_count = src, [], None
    nbformat.write(nb, path)
    print(f"executed {path} ({len(held)} flagged cell(s) not run)")


def run_only(path: Path, nb, text: str) -> None:
    "Execute the notebook's exported and `#| hide` cells (definitions, imports), then only the code cells containing `text`; save those outputs."
    idx = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and text in c.source]
    if not idx: raise SystemExit(f"{path}: no code cell contains {text!r}")
    defs = [nbformat.v4.new_code_cell(c.source) for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.startswith(("#| export", "#| hide"))
            and i not in idx]
    part = nbformat.v4.new_notebook(cells=defs + [nb.cells[i] for i in idx], metadata=nb.metadata)
    NotebookClient(part, timeout=1800, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for i, c in zip(idx, part.cells[len(defs):]): nb.cells[i] = c
    nbformat.write(nb, path)
    print(f"executed {len(idx)} cell(s) of {path} containing {text!r}")


if __name__ == "__main__":
    args, run_too, only = sys.argv[1:], set(), None
    if "--only" in args:
        i = args.index("--only"); only = args[i + 1]; del args[i : i + 2]
    while "--with" in args:
        i = args.index("--with"); run_too.add(args[i + 1]); del args[i : i + 2]
    paths = [Path(p) for p in args] or sorted((ROOT / "nbs").glob("*.ipynb"))
    for p in paths: run(p.resolve(), flags() - run_too, only)
