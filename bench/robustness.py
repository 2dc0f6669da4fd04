"""Robustness to print/OCR noise without labels: parse a text and a seeded perturbation of it, compare.

Self-consistency = the record F1 (contract section 4.4, computed by ``jixiao.eval.metrics``) of the
record parsed from the perturbed text against the record parsed from the clean text, which
plays the part of the gold. No gold file is read: a fact counts as kept when the perturbed
parse prints the same value, after the contract's normalization, as the clean parse.

Perturbations (each seeded, each alone and all together):
- ``space``: short cells printed with spaced-out characters (``项 目 名 称``);
- ``break``: a line break inside a cell (a tab row broken in two, a cell continued on a new line);
- ``fullwidth``: digits printed full-width (``１２３``);
- ``ocr``: look-alike characters in label, header and category cells (项目名称 -> 项目名祢,
  执行率 -> 执行律, 指标 -> 指摽, 效益 -> 效盆 …). Values the clean parse emits are never
  touched, so every difference is the parser's.

Usage: ``python bench/robustness.py [FILES...] [--seeds 5] [--json out.json]``; default files are
seeds 000-003 and ``examples/`` (seed 004 is the test split and is left out).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

import typer

KINDS = ("space", "break", "fullwidth", "ocr")

# look-alike characters an OCR engine confuses; applied to label/header/category cells only
CONFUSIONS = {
    "称": "祢", "率": "律", "账": "帐", "帐": "账", "标": "摽", "益": "盆", "度": "虔", "出": "岀",
    "值": "伹", "管": "菅", "项": "顷", "预": "顶", "施": "旆", "质": "贡", "际": "阮", "级": "圾",
    "行": "仃", "续": "绩", "额": "頟", "总": "怠",
}
# printed label, header and category words (the cell's whole text, a trailing colon or (50分) allowed)
LABEL_WORDS = frozenset("""
项目名称 项目(政策)名称 主管部门 主管部门及代码 实施单位 预算单位 项目资金 年初预算数 全年预算数 全年执行数
执行率 预算执行率 资金总额 年度资金总额 项目预算金额 预算执行数 调整后预算数 年度预算数 一级指标 二级指标 三级指标
年初指标值 调整后指标值 实际完成值 全年完成值 年度指标值 指标值 年度目标值 运算符号 度量单位 指标性质 分值 得分 总分
合计 权重 绩效自评总得分 完成程度 产出指标 效益指标 满意度指标 成本指标 数量指标 质量指标 时效指标 社会效益指标
经济效益指标 生态效益指标 可持续影响指标 服务对象满意度指标 社会公众满意度指标 社会效益 经济效益 生态效益 可持续影响
服务对象满意度 社会公众满意度 项目产出 项目效益 评价等级 自评等级
""".split())
_SUFFIX = re.compile(r"(?:[:：]|[(（][^()（）]{1,8}[)）])$")
_FULLWIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}


def _key(cell: str) -> str:
    t = "".join(unicodedata.normalize("NFKC", cell).split())
    return _SUFFIX.sub("", t)


def _protected(clean_record, text: str) -> set[int]:
    """Offsets of every string value the clean parse emitted (never given look-alikes)."""
    out: set[int] = set()
    for p in clean_record.projects:
        objs = [(p, ("name", "code", "department", "implementer"))]
        objs += [(i, ("name", "target", "actual")) for i in p.indicators]
        for obj, fields in objs:
            for f in fields:
                for key, pv in obj.provenance.items():
                    if key == f or key.startswith(f + ".part"):
                        out.update(range(pv.start, pv.end))
    return out


def perturb(text: str, kinds: tuple[str, ...], seed: int, *, protected: set[int] | None = None,
            p_space: float = 0.15, p_break: float = 0.03, p_fullwidth: float = 0.3, p_ocr: float = 0.35) -> str:
    """A seeded noisy copy of ``text``: the printed facts stay the same after the contract's normalization."""
    rng = random.Random(seed)
    protected = protected or set()
    out: list[str] = []
    for line_start, line in _lines(text):
        tabs = line.count("\t")
        pos = line_start
        parts = line.split("\t")
        new_parts = []
        for cell in parts:
            start = pos
            pos += len(cell) + 1
            stripped = cell.strip()
            lead = len(cell) - len(cell.lstrip())
            if not stripped:
                new_parts.append(cell)
                continue
            body = stripped
            is_label = _key(body) in LABEL_WORDS
            if "ocr" in kinds and is_label and not (set(range(start, start + len(cell))) & protected) and rng.random() < p_ocr:
                spots = [i for i, ch in enumerate(body) if ch in CONFUSIONS]
                if spots:
                    i = rng.choice(spots)
                    body = body[:i] + CONFUSIONS[body[i]] + body[i + 1:]
            if "fullwidth" in kinds:
                body = "".join(_FULLWIDTH[ch] if ch in _FULLWIDTH and rng.random() < p_fullwidth else ch for ch in body)
            short = 2 <= len(body) <= 12
            if "space" in kinds and short and rng.random() < p_space:
                body = " ".join(body) if rng.random() < 0.5 else _insert(body, " ", rng)
            # breaks go into table cells only (a tab row, or a cell of a one-cell-per-line block)
            if "break" in kinds and tabs and len(body) >= 2 and rng.random() < p_break:
                body = _insert(body, "\n", rng)
            new_parts.append(cell[:lead] + body + cell[lead + len(stripped):])
        out.append("\t".join(new_parts))
    return "\n".join(out)


