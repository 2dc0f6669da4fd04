"""The tagger's label scheme: BIO over characters.

Every character of the input gets one tag: ``O``, ``B-<TYPE>`` (first
character of an entity) or ``I-<TYPE>`` (any later character, whitespace and
line breaks inside the entity included, so a cell broken across lines stays
one span). The entity types:

| type | what it marks | record field |
| --- | --- | --- |
| PROJECT | 项目名称 value, without a leading code | Project.name |
| CODE | 项目编码 printed before the name (``51090422T000000280419``) | Project.code |
| DEPT | 主管部门 value | Project.department |
| IMPL | 实施单位 / 预算单位 value | Project.implementer |
| AMT_INIT | 年初预算数 of the total row | Funds.initial_budget |
| AMT_ANNUAL | 全年预算数 / 调整后预算数 of the total row | Funds.annual_budget |
| AMT_EXEC | 全年执行数 / 预算执行数 of the total row | Funds.executed |
| RATE | 执行率 of the total row | Funds.execution_rate |
| TOTAL | 总分 / 自评得分 of the project | Project.score |
| GRADE | 优 / 良 / 中 / 差 of the project | Project.grade |
| L1 | 一级指标 cell (``产出指标``, vertical ``产\\n出\\n指\\n标``, ``项目决策`` …) | Indicator.level1 |
| L2 | 二级指标 cell | Indicator.level2 |
| IND | 三级指标 (indicator name) | Indicator.name |
| TARGET | 年度指标值; operator, value and unit columns are separate spans | Indicator.target |
| ACTUAL | 实际完成值 | Indicator.actual |
| WEIGHT | 分值 / 权重 of an indicator row | Indicator.weight |
| SCORE | 得分 of an indicator row | Indicator.score |
| HEADER | table-header words that delimit fields (项目名称, 主管部门, 年初预算数, 一级指标, 得分, 总分 …) | (structure) |

Amounts and scores of 其中 rows and of the funds row's own 分值/得分 are ``O``:
the record takes funds from the total row only.
"""

from __future__ import annotations

ENTITY_TYPES: tuple[str, ...] = (
    "PROJECT",
    "CODE",
    "DEPT",
    "IMPL",
    "AMT_INIT",
    "AMT_ANNUAL",
    "AMT_EXEC",
    "RATE",
    "TOTAL",
    "GRADE",
    "L1",
    "L2",
    "IND",
    "TARGET",
    "ACTUAL",
    "WEIGHT",
    "SCORE",
    "HEADER",
)

LABELS: tuple[str, ...] = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I"))
LABEL2ID: dict[str, int] = {label: i for i, label in enumerate(LABELS)}
ID2LABEL: dict[int, str] = {i: label for label, i in LABEL2ID.items()}
IGNORE_INDEX = -100


def bio_tags(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """Character tags for ``length`` characters from (start, end, type) spans; later spans win on overlap."""
    tags = ["O"] * length
    for start, end, etype in spans:
        if end <= start:
            continue
        tags[start] = f"B-{etype}"
        for i in range(start + 1, min(end, length)):
            tags[i] = f"I-{etype}"
    return tags


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) spans from character tags; an ``I-`` without its ``B-`` opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, etype = -1, None
    for i, tag in enumerate(list(tags) + ["O"]):
        kind, _, t = tag.partition("-")
        if etype is not None and (kind != "I" or t != etype):
            spans.append((start, i, etype))
            etype = None
        if kind == "B" or (kind == "I" and etype is None):
            start, etype = i, t
    return spans
