"""Split long exported notebook cells at their top-level definitions, one definition per cell.

    python tools/split_cells.py nbs/07_pipeline.ipynb 15 17 19

Each listed cell (0-based index, an `#| export` cell) becomes one cell per top-level `def`,
`class` or `@patch`/`@dataclass` block, in the same order; a block shorter than 4 non-blank lines
joins the next one. The exported module changes only in its `# %%` cell markers, so behaviour is
unchanged; run nbdev_export and the notebook's tests afterwards. Used for issue #16 (small cells).
"""
import re
import sys
import uuid

import nbformat

MIN_LINES = 4
STARTS = re.compile(r"(def |async def |class |@patch|@dataclass|@delegates|@torch\.no_grad)")


def blocks(src: str) -> list[str]:
    "The cell's source cut before every top-level definition that follows a blank or comment line."
    lines = src.splitlines()
    if not lines or not lines[0].startswith("#| export"): raise ValueError(f"not an exported cell: {lines[:1]}")
    body, out, cur = lines[1:], [], []
    for i, l in enumerate(body):
        starts = STARTS.match(l) and (i == 0 or not body[i - 1].strip() or body[i - 1].startswith("#"))
        if starts and any(x.strip() for x in cur) and not cur[-1].startswith("@"):
            tail = []
            while cur and cur[-1].startswith("#"): tail.insert(0, cur.pop())   # a comment above a def belongs to it
            out.append(cur); cur = tail
        cur.append(l)
    out.append(cur)
    for b in out:
        while b and not b[-1].strip(): b.pop()
        while b and not b[0].strip(): b.pop(0)
    merged, acc = [], []
    for b in out:
        acc = acc + ([""] if acc else []) + b
        if sum(1 for x in acc if x.strip()) >= MIN_LINES: merged.append(acc); acc = []
    if acc:
        if merged: merged[-1] += [""] + acc
        else: merged.append(acc)
    return ["#| export\n" + "\n".join(b) for b in merged]


def main(path: str, cells: list[int]) -> None:
    nb = nbformat.read(path, as_version=4)
    for i in sorted(cells, reverse=True):
        parts = blocks(nb.cells[i].source)
        new = [nbformat.v4.new_code_cell(s) for s in parts]
        for c in new: c.id = uuid.uuid4().hex[:8]
        nb.cells[i : i + 1] = new
        print(f"cell {i}: {len(parts)} cell(s) of", [sum(1 for x in s.splitlines() if x.strip()) for s in parts], "non-blank lines")
    nbformat.write(nb, path)


if __name__ == "__main__": main(sys.argv[1], [int(a) for a in sys.argv[2:]])
