"""Issue 19, round 11 (docs/decisions/mapping-round11.md): OCR look-alikes from a character-shape source, payments
per unit, batches tested, repair and issue times, things built or bought named without their count, lines built; and
the guards that keep each off what it is not. Every name here is invented."""

import csv
import importlib.util
from pathlib import Path

import pytest

from jixiao.pipelines.indicator_names import per_unit, per_unit_money
from jixiao.pipelines.indicator_readings import per_head_allowance
from jixiao.pipelines.indicator_roles import duration_role, object_count, batches_tested
from jixiao.pipelines.map import Mapper
from jixiao.pipelines.taxonomy import TAXONOMY_DIR, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]


def _answer(mapper, name, level2=None, unit=None):
    r = mapper.map(name, "indicator", level2=level2, unit=unit)
    return r.entry.name if r.entry else None


@pytest.fixture(scope="module")
def no_table():
    """A mapper of the same taxonomy without the derived look-alike table: the hand-kept slips only."""
    return Mapper(load_taxonomy().model_copy(update={"look_alikes": ()}))


# ---- the look-alike table (bench/make_look_alikes.py -> look_alikes.csv -> Taxonomy.look_alikes) ----------------
def _builder():
    spec = importlib.util.spec_from_file_location("make_look_alikes", ROOT / "bench" / "make_look_alikes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_is_read_with_the_taxonomy_and_holds_only_its_characters():
    tax = load_taxonomy()
    assert len(tax.look_alikes) > 1000
    forms = {e.name for e in tax.entries if e.kind == "indicator" and e.level == "3"}
    forms |= {a.printed for a in tax.aliases if a.kind == "indicator"}
    chars = set("".join(forms))
    assert all(m in chars and p != m and len(p) == len(m) == 1 for p, m in tax.look_alikes)
    # the fresh6 slips the source derives, and a pair it must not (two unlike shapes)
    pairs = set(tax.look_alikes)
    assert {("梧", "格"), ("话", "活"), ("住", "位"), ("箅", "算")} <= pairs
    assert ("羔", "盖") not in pairs and ("天", "率") not in pairs


def test_the_table_file_has_the_builders_columns():
    with (TAXONOMY_DIR / "look_alikes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert set(rows[0]) == {"printed", "meant", "rule"}
    assert {r["rule"] for r in rows} == {"shape", "strokes"}


def test_the_builders_rules_on_an_invented_source():
    look_alike = _builder().look_alike
    src = {"struct": {"甲": "1", "乙": "1", "丙": "2", "丁": "1", "戊": "1"},
           "fourangle": {"甲": "12345", "乙": "12355", "丙": "12345", "丁": "99999", "戊": "12000"},
           "order": {"甲": "12345", "乙": "12345", "丙": "12345", "丁": "12345", "戊": "1234512345",
                     "己": "1234512344"},
           "component": {"戊": "木", "己": "木"}}
    assert look_alike("甲", "乙", src) == "shape"  # same structure, 4 corners of 4, same strokes
    assert look_alike("甲", "丙", src) is None  # another structure
    assert look_alike("甲", "丁", src) is None  # no corner alike
    assert look_alike("戊", "己", src) == "strokes"  # ten strokes, one changed, one radical
    assert look_alike("甲", "庚", src) is None  # not in the source


@pytest.mark.parametrize("name, entry", [
    ("幼苗移栽成话率", "成活率"),  # 话 for 活
    ("农机补贴资金到住率", "资金到位率"),  # 住 for 位
    ("养护工程验收合梧率", "验收合格率"),  # 梧 for 格
])
def test_a_slip_the_source_derives_is_put_back(mapper, no_table, name, entry):
    assert _answer(mapper, name, unit="%") == entry
    assert _answer(no_table, name, unit="%") is None  # the hand-kept slips alone do not read it


def test_a_slip_in_a_qualifier_that_hides_a_more_specific_entry(mapper, no_table):
    # 结箅 is 结算 (folded to 拨付): the specific 资金拨付及时率, not the generic 及时率 the head gives
    assert _answer(mapper, "补助资金按月结箅及时率", unit="%") == "资金拨付及时率"
    assert _answer(no_table, "补助资金按月结箅及时率", unit="%") == "及时率"


@pytest.mark.parametrize("name, unit", [("平台入驻企业数", "家"), ("村级活动场所数量", "个"), ("培训住宿天数", "天")])
def test_names_that_read_nothing_with_a_glyph_put_back_stay_unmatched(mapper, name, unit):
    assert _answer(mapper, name, unit=unit) is None


# ---- payments per unit (indicator_names.per_unit, per_unit_money; indicator_readings.per_head_allowance) ---------
@pytest.mark.parametrize("unit, money_per_unit", [("万元/个", True), ("元/头", True), ("元/人·年", True), ("万元", False),
                                                  ("个/村", False), (None, False), ("%", False)])
def test_money_per_unit(unit, money_per_unit):
    assert per_unit_money(unit) is money_per_unit


@pytest.mark.parametrize("name", ["单个服务站建设补助", "单台设备购置补贴", "生猪头均奖励", "生均公用经费", "亩均投入"])
def test_new_per_unit_marks(name):
    assert per_unit(name)


@pytest.mark.parametrize("key, unit", [("单个服务站建设补助", None), ("村级站点一次性建设补助", "万元/个"),
                                        ("能繁母猪头均奖励", None), ("每处站点建设奖补", None)])
def test_a_payment_per_unit(key, unit):
    assert per_head_allowance(key, unit)


@pytest.mark.parametrize("key, unit", [("村级站点一次性建设补助", "万元"), ("村级服务站建设补助", None),
                                        ("生猪调出大县奖励资金", "万元/个")])  # 资金 ends it: not a payment word
def test_a_payment_without_a_per_unit_mark_or_unit_is_not(key, unit):
    assert not per_head_allowance(key, unit)


@pytest.mark.parametrize("name, unit", [("单个服务站建设补助", "万元/个"), ("单个服务站建设补助", None),
                                        ("村级站点一次性建设补助", "万元/个"), ("能繁母猪头均奖励", "元/头"),
                                        ("单台农机购置补贴", None)])
def test_a_payment_per_unit_is_the_allowance_standard(mapper, name, unit):
    assert _answer(mapper, name, level2="成本指标", unit=unit) == "补助标准"


@pytest.mark.parametrize("name, unit", [("村级站点一次性建设补助", "万元"), ("村级服务站建设补助", "万元")])
def test_a_payment_in_money_with_no_per_unit_mark_stays_the_total(mapper, name, unit):
    assert _answer(mapper, name, level2="成本指标", unit=unit) == "补助金额"


def test_a_per_head_training_fee_is_the_per_head_training_cost(mapper):
    assert _answer(mapper, "护林员人均培训经费", level2="成本指标", unit="元/人") == "人均培训成本"
    assert _answer(mapper, "护林员人均培训费用", level2="成本指标", unit="元/人") == "人均培训成本"
    # no per-head mark: no per-head entry
    assert _answer(mapper, "护林员培训经费", level2="成本指标", unit="万元") != "人均培训成本"


# ---- batches tested (indicator_roles.batches_tested) --------------------------------------------------------------
@pytest.mark.parametrize("key, unit", [("蔬菜农残快检批次", None), ("兽药残留检测样品数", "批次"),
                                        ("饲料检验样品数量", "批次")])
def test_names_of_batches_tested(key, unit):
    assert batches_tested(key, unit)


@pytest.mark.parametrize("key, unit", [("土壤检测样品数", "个"), ("水质监测样品数", "批次"),  # 监测 is no test
                                        ("兽药残留检测样品数", None), ("检测人次", "人次")])
def test_names_not_of_batches_tested(key, unit):
    assert not batches_tested(key, unit)


def test_batches_tested_are_the_sampling_batches(mapper):
    assert _answer(mapper, "蔬菜农残快检批次", level2="数量指标", unit="批次") == "抽检批次"
    assert _answer(mapper, "兽药残留检测样品数", level2="数量指标", unit="批次") == "抽检批次"
    assert _answer(mapper, "土壤检测样品数", level2="数量指标", unit="个") is None


# ---- repair and issue times (indicator_roles.duration_role) ---------------------------------------------------------
@pytest.mark.parametrize("key, entry", [("路灯故障抢修时限", "响应时间"), ("供热管道修复时间", "响应时间"),
                                        ("检验证书出具时间", "办理时限"), ("补助资金下达时限", None)])
def test_a_repair_is_a_response_and_a_document_issued_a_processing(key, entry):
    assert duration_role(key) == entry


def test_repair_and_issue_times_map(mapper):
    assert _answer(mapper, "路灯故障抢修时限", level2="时效指标", unit="小时") == "响应时间"
    assert _answer(mapper, "检验证书出具时间", level2="时效指标", unit="工作日") == "办理时限"


# ---- things built or bought, lines built (indicator_roles.object_count) --------------------------------------------
@pytest.mark.parametrize("key, own, unit, read", [
    ("购置环卫清扫车辆", None, "台", "购置环卫清扫车辆数量"),
    ("新建村级文化广场", None, "个", "新建村级文化广场数量"),
    ("建成乡镇污水处理站数量", "count", "座", "建设乡镇污水处理站数量"),
    ("购买执法记录仪", None, "套", "购置执法记录仪数量"),
    ("新建乡村旅游步道长度", "count", "公里", "建设乡村旅游步道里程"),
    ("新建乡村旅游步道", None, "公里", "建设乡村旅游步道里程"),
])
def test_a_thing_built_or_bought_is_read_as_its_count(key, own, unit, read):
    assert object_count(key, own, unit) == read


@pytest.mark.parametrize("key, own, unit", [
    ("购置环卫清扫车辆", None, "万元"),  # money: not a count
    ("购置环卫清扫车辆", None, None),  # no unit: what is it?
    ("更换智能水表", None, "个"),  # no make or buy verb
    ("新建校舍面积", "count", "平方米"),  # nothing to change
    ("购置设备资金", "amount", "万元"),
    ("购置管网长度", "count", "公里"),  # bought, not built: no length built
])
def test_not_read_as_a_count(key, own, unit):
    assert object_count(key, own, unit) is None


@pytest.mark.parametrize("name, unit, entry", [
    ("购置环卫清扫车辆", "台", "购置数量"), ("新建村级文化广场", "个", "建设数量"),
    ("建成乡镇污水处理站数量", "座", "建设数量"), ("新建乡村旅游步道长度", "公里", "建设里程"),
    ("新建乡村旅游步道", "公里", "建设里程"),
])
def test_things_built_or_bought_map_to_their_counts(mapper, name, unit, entry):
    assert _answer(mapper, name, level2="数量指标", unit=unit) == entry


@pytest.mark.parametrize("name, unit", [("更换智能水表", "个"), ("改造老旧管网长度", "公里"), ("购置环卫清扫车辆", "万元"),
                                        ("建成区绿地面积", "公顷")])
def test_replaced_renovated_or_paid_for_are_not_built_or_bought_counts(mapper, name, unit):
    assert _answer(mapper, name, unit=unit) not in ("购置数量", "建设数量", "建设里程")


# ---- the guards of the look-alike reading (map_heads._glyph_head), on invented glyph tables ----------------------
def _with_look_alikes(pairs):
    return Mapper(load_taxonomy().model_copy(update={"look_alikes": pairs}))


def test_two_glyphs_put_back_that_give_two_entries_are_a_guess():
    # 巜 is no character OCR reads for either: an invented glyph that stands for 缴, or for 缴 and 办
    assert _answer(_with_look_alikes((("巜", "缴"),)), "城乡居民代巜人数", unit="人") == "代缴人数"
    assert _answer(_with_look_alikes((("巜", "缴"), ("巜", "办"))), "城乡居民代巜人数", unit="人") is None  # 代办人数 too
    assert _answer(_with_look_alikes(()), "城乡居民代巜人数", unit="人") is None


def test_a_glyph_put_back_outside_the_form_that_ends_the_name_is_not_read():
    # 巜 -> 按 would make an on-time mark (按期) left of the form, not a form: no answer from it
    mapper = _with_look_alikes((("巜", "按"),))
    assert _answer(mapper, "地名标志巜期安装率", unit="%") is None
    assert _answer(mapper, "地名标志按期安装率", unit="%") == "及时率"
