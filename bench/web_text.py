"""Record F1 of the labelled layouts (rla and the invented ones) under the whitespace and encoding changes a page's
text picks up between the bureau's file and our input, gold unchanged (every change leaves the printed facts as
the contract compares them, section 3): Windows line ends, no-break and ideographic spaces, padding after a line's
end, double spacing (every line its own paragraph), a byte-order mark and zero-width spaces, HTML entities,
tabs expanded to spaces (a terminal's or an editor's copy).

    .venv/bin/python bench/web_text.py [--mode parser] [--out bench/results/web_text.md]
"""

from __future__ import annotations

import re
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import track
from rich.table import Table

from jixiao.config import REPO_ROOT, Settings
from jixiao.eval.dataset import load_dataset
from jixiao.eval.metrics import pool, score_document
from jixiao.pipelines.document import Document
from jixiao.pipelines.extract import Extractor

_CJK_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")

CHANGES = {
    "as printed": lambda t: t,
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
    "spaces after each line": lambda t: t.replace("\n", "  \n"),
    "double spacing": lambda t: t.replace("\n", "\n\n"),
    "BOM, zero-width spaces": lambda t: "\ufeff" + _CJK_PAIR.sub(lambda m: "\u200b" if m.start() % 7 == 0 else "", t),
    "&nbsp; entities": lambda t: t.replace(" ", "&nbsp;"),
    "tabs expanded to spaces": lambda t: t.expandtabs(8),
}


def main(mode: str = "parser", out: Path = REPO_ROOT / "bench" / "results" / "web_text.md") -> None:
    extractor = Extractor.from_settings(Settings(use_tagger=mode != "parser"))
    sets = {"rla": [d for d in load_dataset(REPO_ROOT / "data" / "real-layouts") if d.name.startswith("rla")],
            "invented": list(load_dataset(REPO_ROOT / "data" / "invented-layouts"))}
    rows: list[tuple[str, dict[str, float], dict[str, int]]] = []
    for name, change in CHANGES.items():
        f1, worse = {}, {}
        for set_name, docs in sets.items():
            scores = [score_document(d.gold, extractor.extract(Document(doc_id=d.name, text=change(d.text)), mode=mode)).summary
                      for d in track(docs, description=f"{name}: {set_name}", transient=True)]
            f1[set_name] = pool(scores).facts.f1
            worse[set_name] = scores
        rows.append((name, f1, worse))
    base = {s: [x.facts.f1 for x in rows[0][2][s]] for s in sets}
    table = Table(title=f"record F1 under web-text changes ({mode} mode)")
    lines = [f"# Record F1 under web-text changes ({mode} mode)", "", "`python bench/web_text.py`; documents read "
             "lower than as printed (by more than 0.02 record F1) in brackets.", "",
             "| change | " + " | ".join(f"{s} ({len(d)})" for s, d in sets.items()) + " |",
             "| --- |" + " ---: |" * len(sets)]
    for col in ("change", *sets):
        table.add_column(col)
    for name, f1, scores in rows:
        cells = [f"{f1[s]:.4f} ({sum(x.facts.f1 < b - 0.02 for x, b in zip(scores[s], base[s]))})" for s in sets]
        table.add_row(name, *cells)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    Console().print(table)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    typer.run(main)
