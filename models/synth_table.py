"""A drawn project record laid out as a table of cells, every piece of a cell labelled with its entity.

``TableStyle`` says how far a table departs from the common national template (header words of other
bureaus, column orders, a serial column, labels and values in one cell ...); ``build_table`` draws the
printed words and lays the rows out.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from jixiao.models.synth_records import PROSE, IndicatorRec, ProjectRec, format_amount
from jixiao.pipelines import vocab as V


@dataclass
class Seg:
    text: str
    etype: str | None = None


Cell = list[Seg]

# Header words: the common national template's and (template variety below) other bureaus'.
TEMPLATE_HEADERS = V.TEMPLATE_HEADERS
WIDE_HEADERS = V.WIDE_HEADERS
FAMILY_HEADERS = V.FAMILY_HEADERS
LEVEL_JOINERS = ("-", "/", "—")  # between 一级 and 二级 when one cell holds both
CENTRAL_MINISTRIES = ("财政部", "农业农村部", "交通运输部", "生态环境部", "水利部", "民政部", "退役军人事务部", "科技部")
INFO_ROWS = (
    ("项目负责人", "{person}"), ("联系电话", "0{n}-{tel}"), ("项目类型", "{kind}"), ("资金来源", "{source}"),
    ("项目属性", "{attr}"), ("项目期限", "{y}年1月-{y}年12月"),
)
# the entity type of header words
HEADER = "HEADER"
# operator glyphs as some bureaus print them in words (the canonical prefix lists of the vocabulary)
OPERATOR_WORDS = {"≥": V.VALUE_OPERATOR_PREFIXES["≥"][4:7], "≧": V.VALUE_OPERATOR_PREFIXES["≥"][4:7],
                  "≤": V.VALUE_OPERATOR_PREFIXES["≤"][4:7]}


@dataclass(frozen=True)
class TableStyle:
    """How far a table departs from the common national template (all off: that template, as before).

    Real bureaus print the same facts under other header words, in other column orders, with a serial
    column, labels and values in one cell, or extra information rows; these are the departures a tagger
    trained on one template misreads in another.
    """

    kv_header: bool = False  # "项目名称：X" in one cell
    info_rows: bool = False  # 项目负责人, 联系电话, ... rows with unlabeled values
    wide_headers: bool = False  # header words from WIDE_HEADERS
    weight_first: bool = False  # indicator columns: weight before the target
    serial: bool = False  # a leading 序号 column numbering the indicator rows
    joined_levels: bool = False  # "产出指标-数量指标" in one cell on every row
    unit_in_cells: bool = False  # amounts printed with their unit ("12.50万元")
    drop_blank_init: bool = False  # no 年初预算数 column when the project has none
    family_words: bool = False  # label and header words of the real layouts' other families (FAMILY_HEADERS)
    transfer: bool = False  # a transfer-payment table: 中央主管部门 row, 地方主管部门, 资金使用单位
    operator_words: bool = False  # split targets print their operator in words (大于等于)


def draw_style(rng: random.Random, share: float = 0.55) -> TableStyle:
    """A table style: a ``share`` of the tables depart from the common template in one or more ways, the rest keep it."""
    if rng.random() < 1.0 - share:
        return TableStyle()
    return TableStyle(
        kv_header=rng.random() < 0.3, info_rows=rng.random() < 0.3, wide_headers=rng.random() < 0.6,
        weight_first=rng.random() < 0.25, serial=rng.random() < 0.25, joined_levels=rng.random() < 0.15,
        unit_in_cells=rng.random() < 0.15, drop_blank_init=rng.random() < 0.7,
    )


def _short_l2(rng: random.Random, l2: str, p: float) -> str:
    """社会效益指标 printed as 社会效益 with probability ``p``."""
    return l2[:-2] if rng.random() < p and l2.endswith("指标") and len(l2) > 4 else l2


def _c(text: str, etype: str | None = None) -> Cell:
    return [Seg(text, etype)]


def build_table(rng: random.Random, p: ProjectRec, style: TableStyle | None = None) -> list[list[Cell]]:
    """The project's table as rows of cells; ``style`` None (or all off) is the common national template."""
    return _TableBuilder(rng, p, style or TableStyle()).build()


