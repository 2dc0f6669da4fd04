"""Weak character labels from the structure parser's provenance on real text.

The table parser records, for every field it fills, the character offsets
of the value (``Provenance``). Those offsets become spans of the matching
entity type; header words of the same tables are marked from a fixed
lexicon. One example per project region (from the project's first to its
last labelled character, plus some context), so held-out splits are by
project. Seed 004 is the test split: ``TEST_SEEDS`` are refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.models.synth import LabeledText

TEST_SEEDS = ("004",)

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
HEADER_WORDS = re.compile(
    "项目(?:\\(政策\\)|（政策）)?名称|主管部门(?:及代码)?|实施单位(?:（盖章）|\\(盖章\\))?|预算单位|项目资金|年初预算数?|目标申报数|预算编制数|"
    "全年预算数(?:（A）|\\(A\\))?|调整后预算数|全年执行数(?:（B）|\\(B\\))?|预算执行数|全年执行金额|预算执行率|执行率(?:（B/A\\)|\\(B/A\\))?|"
    "年度资金总额[：:]?|资金总额|一级\\s*指标|二级\\s*指标|三级\\s*指标|年度指标值|年初指标值|调整后指标值|指标值|度量单位|指标性质|"
    "实际完成值|全年完成值|完成值|分值|权重|得分|总分|偏差原因分析及改进措施|未完成原因分析|评价等级"
)


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


def weak_examples(seed_paths: list[Path], extractor) -> list[LabeledText]:
    """Weakly labelled regions of the seed texts; the test seed is refused."""
    from jixiao.pipelines.ingest import load_path

    examples: list[LabeledText] = []
    for path in seed_paths:
        if any(Path(path).name.startswith(t) for t in TEST_SEEDS):
            raise ValueError(f"{path} is the test split; no training data may come from it")
        doc = load_path(path)
        record = extractor.extract(doc, mode="parser")
        examples.extend(label_document(doc.text, record))
    return examples
