"""Weak character labels from the structure parser's provenance on real text.

The table parser records, for every field it fills, the character offsets
of the value (``Provenance``). Those offsets become spans of the matching
entity type; header words of the same tables are marked from a fixed
lexicon. One example per project region (from the project's first to its
last labelled character, plus some context), so held-out splits are by
project. Seed 004 is the test split and the real layouts' rlb documents the
held-out split: ``HELD_OUT`` names are refused. The same labelling serves the
seeds and the real layouts' development documents (rla).
"""

from __future__ import annotations

from pathlib import Path

from jixiao.models.synth import LabeledText
from jixiao.pipelines.vocab import PRINTED_HEADER_WORDS

TEST_SEEDS = ("004",)
# file-name prefixes no training data may come from: the seeds' test split, the real layouts' held-out split
HELD_OUT = (*TEST_SEEDS, "rlb")

PROJECT_FIELDS = {
    "name": "PROJECT",
    "code": "CODE",
    "department": "DEPT",
    "implementer": "IMPL",
    "initial_budget": "AMT_INIT",
    "annual_budget": "AMT_ANNUAL",
    "executed": "AMT_EXEC",
    "execution_rate": "RATE",
    "score": "TOTAL",
    "grade": "GRADE",
}
INDICATOR_FIELDS = {
    "level1": "L1",
    "level2": "L2",
    "name": "IND",
    "target": "TARGET",
    "actual": "ACTUAL",
    "weight": "WEIGHT",
    "score": "SCORE",
}
# header words as printed, marked HEADER where no field's value covers them
HEADER_WORDS = PRINTED_HEADER_WORDS


def _field_key(key: str) -> str:
    return key.rsplit(".", 1)[-1]


def _project_spans(project) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for key, prov in project.provenance.items():
        etype = PROJECT_FIELDS.get(_field_key(key))
        if etype and prov.end > prov.start:
            spans.append((prov.start, prov.end, etype))
    for ind in project.indicators:
        for key, prov in ind.provenance.items():
            etype = INDICATOR_FIELDS.get(_field_key(key))
            if etype and prov.end > prov.start:
                spans.append((prov.start, prov.end, etype))
    return spans


def label_document(text: str, record, context: int = 80) -> list[LabeledText]:
    """One labelled region per project of ``record`` (the parser's output on ``text``)."""
    out: list[LabeledText] = []
    for project in record.projects:
        spans = [s for s in _project_spans(project) if 0 <= s[0] < s[1] <= len(text)]
        if len(spans) < 3:
            continue
        lo = max(0, min(s[0] for s in spans) - context)
        hi = min(len(text), max(s[1] for s in spans) + context)
        ids = [-1] * (hi - lo)
        types: list[str] = []
        for start, end, etype in sorted(spans, key=lambda s: s[1] - s[0], reverse=True):
            types.append(etype)
            for i in range(start - lo, end - lo):
                ids[i] = len(types) - 1
        for m in HEADER_WORDS.finditer(text, lo, hi):
            if all(ids[i] == -1 for i in range(m.start() - lo, m.end() - lo)):
                types.append("HEADER")
                for i in range(m.start() - lo, m.end() - lo):
                    ids[i] = len(types) - 1
        out.append(LabeledText(list(text[lo:hi]), ids, types))
    return out


def weak_examples(paths: list[Path], extractor) -> list[LabeledText]:
    """Weakly labelled regions of the texts (seeds, real layouts); a held-out document is refused."""
    from jixiao.pipelines.ingest import load_path

    examples: list[LabeledText] = []
    for path in paths:
        if any(Path(path).name.startswith(t) for t in HELD_OUT):
            raise ValueError(f"{path} is held out (a test split); no training data may come from it")
        doc = load_path(path)
        record = extractor.extract(doc, mode="parser")
        examples.extend(label_document(doc.text, record))
    return examples
