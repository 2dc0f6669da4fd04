"""Issue 19: grow the level-3 taxonomy from the dev documents' indicator names, and give every level-3 entry a
category (数量/质量/时效/成本/效益/满意度) and a measure type. Run once; the CSVs it writes are the shipped data.

Dev documents only: seeds 000-003 and rla01-rla09. Seed 004 and rla10-rla17 are the mapping set's held-out
documents, so no entry or alias here is taken from their names.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TAX = ROOT / "jixiao" / "data" / "taxonomy"

# (parent level-2 id, name, measure, source): generic level-3 concepts the dev names are instances of
NEW = [
    ("ind.output.quantity", "参保人数", "count", "seed 002 (参保服务对象人数)"),
    ("ind.output.quantity", "享受待遇人数", "count", "seed 002 (享受…待遇的城乡居民人数)"),
    ("ind.output.quantity", "代缴人数", "count", "seed 002"),
    ("ind.output.quantity", "代办人数", "count", "seed 002"),
    ("ind.output.quantity", "退休人数", "count", "seed 002"),
    ("ind.output.quantity", "申请人数", "count", "seed 002 (申请丧葬费人数)"),
    ("ind.output.quantity", "开展次数", "count", "seed 002 (维持中心工作正常开展次数)"),
    ("ind.output.quantity", "种植面积", "count", "rla02"),
    ("ind.output.quantity", "养殖数量", "count", "rla02"),
    ("ind.output.quantity", "改造完成数", "count", "rla03"),
    ("ind.output.quantity", "建设数量", "count", "rla01 (建设农业科技示范基地)"),
    ("ind.output.quality", "到位率", "rate", "seed 002 (补助到位率); generic"),
    ("ind.output.quality", "到账率", "rate", "seed 002 (代办员补贴金额到账率)"),
    ("ind.output.quality", "发放率", "rate", "seed 002 (取暖费发放率)"),
    ("ind.output.quality", "使用率", "rate", "seed 002 (维持中心工作使用率)"),
    ("ind.output.quality", "准确率", "rate", "generic of 发放准确率 (P-lib)"),
    ("ind.output.quality", "合格率", "rate", "generic of 验收合格率 and 质量合格率 (seed 003)"),
    ("ind.output.quality", "达标率", "rate", "rla03; rla04"),
    ("ind.output.quality", "完成率", "rate", "generic of 实际完成率 (F2020)"),
    ("ind.output.quality", "办结率", "rate", "rla04 (窗口事项按时办结率)"),
    ("ind.output.quality", "履约率", "rate", "rla04"),
    ("ind.output.quality", "支付率", "rate", "rla04 (年度资金支付率)"),
    ("ind.output.quality", "成活率", "rate", "rla02"),
    ("ind.output.quality", "存栏率", "rate", "rla02"),
    ("ind.output.quality", "代缴率", "rate", "seed 002"),
    ("ind.output.quality", "代办率", "rate", "seed 002"),
    ("ind.output.timeliness", "及时率", "rate", "generic of 发放及时率 (seed 002)"),
    ("ind.output.timeliness", "及时性", "qualitative", "generic of 完成及时性 (seed 002)"),
    ("ind.output.timeliness", "发放时间", "duration", "seed 002 (临时工工资发放时间)"),
    ("ind.output.timeliness", "上解时间", "duration", "seed 002"),
    ("ind.output.cost", "培训费用", "amount", "rla01 (示范基地技术培训费用)"),
    ("ind.output.cost", "运维经费", "amount", "rla04"),
    ("ind.output.cost", "工资总额", "amount", "seed 002"),
    ("ind.output.cost", "工资标准", "amount", "seed 002 (临时工工资标准)"),
    ("ind.output.cost", "代缴金额", "amount", "seed 002"),
    ("ind.output.cost", "代办金额", "amount", "seed 002"),
    ("ind.benefit.economic", "生活水平", "qualitative", "seed 002 (退休人员生活水平)"),
    ("ind.benefit.social", "参保积极性", "qualitative", "seed 002"),
    ("ind.benefit.social", "维护社会稳定", "qualitative", "seed 002"),
    ("ind.benefit.social", "减轻缴费负担", "qualitative", "seed 002"),
]
# measures the name's ending does not say
MEASURE_OVERRIDES = {"完成时效": "qualitative", "基本养老保险制度长期可持续": "qualitative", "是否及时": "qualitative",
                     "污染物排放达标": "qualitative", "制度长期可持续": "qualitative", "降低成本": "qualitative"}
# (printed, target name, source): printed forms with the same meaning
ALIASES = [
    ("参保服务对象人数", "参保人数", "seed 002"),
    ("补贴金额", "补助金额", "seed 002 (代办员补贴金额; 补贴 and 补助 name the same payment)"),
    ("工作费用", "工作经费", "seed 002 (维持中心工作费用)"),
    ("正常运行率", "正常运转率", "rla04 (中心设施正常运行率)"),
    ("发放时限", "发放时间", "seed 002 (…待遇发放时限)"),
    ("农户增收", "带动增收", "rla01 (带动基地周边农户增收)"),
    ("长效运行机制", "长效管理机制健全性", "rla01 (示范基地长效运行机制)"),
    ("提高服务水平", "公共服务水平提升情况", "seed 002"),
    ("保障机构正常运转", "保障单位正常运行", "seed 000"),
    ("保障项目正常运转", "保障单位正常运行", "seed 000"),
    ("满意度", "服务对象满意度", "generic: the satisfaction of those served (服务对象满意度指标)"),
    ("满意率", "服务对象满意度", "rla07 (种植户对防控服务满意率)"),
    ("满意程度", "服务对象满意度", "rla01 (基地服务农户满意程度)"),
    ("满意度", "群众满意度", "generic under 社会公众满意度指标"),
    ("补助", "补助金额", "seed 002 (遗属补助, 新中国成立前老工人生活困难补助: an amount under 成本指标)"),
    ("补贴", "补助金额", "seed 002 (补贴 and 补助 name the same payment)"),
    ("市民满意度", "群众满意度", "rla05"),
]
# aliases whose meaning differs from their target (a count is never a rate, a per-unit cost never a total)
DROP_ALIASES = {"城镇新增就业人数", "人均会议成本", "政府采购节支率", "成果应用率", "单位成本"}


def main() -> None:
    from jixiao.pipelines.map import measure_of
    from jixiao.pipelines.vocab import LEVEL2_CATEGORY

    path = TAX / "indicators.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    names = {r["id"]: r["name"] for r in rows}
    by_name_parent = {(r["parent"], r["name"]) for r in rows}
    for parent, name, measure, source in NEW:
        if (parent, name) in by_name_parent:
            continue
        n = 1 + max(int(r["id"].rsplit(".", 1)[1]) for r in rows if r["parent"] == parent and r["level"] == "3")
        rows.append({"id": f"{parent}.{n:02d}", "level": "3", "name": name, "parent": parent, "alt_parents": "",
                     "framework": "target", "family": "A", "source": source, "confidence": "documented",
                     "measure": measure})
        names[rows[-1]["id"]] = name
    for r in rows:
        r.setdefault("measure", "")
        r["category"] = ""
        if r["level"] == "3" and r["family"] == "A":
            r["category"] = LEVEL2_CATEGORY.get(names.get(r["parent"], ""), "")
            r["measure"] = MEASURE_OVERRIDES.get(r["name"]) or r.get("measure") or measure_of(r["name"]) or ""
    fields = ["id", "level", "name", "parent", "alt_parents", "framework", "family", "source", "confidence",
              "category", "measure"]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    apath = TAX / "aliases.csv"
    aliases = [a for a in csv.DictReader(apath.open(encoding="utf-8", newline=""))
               if not (a["kind"] == "indicator" and a["printed"] in DROP_ALIASES)]
    ids = {}
    for r in rows:
        if r["level"] == "3" and r["family"] == "A":
            ids.setdefault(r["name"], r["id"])
    have = {(a["printed"], a["target"]) for a in aliases}
    for printed, target, source in ALIASES:
        if (printed, ids[target]) not in have:
            aliases.append({"kind": "indicator", "printed": printed, "target": ids[target], "source": source})
    with apath.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["kind", "printed", "target", "source"], lineterminator="\n")
        w.writeheader()
        w.writerows(aliases)


if __name__ == "__main__":
    main()
