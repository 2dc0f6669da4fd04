"""Write data/real-layouts/manifest.json: the real-layouts documents, their split and layout family.

    python data/real-layouts/make_manifest.py [--shared ../shared/real-layouts]

The texts and gold records stay in the shared folder (referenced, never copied); the manifest keeps
their sha256 so that an edit there stops the evaluation instead of silently moving its numbers.
The family of each document is taken from the catalogs README-rla.md and README-rlb.md (their
"layout family" column and "Layout families seen" sections); `layout` keeps the catalog's own words.
Rerun it when the shared folder changes, then rewrite the baselines that rest on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
SHARED = Path("..") / "shared" / "real-layouts"  # relative to the repository root, as the seeds' manifest

# Layout family id -> what it looks like, and the documents the catalogs list under it.
FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "space_rows": ("space-separated cells, one table row per line (web text, indented plain text; header words may wrap)",
                   ("rla01", "rla09", "rla16", "rlb02", "rlb05", "rlb10", "rlb13")),
    "pipe_rows": ("a whole row per line, ' | ' between cells, runs of empty cells as '||||'; may start mid-table",
                  ("rla02", "rla03", "rla05", "rlb08", "rlb14")),
    "cell_per_line_pipe": ("one cell per line ending in ' |', pipe-only filler lines",
                           ("rla04", "rla06", "rlb04")),
    "cell_per_line_blank": ("one cell per line with a blank line between cells (empty cells a lone space)",
                            ("rla08", "rla10", "rlb03", "rlb15")),
    "cell_per_line_bare": ("doc-sharing-site preview: one cell per line, no separators and no blank lines, preview jumps",
                           ("rlb07",)),
    "flattened_run": ("whole table flattened into one run with no separators, preview chunk markers ('1、', '2、')",
                      ("rla11",)),
    "row_cells_run_together": ("one row per line with its cells run together without separators, blank-line runs",
                               ("rla12",)),
    "prose": ("prose self-evaluation report: funds, score and indicators stated in sentences",
              ("rla07", "rla13", "rla14", "rlb06", "rlb09")),
    "traditional_mirror": ("traditional-Chinese mirror page with inline pinyin (運(yùn)行), as prose, space rows or flattened",
                           ("rla15", "rla17", "rlb01", "rlb11", "rlb12")),
}
_ROW = re.compile(r"^\|\s*(rl[ab]\d\d)\s*\|\s*((?:[^|\\]|\\.)+?)\s*\|")  # a cell may hold an escaped pipe (\|)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def layouts(shared: Path) -> dict[str, str]:
    """doc -> the catalog's 'layout family' cell (README-rla.md, README-rlb.md)."""
    out = {}
    for readme in ("README-rla.md", "README-rlb.md"):
        for line in (shared / readme).read_text(encoding="utf-8").splitlines():
            if m := _ROW.match(line):
                out[m.group(1)] = m.group(2).replace("\\|", "|")
    return out


def build(shared: Path) -> dict:
    family_of = {doc: family for family, (_, docs) in FAMILIES.items() for doc in docs}
    names = sorted(p.name.removesuffix(".txt") for p in shared.glob("rl[ab]*.txt"))
    missing = sorted(set(names) ^ set(family_of))
    if missing:
        raise SystemExit(f"documents without a family, or families naming absent documents: {', '.join(missing)}")
    words = layouts(shared)
    documents = []
    for name in names:
        documents.append({
            "name": name,
            "text": str(SHARED / f"{name}.txt"),
            "sha256": sha256(shared / f"{name}.txt"),
            "gold": str(SHARED / f"{name}.gold.json"),
            "gold_sha256": sha256(shared / f"{name}.gold.json"),
            "split": name[:3],
            "family": family_of[name],
            "layout": words.get(name),
        })
    return {
        "description": "Real layouts with invented contents (shared/real-layouts): rla is the development split, rlb the "
                       "held-out one. Texts and gold records are referenced from the repo root, never copied; "
                       "JIXIAO_REAL_LAYOUTS_DIR points elsewhere. Written by data/real-layouts/make_manifest.py.",
        "texts_setting": "real_layouts_dir",
        "families": {family: words_ for family, (words_, _) in FAMILIES.items()},
        "documents": documents,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO_ROOT / SHARED)
    ap.add_argument("--out", type=Path, default=HERE / "manifest.json")
    args = ap.parse_args(argv)
    manifest = build(args.shared.resolve())
    args.out.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(manifest['documents'])} documents)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
