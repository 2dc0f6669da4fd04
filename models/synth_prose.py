"""Prose self-evaluation reports (项目支出绩效自评报告) drawn from a synthetic project, labelled on their values.

A report states in sentences what a table prints in cells: the name in its title, the department and
implementer after their labels, funds in 预算 / 执行 sentences, one numbered sentence per indicator (or
several run together in one paragraph without punctuation), plain headings, and the score on its own
line. The printed words come from ``vocab.PROSE_PRINTED``; the values are labelled as the table's are
(amounts without their unit, a target with its operator and unit).
"""

from __future__ import annotations

import random

from jixiao.models.synth_records import PROSE, IndicatorRec, ProjectRec, format_amount

from jixiao.pipelines import vocab as V

W = V.PROSE_PRINTED
_NUMBERING = ("{n}.", "{n}、", "({n})", "（{n}）")


def _target(ind: IndicatorRec) -> str:
    op, val, unit = ind.target
    return op + val + unit


def _funds_sentence(rng: random.Random, lt, p: ProjectRec) -> None:
    unit = "万元" if p.wan else "元"
    lt.add(rng.choice((f"{p.year}年", f"{p.year}年度", "")) + rng.choice((p.name, "该项目", "本项目", "")))
    lt.add(rng.choice(("", "，", ",")))
    parts = [("initial", 0, "AMT_INIT"), ("annual", 1, "AMT_ANNUAL"), ("executed", 2, "AMT_EXEC")]
    if rng.random() < 0.3:
        parts = parts[1:]
    for k, (key, idx, etype) in enumerate(parts):
        value = p.amounts[idx]
        if value is None:
            continue
        if k:
            lt.add(rng.choice(("，", ",", "。", "；", "")))
        lt.add(rng.choice(W[key]))
        lt.add(format_amount(rng, value, p.wan), etype)
        lt.add(unit if rng.random() < 0.95 else "")
    if rng.random() < 0.6:
        lt.add(rng.choice(("，", ",")) + rng.choice(W["rate"]))
        lt.add(p.rate if p.rate.endswith("%") else p.rate + "%", "RATE")
    lt.add(rng.choice(("。", "。\n", "\n")))


def _indicator_sentence(rng: random.Random, lt, n: int, ind: IndicatorRec, style: str, run: bool) -> None:
    """One indicator stated in words; ``run``: no punctuation between the values (a paragraph run together)."""
    sep = "" if run else rng.choice(("，", ",", "，"))
    if style == "numbered":
        lt.add(rng.choice(_NUMBERING).format(n=n))
        if rng.random() < 0.4:
            lt.add(ind.l2, "L2")
            lt.add(rng.choice(("。", "：", ":", "")))
        lt.add(ind.name, "IND")
        lt.add(sep + rng.choice(W["target"]))
    else:  # 1.时效指标。X指标为100%实际完成值为100%
        lt.add(rng.choice(_NUMBERING).format(n=n) if not run or rng.random() < 0.3 else "")
        lt.add(ind.l2, "L2")
        lt.add(rng.choice(("。", "：", "")))
        lt.add(ind.name, "IND")
        lt.add(rng.choice(("指标为", "指标值为", "目标为", "目标值为")))
    lt.add(_target(ind), "TARGET")
    lt.add(sep + rng.choice(W["actual"]))
    lt.add(ind.actual, "ACTUAL")
    if rng.random() < 0.5:
        lt.add(sep + rng.choice(W["score"]))
        lt.add(ind.score, "SCORE")
        lt.add("分")
    lt.add("" if run else rng.choice(("；\n", ";\n", "。\n", "\n")))


def _fields(rng: random.Random, lt, p: ProjectRec) -> None:
    lt.add(rng.choice(W["name"]))
    lt.add(p.name, "PROJECT")
    lt.add("。\n")
    lt.add(rng.choice(W["dept"]))
    lt.add(p.department, "DEPT")
    lt.add("。\n")
    lt.add(rng.choice(W["impl"]))
    lt.add(p.implementer, "IMPL")
    lt.add("。\n")


def _filler(rng: random.Random, lt, p: ProjectRec, pool: list[str]) -> None:
    line = rng.choice(pool) if pool and rng.random() < 0.5 else rng.choice(PROSE).format(
        y=p.year, name="该项目", a=f"{rng.uniform(1, 900):.2f}", n=rng.randint(1, 9))
    lt.add(line + "\n")


def render_prose(rng: random.Random, lt, p: ProjectRec, pool: list[str]) -> None:
    """Append a prose report of ``p`` to ``lt``."""
    title = rng.choice(W["title"])
    pre, _, post = title.partition("{name}")
    lt.add(pre)
    lt.add(p.name, "PROJECT")
    lt.add(post + "\n")
    if rng.random() < 0.3:
        lt.add(f"({p.year}年度)\n")
    blocks = ["funds", "indicators", "score", "filler", "filler"] + (["fields"] if rng.random() < 0.5 else [])
    rng.shuffle(blocks)
    inds = p.indicators[: rng.randint(0, len(p.indicators))] if rng.random() < 0.8 else []
    style = rng.choice(("numbered", "category"))
    run = style == "category" and rng.random() < 0.5
    for block in blocks:
        if rng.random() < 0.6:
            lt.add(rng.choice(W["heading"]) + "\n")
        if block == "funds":
            _funds_sentence(rng, lt, p)
        elif block == "fields":
            _fields(rng, lt, p)
        elif block == "filler":
            _filler(rng, lt, p, pool)
        elif block == "indicators":
            for n, ind in enumerate(inds, 1):
                _indicator_sentence(rng, lt, n, ind, style, run)
            lt.add("\n" if run and inds else "")
        else:
            pre, _, post = rng.choice(W["total"]).partition("{t}")
            lt.add(pre)
            lt.add(p.total, "TOTAL")
            lt.add(post)
            if p.grade and rng.random() < 0.5:
                pre, _, post = rng.choice(W["grade"]).partition("{g}")
                lt.add("，" + pre)
                lt.add(p.grade, "GRADE")
                lt.add(post)
            lt.add("。\n" if rng.random() < 0.5 else "\n")
