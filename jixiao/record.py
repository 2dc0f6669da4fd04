"""The record contract of ``shared/spec/records.md`` as pydantic models.

Gold labels, ``jixiao extract`` output, the HTTP API and the evaluation
harness all read and write these. Fields beyond the contract (provenance,
confidence, canonical mappings, checks) are extras the contract allows.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# Amounts in a record are yuan (元): a table printing 万元 (or 亿元) has its amounts multiplied by these.
YUAN_PER_WAN = 10_000.0
YUAN_PER_YI = 100_000_000.0
YUAN_PER_QIAN = 1_000.0


class Provenance(BaseModel):
    """Where a value came from: character offsets into the ingested text, plus page and cell when the loader knew them."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0, description="offset of the first character in Document.text")
    end: int = Field(ge=0, description="offset one past the last character")
    page: int | None = Field(default=None, description="1-based page (PDF page, XLSX sheet, the scan), for paged sources")
    table: int | None = Field(default=None, description="0-based index of the table in the document, when the value starts in a table cell")
    row: int | None = Field(default=None, description="0-based row in that table of the cell the value starts in (a merged cell's top row)")
    col: int | None = Field(default=None, description="0-based column in that table of the cell the value starts in (a merged cell's left column)")
    bbox: tuple[float, float, float, float] | None = Field(
        default=None, description="x0, top, x1, bottom of the cell(s) the value covers: PDF points or image pixels from the top left")
    source: str | None = Field(default=None, description="which stage produced the value: table, tagger, prose …")


class Canonical(BaseModel):
    """The taxonomy entry a printed name was mapped to."""

    id: str = Field(description="taxonomy id; empty when unmatched")
    name: str = Field(description="canonical name; empty when unmatched")
    score: float = Field(description="match score, 0-100 (rapidfuzz); kept when unmatched, so the best candidate's closeness shows")
    method: str = Field(description="exact | alias | head | fuzzy | code | unmatched")


class Check(BaseModel):
    """A consistency finding: numbers that disagree, a code/name mismatch …"""

    code: str = Field(description="stable identifier, e.g. funds.rate_mismatch")
    message: str = Field(description="what disagrees, with the numbers")
    severity: str = Field(default="warning", description="warning (a value is probably misread or misprinted) | info")
    field: str | None = Field(default=None, description="the field concerned, e.g. funds.execution_rate or indicators[3].level1")


class Reading(BaseModel):
    """What a printed target or actual says, read into a type (the printed string stays as it is).

    ``number``: op, value, unit; ``range``: value to high; ``qualitative``: a phrase with a polarity;
    ``date``: a deadline (partial ISO: 2024-12-31, --06-25, ---15 for a day of every month);
    ``reference``: an operator against something named, not a number (≤核定单位数量).
    """

    type: str = Field(description="number | range | qualitative | date | reference")
    op: str | None = Field(default=None, description="≥ ≤ = > < ≠ as printed (glyph or words), null when none")
    value: float | None = Field(default=None, description="the number in `unit` (万元 -> 元, 万人 -> 人); a range's low end")
    high: float | None = Field(default=None, description="a range's high end")
    unit: str | None = Field(default=None, description="normalized unit: % 元 人 人次 个 天 月 …; null when none printed")
    polarity: str | None = Field(default=None, description="qualitative: positive | partial | negative")
    date: str | None = Field(default=None, description="date: the deadline, partial ISO 8601")
    text: str | None = Field(default=None, description="qualitative/reference: the phrase read")


class Indicator(BaseModel):
    """One row of the indicator table (三级指标)."""

    level1: str | None = Field(default=None, description="一级指标, one of the four canonical categories, or null")
    level2: str | None = Field(default=None, description="二级指标, one of the canonical categories, or null")
    name: str = Field(description="三级指标 as printed, whitespace removed")
    target: str | None = Field(default=None, description="年度指标值 as printed (operator and unit included), whitespace removed")
    actual: str | None = Field(default=None, description="实际完成值 as printed, whitespace removed")
    weight: float | None = Field(default=None, description="分值 of this row; never derived from a category's allotment")
    score: float | None = Field(default=None, description="得分 of this row")
    # extras
    canonical: Canonical | None = Field(default=None, description="the taxonomy's level-3 indicator the name maps to")
    target_reading: Reading | None = Field(default=None, description="the target read into a type; null when blank or unread")
    actual_reading: Reading | None = Field(default=None, description="the actual read into a type; null when blank or unread")
    attainment: str | None = Field(default=None, description="met | partly | not_met | unknown, from the two readings")
    provenance: dict[str, Provenance] = Field(default_factory=dict, description="field name -> where its value was read")
    confidence: dict[str, float] = Field(default_factory=dict, description="field name -> confidence in [0, 1] (tagger and combined modes)")