def _insert(s: str, piece: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(s))
    return s[:i] + piece + s[i:]


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def self_consistency(extractor, text: str, kinds: tuple[str, ...], seed: int):
    """Fact counts (``jixiao.eval.metrics.Counts``) of the perturbed parse scored against the clean parse."""
    from jixiao.eval.metrics import score_document

    clean = extractor.extract_text(text, mode="parser")
    noisy_text = perturb(text, kinds, seed, protected=_protected(clean, text))
    noisy = extractor.extract_text(noisy_text, mode="parser")
    return score_document(clean, noisy).summary.facts


def run(files: list[Path], seeds: int = 5, progress=None, seed_offset: int = 0) -> dict:
    """Record F1 per document and noise kind, pooled over ``seeds`` perturbations, and over all documents."""
    from jixiao.eval.metrics import Counts
    from jixiao.pipelines.extract import Extractor

    extractor = Extractor.from_settings(load_tagger=False)
    variants = [(k,) for k in KINDS] + [KINDS]
    result: dict = {"seeds": seeds, "seed_offset": seed_offset, "docs": {}, "pooled": {}}
    pooled: dict[str, Counts] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        row = {}
        for kinds in variants:
            name = "+".join(kinds) if len(kinds) > 1 else kinds[0]
            tot = Counts()
            for seed in range(seed_offset, seed_offset + seeds):
                tot = tot + self_consistency(extractor, text, kinds, seed)
                if progress:
                    progress()
            row[name] = round(tot.f1, 4)
            pooled[name] = pooled.get(name, Counts()) + tot
        result["docs"][path.name] = row
    result["pooled"] = {k: round(v.f1, 4) for k, v in pooled.items()}
    return result


def main(
    files: list[Path] = typer.Argument(None, help="documents (default: seeds 000-003 and examples/)"),
    seeds: int = typer.Option(5, "--seeds", "-n", min=1, help="perturbations per document and kind"),
    seed_offset: int = typer.Option(0, "--seed-offset", help="first perturbation seed (held-out seeds: e.g. 100)"),
    json_out: Path | None = typer.Option(None, "--json", help="also write the numbers as JSON"),
) -> None:
    """Self-consistency (record F1 of the perturbed parse against the clean parse) per noise kind."""
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    if not files:
        from jixiao.config import REPO_ROOT, SHARED_SEEDS_DIR

        files = sorted(SHARED_SEEDS_DIR.glob("00[0-3]_*.txt"))
        files += sorted((REPO_ROOT / "examples").glob("*.txt"))
    console = Console()
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("perturbing", total=len(files) * seeds * (len(KINDS) + 1))
        result = run(list(files), seeds, progress=lambda: progress.advance(task), seed_offset=seed_offset)
    names = list(result["pooled"])
    table = Table(title=f"self-consistency: record F1, perturbed vs clean parse (seeds {seed_offset}..{seed_offset + seeds - 1})")
    table.add_column("document")
    for n in names:
        table.add_column(n, justify="right")
    for doc, row in result["docs"].items():
        table.add_row(doc, *[f"{row[n]:.3f}" for n in names])
    table.add_row("pooled", *[f"{result['pooled'][n]:.3f}" for n in names], style="bold")
    console.print(table)
    if json_out is not None:
        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    typer.run(main)