class _TableBuilder:
    """Lays one project record out as rows of cells, drawing the printed words from ``rng`` (block by block, in
    the order the draws have always been made: the corpus must not change)."""

    def __init__(self, rng: random.Random, p: ProjectRec, style: TableStyle):
        self.rng, self.p, self.style = rng, p, style
        self.rows: list[list[Cell]] = []

    def build(self) -> list[list[Cell]]:
        self.project_fields()
        self.funds()
        self.goal()
        self.indicators()
        self.total()
        return self.rows

    def word(self, key: str, usual: str) -> str:
        if self.style.family_words and key in FAMILY_HEADERS:
            return self.rng.choice(FAMILY_HEADERS[key])
        return self.rng.choice(WIDE_HEADERS[key]) if self.style.wide_headers and key in WIDE_HEADERS else usual

    def field_row(self, label: str, value: Cell) -> list[Cell]:
        if self.style.kv_header:  # label and value in one cell
            return [[Seg(label.rstrip("：") + self.rng.choice(("：", ":", "： ")), HEADER)] + value]
        return [_c(label, HEADER), value]

    def project_fields(self) -> None:
        """Title, the name, department and implementer rows, and (some styles) information rows."""
        rng, p, style, rows, word = self.rng, self.p, self.style, self.rows, self.word
        title = rng.choice(("项目支出绩效自评表", "部门预算项目支出绩效自评表", "项目支出绩效自评表", "预算项目(政策)绩效自评表"))
        if rng.random() < 0.4:
            title = p.name + title
        rows.append([_c(title)])
        if rng.random() < 0.5:
            rows.append([_c(rng.choice((f"（{p.year}年度）", f"({p.year}年度)")))])
        name_cell: Cell = []
        if p.code:
            name_cell.append(Seg(p.code, "CODE"))
            name_cell.append(Seg("-"))
        name_cell.append(Seg(p.name, "PROJECT"))
        rows.append(self.field_row(word("name", rng.choice(TEMPLATE_HEADERS["name"])), name_cell))
        dept_h = word("dept", rng.choice(TEMPLATE_HEADERS["dept"]))
        impl_h = word("impl", rng.choice(TEMPLATE_HEADERS["impl"]))
        if style.transfer:  # the central ministry is printed but is not the record's department
            dept_h, impl_h = FAMILY_HEADERS["dept"][0], FAMILY_HEADERS["impl"][0]
            rows.append([_c(FAMILY_HEADERS["central_dept"][0], HEADER), _c(rng.choice(CENTRAL_MINISTRIES))])
        if rng.random() < 0.8:
            rows.append(self.field_row(dept_h, _c(p.department, "DEPT")) + self.field_row(impl_h, _c(p.implementer, "IMPL")))
        else:
            rows.append(self.field_row(dept_h, _c(p.department, "DEPT")))
            rows.append(self.field_row(impl_h, _c(p.implementer, "IMPL")))
        if style.info_rows:
            for label, value in rng.sample(INFO_ROWS, rng.randint(1, 3)):
                filled = value.format(person=rng.choice("王李张刘陈杨赵黄周吴") + rng.choice(("某", "某某", "xx")),
                                      n=rng.randint(100, 999), tel=rng.randint(1000000, 9999999),
                                      kind=rng.choice(("常年性项目", "延续性项目", "新增项目", "一次性项目")),
                                      source=rng.choice(("财政拨款", "一般公共预算", "政府性基金", "上级补助")),
                                      attr=rng.choice(("经常性项目", "专项", "一次性项目")), y=p.year)
                rows.append([_c(label), _c(filled)])

    def funds(self) -> None:
        """The funds header row, the total row and up to three 其中 rows."""
        rng, p, style, word, h = self.rng, self.p, self.style, self.word, HEADER
        unit = "（万元）" if p.wan else "（元）"
        funds_h = rng.choice(TEMPLATE_HEADERS["funds"]).format(unit=unit)
        if style.family_words:
            funds_h = rng.choice(FAMILY_HEADERS["funds"]).format(unit=rng.choice((unit, "(万元)" if p.wan else "(元)")))
        two_init = rng.random() < 0.15
        init_h = [_c(w, h) for w in TEMPLATE_HEADERS["init_split"]] if two_init else [_c(word("init", rng.choice(TEMPLATE_HEADERS["init"])), h)]
        cols = [
            ("init", init_h),
            ("annual", [_c(word("annual", rng.choice(TEMPLATE_HEADERS["annual"])), h)]),
            ("exec", [_c(word("exec", rng.choice(TEMPLATE_HEADERS["exec"])), h)]),
            ("weight", [_c(word("weight", rng.choice(TEMPLATE_HEADERS["weight"])), h)]),
            ("rate", [_c(word("rate", rng.choice(TEMPLATE_HEADERS["rate"])), h)]),
            ("score", [_c(word("score", rng.choice(TEMPLATE_HEADERS["score"])), h)]),
        ]
        if rng.random() < 0.4:  # 执行率 before 分值
            cols[3], cols[4] = cols[4], cols[3]
        if style.drop_blank_init and p.amounts[0] is None:
            cols = cols[1:]
        unit_suffix = ("万元" if p.wan else "元") if style.unit_in_cells else ""
        self.rows.append([_c(funds_h, h)] + [c for _, cs in cols for c in cs])
        fw = rng.choice(("10", "10", "10.00"))
        fs = fw if rng.random() < 0.8 else f"{rng.uniform(5, 10):.1f}"
        self.rows.append(self.funds_row(word("funds_total", rng.choice(TEMPLATE_HEADERS["funds_total"])), True, cols,
                                        unit_suffix, fw, fs))
        subs = FAMILY_HEADERS["funds_sub"] if style.family_words else ("其中：本年财政拨款", "上年结转资金", "其他资金", "其中：财政资金", "单位资金")
        for label in rng.sample(subs, rng.randint(0, 3)):
            if rng.random() < 0.5:
                self.rows.append([_c(label)] + [_c("") for _ in range(sum(len(cs) for _, cs in cols))])
            else:
                self.rows.append(self.funds_row(label, False, cols, unit_suffix, fw, fs))

    def funds_row(self, label: str, labelled: bool, cols: list[tuple[str, list[Cell]]], unit_suffix: str,
                  fw: str, fs: str) -> list[Cell]:
        """A row of amounts under the funds header (``labelled``: the total row, whose amounts are entities)."""
        rng, p = self.rng, self.p
        row = [_c(label, HEADER if labelled else None)]
        for key, cs in cols:
            if key in ("init", "annual", "exec"):
                idx = ("init", "annual", "exec").index(key)
                val = p.amounts[idx]
                text = "" if val is None else format_amount(rng, val, p.wan)
                etype = ("AMT_INIT", "AMT_ANNUAL", "AMT_EXEC")[idx] if labelled else None
                if key == "init" and len(cs) == 2:
                    row.append(_c(text))
                row.append([Seg(text, etype), Seg(unit_suffix if text else "")])
            elif key == "rate":
                row.append(_c(p.rate, "RATE" if labelled else None))
            elif key == "weight":
                row.append(_c(fw if labelled else rng.choice(("", "/", fw))))
            else:
                row.append(_c(fs if labelled else rng.choice(("", "/"))))
        return row

    def goal(self) -> None:
        """The 年度总体目标 rows (most tables)."""
        rng, p = self.rng, self.p
        if rng.random() < 0.7:
            self.rows.append([_c("年度总体目标"), _c("预期目标"), _c("实际完成情况")])
            self.rows.append([_c(""), _c(rng.choice(PROSE).format(y=p.year, name=p.name, a="12.5", n=3)), _c(rng.choice(("达成预期指标", "已完成", "全部完成年度目标。")))])

    def indicators(self) -> None:
        """The indicator table: its header row, then a row per indicator."""
        rng = self.rng
        self.indicator_header()
        self.prev_l1 = self.prev_l2 = None
        self.repeat = rng.random() < 0.25
        self.vertical = rng.random() < 0.35
        for number, ind in enumerate(self.p.indicators, 1):
            self.rows.append(self.indicator_row(number, ind))

    def indicator_header(self) -> None:
        rng, style, word, h = self.rng, self.style, self.word, HEADER
        self.split_target = rng.random() < 0.2
        self.two_targets = not self.split_target and rng.random() < 0.1
        l1_head, l2_head = V.LEVEL_HEADERS
        level_head = [_c(rng.choice(TEMPLATE_HEADERS["l1"]), h), _c(l2_head, h)]
        if style.joined_levels:
            level_head = [[Seg(l1_head, h), Seg(rng.choice(LEVEL_JOINERS)), Seg(l2_head, h)]]
        head = ([_c("序号", h)] if style.serial else []) + level_head + [_c("三级指标", h)]
        if self.split_target:
            target_head = [_c(w, h) for w in TEMPLATE_HEADERS["target_split"]]
        elif self.two_targets:
            target_head = [_c(w, h) for w in TEMPLATE_HEADERS["target_two"]]
        else:
            target_head = [_c(word("target", rng.choice(TEMPLATE_HEADERS["target"])), h)]
        actual_head = _c(word("actual", rng.choice(TEMPLATE_HEADERS["actual"])), h)
        weight_head = _c(word("weight", rng.choice(TEMPLATE_HEADERS["weight"])), h)
        score_head = _c(word("score", "得分"), h)
        if style.weight_first:
            head += [weight_head] + target_head + [actual_head, score_head]
        else:
            head += target_head + [actual_head, weight_head, score_head]
        self.reason = rng.random() < 0.6
        if self.reason:
            head.append(_c(rng.choice(TEMPLATE_HEADERS["reason"]), h))
        self.lead = rng.choice(("年度绩效指标完成情况", "绩效指标", "绩效指标（90分）", ""))
        self.rows.append(([_c(self.lead)] if self.lead else []) + head)

    def indicator_row(self, number: int, ind: IndicatorRec) -> list[Cell]:
        rng, style = self.rng, self.style
        row: list[Cell] = [_c("")] if self.lead else []
        if style.serial:
            row.append(_c(str(number)))
        self.level_cells(row, ind)
        row.append(_c(ind.name, "IND"))
        op, val, unit = ind.target
        if self.split_target:
            if style.operator_words and op in OPERATOR_WORDS:
                op = rng.choice(OPERATOR_WORDS[op])
            target = [_c(op or rng.choice(("定性", "定量", "")), "TARGET" if op else None), _c(val, "TARGET"), _c(unit, "TARGET" if unit else None)]
        elif self.two_targets:
            target = [_c(op + val + unit), _c(op + val + unit, "TARGET")]
        else:
            target = [_c(op + val + unit, "TARGET")]
        weight = _c(ind.weight, "WEIGHT")
        if style.weight_first:
            row += [weight] + target + [_c(ind.actual, "ACTUAL"), _c(ind.score, "SCORE")]
        else:
            row += target + [_c(ind.actual, "ACTUAL"), weight, _c(ind.score, "SCORE")]
        if self.reason:
            row.append(_c(rng.choice(("", "", "无偏差", "/", "按计划完成"))))
        return row

    def level_cells(self, row: list[Cell], ind: IndicatorRec) -> None:
        """The row's category cells (printed where the category changes, or on every row)."""
        rng, style = self.rng, self.style
        if style.joined_levels:
            l2 = _short_l2(rng, ind.l2, 0.3)
            row.append([Seg(ind.l1, "L1"), Seg(rng.choice(LEVEL_JOINERS)), Seg(l2, "L2")])
        elif ind.l1 != self.prev_l1 or self.repeat:
            l1 = ind.l1 if rng.random() < 0.8 else ind.l1.replace("产出指标", "项目产出").replace("效益指标", "项目效益")
            l1 = "\n".join(l1) if self.vertical else l1
            if rng.random() < 0.4:  # the allotment is part of the printed heading, as the parser reads it
                l1 += f"\n({rng.choice((10, 20, 30, 40, 50))}分)" if self.vertical else f"({rng.choice((10, 20, 30, 50))}分)"
            row.append(_c(l1, "L1"))
        else:
            row.append(_c(""))
        if style.joined_levels:
            pass  # both levels are in the joined cell
        elif ind.l2 != self.prev_l2 or self.repeat:
            l2 = _short_l2(rng, ind.l2, 0.35)
            if len(l2) > 5 and rng.random() < 0.3:
                cut = rng.randint(2, len(l2) - 2)
                l2 = l2[:cut] + "\n" + l2[cut:]
            row.append(_c(l2, "L2"))
        else:
            row.append(_c(""))
        self.prev_l1, self.prev_l2 = ind.l1, ind.l2

    def total(self) -> None:
        """The 总分 row: the weights' total, the score and the grade."""
        rng, p = self.rng, self.p
        total_row = [_c(self.word("total", rng.choice(TEMPLATE_HEADERS["total"])), HEADER)]
        total_row += [_c("") for _ in range(rng.randint(0, 6))]
        total_row.append(_c("100" if rng.random() < 0.5 else ""))
        total_row.append(_c(p.total, "TOTAL"))
        if p.grade:
            if rng.random() < 0.3:
                total_row.append(_c("评价等级", HEADER))
            total_row.append(_c(p.grade, "GRADE"))
        self.rows.append(total_row)