class Funds(BaseModel):
    """The funds total row; amounts in yuan (元) whatever unit the table prints."""

    initial_budget: float | None = Field(default=None, description="年初预算数, yuan")
    annual_budget: float | None = Field(default=None, description="全年预算数 (调整后预算数), yuan")
    executed: float | None = Field(default=None, description="全年执行数, yuan")
    execution_rate: float | None = Field(default=None, description="执行率 in percent (100% -> 100.0)")


class Project(BaseModel):
    """One project's self-evaluation (项目支出绩效自评表, or a prose 自评报告)."""

    name: str = Field(description="项目名称 as printed, whitespace and a leading code removed")
    code: str | None = Field(default=None, description="项目编码 printed before the name")
    department: str | None = Field(default=None, description="主管部门, whitespace and a leading code removed")
    implementer: str | None = Field(default=None, description="实施单位 / 预算单位, same rule as department")
    funds: Funds = Field(default_factory=Funds)
    score: float | None = Field(default=None, description="the project's total self-evaluation score (总分)")
    grade: str | None = Field(default=None, description="优 / 良 / 中 / 差 when printed")
    indicators: list[Indicator] = Field(default_factory=list)
    # extras
    provenance: dict[str, Provenance] = Field(default_factory=dict, description="field name (funds.executed …) -> where its value was read")
    confidence: dict[str, float] = Field(default_factory=dict, description="field name -> confidence in [0, 1] (tagger and combined modes)")
    checks: list[Check] = Field(default_factory=list, description="consistency findings on this project's values")


class AccountRow(BaseModel):
    """One line item of a final-accounts table (contract section 6): its code, label, 行次 and amounts."""

    code: str | None = Field(default=None, description="科目代码 (function or economic classification), digits only")
    label: str | None = Field(default=None, description="科目名称 / 项目 as printed, whitespace and a leading ordinal removed")
    line: int | None = Field(default=None, description="行次, when the table prints one")
    values: dict[str, float] = Field(default_factory=dict, description="column key (leaf header, or group/leaf) -> amount in yuan "
                                                                       "(a count row such as 车辆数(辆) as printed)")
    # extras
    panel: int = Field(default=0, description="which side of a table printed side by side (收入 0, 支出 1; the 基本支出 panels 0-3)")
    canonical: Canonical | None = Field(default=None, description="the 政府收支分类 entry its code is (function, or economic "
                                                                  "in the 基本支出 table); null when the taxonomy lacks the code")
    provenance: dict[str, Provenance] = Field(default_factory=dict, description="label, code, line or a column key -> where it was read")


class FinalAccountsTable(BaseModel):
    """One printed standard table of a 部门决算 (收入支出决算总表 …), contract section 6."""

    title: str = Field(description="the title as printed, whitespace and a leading ordinal removed")
    number: str | None = Field(default=None, description="表号 as printed (公开05表, 02表)")
    entity: str | None = Field(default=None, description="部门名称 / 单位名称 printed above the table")
    year: int | None = Field(default=None, description="the table's 年度, else the document heading's year")
    unit: str | None = Field(default=None, description="万元 / 元 / 千元 as printed")
    rows: list[AccountRow] = Field(default_factory=list, description="line items printing a number, and the total rows")
    # extras
    kind: str | None = Field(default=None, description="which standard table: summary, income, expenditure, fiscal_summary …")
    no_data: bool = Field(default=False, description="the table says 本表无数据")
    headless: bool = Field(default=False, description="the table's first page (title, header) is lost: its rows were read "
                                                      "under the standard header of the table the printed order puts there")
    provenance: dict[str, Provenance] = Field(default_factory=dict, description="title, number … -> where it was read")
    checks: list[Check] = Field(default_factory=list, description="identities that do not hold on the printed numbers")


class DocumentRecord(BaseModel):
    """One document's record: section 1 of the contract."""

    doc_id: str = Field(description="the document's name (the file stem, or the id given)")
    source: str | None = Field(default=None, description="file name, path or URL the text came from")
    projects: list[Project] = Field(default_factory=list, description="one per project table or project report")
    final_accounts: list[FinalAccountsTable] = Field(default_factory=list, description="the 部门决算 standard tables, one per printed table (section 6)")
    # extras
    checks: list[Check] = Field(default_factory=list, description="consistency findings on the document as a whole")
    meta: dict[str, object] = Field(default_factory=dict, description="encoding, format, timings …")
