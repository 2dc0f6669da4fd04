"""Weak labels of the invented layouts, frozen as data.

The invented layouts (``data/invented-layouts``) print the families real bureaus publish; their weak labels
are the parser's provenance on them (``weak.label_document``), as for the seeds and rla. Unlike those, they are
read from a committed file (``weak_regions.jsonl``) rather than from the parser at training time: the readers
are still being taught these families, and a reader fix must not silently change the training corpus (the
shipped model's corpus fingerprint). ``python -m jixiao.models.weak_invented`` rewrites the file from the
current parser; the next ``jixiao train`` then trains on it.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
from pathlib import Path

from jixiao.config import REPO_ROOT
from jixiao.models.synth import LabeledText

INVENTED_DIR = REPO_ROOT / "data" / "invented-layouts"
FROZEN = INVENTED_DIR / "weak_regions.jsonl"
# Only documents the parser reads as their hand labels say give weak labels: a wrong reading would teach its
# wrong spans. 0.99 leaves room for one stray fact in a long document, not for a misread row.
MIN_WEAK_RECORD_F1 = 0.99


def freeze(gold_dir: Path = INVENTED_DIR, extractor=None) -> tuple[list[dict], dict[str, float]]:
    """Weak regions of every labeled document the parser reads at ``MIN_WEAK_RECORD_F1``, and each document's
    record F1 (the ones left out included)."""
    from jixiao.eval.dataset import load_dataset
    from jixiao.eval.metrics import score_document
    from jixiao.models.weak import label_document
    from jixiao.pipelines.extract import Extractor
    from jixiao.config import Settings

    extractor = extractor or Extractor.from_settings(Settings(use_tagger=False))
    rows: list[dict] = []
    f1: dict[str, float] = {}
    for doc in load_dataset(gold_dir):
        record = extractor.extract_text(doc.text, doc_id=doc.name, mode="parser")
        f1[doc.name] = score_document(doc.gold, record, text=doc.text).summary.facts.scores()["f1"] or 0.0
        if f1[doc.name] < MIN_WEAK_RECORD_F1:
            continue
        for region in label_document(doc.text, record):
            runs = [[s, e, eid] for s, e, eid in region.runs() if eid >= 0]
            rows.append({"doc": doc.name, "text": region.text, "types": region.types, "runs": runs})
    return rows, f1


def read_regions(patterns: list[str], path: Path = FROZEN) -> tuple[list[LabeledText], list[str]]:
    """The frozen regions of the documents whose names match ``patterns`` (globs), and those names."""
    if not patterns:
        return [], []
    regions: list[LabeledText] = []
    names: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not any(fnmatch.fnmatchcase(row["doc"], p) for p in patterns):
            continue
        ids = [-1] * len(row["text"])
        for s, e, eid in row["runs"]:
            ids[s:e] = [eid] * (e - s)
        regions.append(LabeledText(list(row["text"]), ids, list(row["types"])))
        if row["doc"] not in names:
            names.append(row["doc"])
    return regions, names


def main() -> int:
    ap = argparse.ArgumentParser(description="Rewrite the invented layouts' frozen weak labels from the current parser.")
    ap.add_argument("--gold", type=Path, default=INVENTED_DIR)
    ap.add_argument("--out", type=Path, default=FROZEN)
    args = ap.parse_args()
    rows, f1 = freeze(args.gold)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    left = sorted(n for n, v in f1.items() if v < MIN_WEAK_RECORD_F1)
    print(f"{len(rows)} regions of {len(f1) - len(left)} documents -> {args.out}")
    print(f"left out (parser record F1 < {MIN_WEAK_RECORD_F1}): " + (", ".join(f"{n} {f1[n]:.3f}" for n in left) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
