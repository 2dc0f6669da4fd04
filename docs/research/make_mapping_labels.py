"""Issue 19: how tests/data/mapping_labels.csv was made. The draft is the mapper's answer on each distinct printed
name of the seeds and rla (collected with jixiao extract); every row was then read and judged by hand, and the
rows where the draft was wrong are in FIX; VARIANTS are written by hand. Kept for the record, not to be rerun
blindly (a rerun with a changed mapper changes the draft)."""
import collections
import csv
import json

from jixiao.pipelines.taxonomy import load_taxonomy
tax = load_taxonomy()
rows = json.load(open('/tmp/w19/draft.json'))
NONE = ''
# hand labels that differ from the draft (printed name -> canonical name, '' for none)
FIX = {
    # dev
    '改造入户完成户数': NONE, '市民满意度': '群众满意度', '维持中心工作正常开展费用': '工作经费',
    '享受城乡居民基本养老保险待遇的城乡居民人数': '享受待遇人数', '符合领取机关事业单位基本养老保险待遇条件人数': '享受待遇人数',
    '新中国成立前老工人生活困难补助': '补助金额', '遗属补助': '补助金额', '有效减轻贫困人口缴费负担': '减轻缴费负担',
    '建设农业科技示范基地': '建设数量', '各项日常项目的完成的及时性': '项目完成及时性', '其中露地辣椒': '种植面积', '庭院经济带动受益农户增收(总收入)': '带动增收',
    # held-out
    '财政对企业职工养老保险的补助': '补助金额', '企业养老保险发放的准确率': '发放准确率', '推动社会和谐稳定发展': '维护社会稳定',
    '社会保险补贴到位率': '补助到位率', '享受公益性岗位补贴人员数量': '发放人数', '享受社会保险补贴人员数量': '发放人数',
    '享受职业培训补贴人次': '发放人数', '公益性岗位补贴人均标准': '补贴标准', '社会保险补贴人均标准': '补贴标准',
    '职业培训补贴人均标准': '补贴标准', '技能鉴定考试组织次数': '开展次数', '提升职业技能鉴定服务水平': '公共服务水平提升情况',
    '受益学生数': '受益群众数', '领取人才补助的人次': '发放人数', '培训任务完成时间': '计划完成时间', '培训成本': '培训费用',
    '经费使用效益': '资金使用效益', '按标准发放率': NONE, '优抚对象抚恤补助资金及时拨付率': '资金拨付及时率',
    '开展鉴定工作次数': '开展次数', '经费拨付到位率': '资金到位率', '确保机关事业单位平稳运行': '保障单位正常运行',
    '交工验收合格率达标': '验收合格率', '沿线群众出行条件满意度2020': '群众满意度',
}
# OCR-slipped, spaced and reworded variants written for this set: (printed, level2, source doc, expected, origin)
VARIANTS = [
    ('企业养老保险复盖率', '质量指标', '004', '覆盖率', 'ocr'),
    ('社会保险发放准确卒', '质量指标', '004', '发放准确率', 'ocr'),
    ('社会保险补贴 发放准确率', '质量指标', '004', '发放准确率', 'spaced'),
    ('创业人员满意庋', '服务对象满意度指标', '004', '服务对象满意度', 'ocr'),
    ('就业政策满意程度', '服务对象满意度指标', '004', '服务对象满意度', 'reworded'),
    ('公共就业服务满意率', '服务对象满意度指标', '004', '服务对象满意度', 'reworded'),
    ('城镇新增就业人员数', '经济效益指标', '004', NONE, 'reworded'),
    ('城镇调查失业比率', '经济效益指标', '004', NONE, 'reworded'),
    ('培训成木', '成本指标', '004', '培训费用', 'ocr'),
    ('人均培训费用', '成本指标', '004', '人均培训成本', 'reworded'),
    ('受益学生人次', '数量指标', '004', '受益对象数量', 'reworded'),
    ('资金拨付及时比率', '时效指标', '004', '资金拨付及时率', 'reworded'),
    ('资金到位比例', '质量指标', '004', '资金到位率', 'reworded'),
    ('项目完成及时 率', '时效指标', '004', '项目完成及时率', 'spaced'),
    ('节约用水比率', '生态效益指标', '004', '节约用水率', 'reworded'),
    ('学生满意皮', '服务对象满意度指标', '004', '学生满意度', 'ocr'),
    ('用人单位满意率', '社会公众满意度指标', '004', '用人单位满意度', 'reworded'),
    ('基层政府满意程度', '社会公众满意度指标', '004', '基层政府满意度', 'reworded'),
    ('培训学员考试合格率', '质量指标', '004', '培训合格率', 'reworded'),
    ('足额发放比例', '质量指标', '004', '足额发放率', 'reworded'),
    ('就业见习补贴人数', '数量指标', '004', '发放人数', 'reworded'),
    ('职业培训补贴人均金额', '成本指标', '004', '补贴标准', 'reworded'),
    ('职业培训补贴总金额', '成本指标', '004', '补助金额', 'reworded'),
    ('城镇调查失业人数', '经济效益指标', '004', NONE, 'reworded'),
    ('花生种植面积(亩)', '数量指标', 'rla16', '种植面积', 'reworded'),
    ('鸭养殖数', '数量指标', 'rla16', '养殖数量', 'reworded'),
    ('西瓜种值面积', '数量指标', 'rla16', '种植面积', 'ocr'),
    ('果蔬作物成活卒', '质量指标', 'rla16', '成活率', 'ocr'),
    ('经费支出合规卒', '质量指标', '000', '经费支出合规性', 'ocr'),
    ('代办员补助金頟', '成本指标', '002', '补助金额', 'ocr'),
    ('代办员满意程度', '服务对象满意度指标', '002', '服务对象满意度', 'reworded'),
    ('取暖费发放比例', '质量指标', '002', '发放率', 'reworded'),
    ('中心工作人员满意率', '服务对象满意度指标', '002', '中心工作人员满意度', 'reworded'),
    ('维持中心工作费用(万元)', '成本指标', '002', '工作经费', 'reworded'),
    ('果蔬苗木成活卒', '质量指标', 'rla02', '成活率', 'ocr'),
    ('运维合同履约比率', '数量指标', 'rla04', '履约率', 'reworded'),
    ('窗口事项按时办结卒', '质量指标', 'rla04', '办结率', 'ocr'),
    ('群众满意程度', '服务对象满意度指标', '000', '群众满意度', 'reworded'),
    ('补助到位比例', '质量指标', '002', '补助到位率', 'reworded'),
    ('退休职工满意庋', '服务对象满意度指标', '002', '退休职工满意度', 'ocr'),
    ('质量合格卒', '质量指标', '003', '质量合格率', 'ocr'),
    ('代办员补贴金额到帐率', '质量指标', '002', '到账率', 'ocr'),
    ('经费支出及 时率', '时效指标', '000', '经费支出及时率', 'spaced'),
    ('台式电脑采购台数', '数量指标', '002', '采购数量', 'reworded'),
]
names = {}
for e in tax.of_kind('indicator', '3'):
    if e.family == 'A':
        names.setdefault(e.name, []).append(e)
L2 = {e.name: e.id for e in tax.of_kind('indicator', '2') if e.family == 'A'}


def entry_id(name, level2):
    if not name:
        return ''
    cands = names[name]
    pid = L2.get(level2)
    return next((e.id for e in cands if e.parent == pid), cands[0].id)


out = []
for r in rows:
    name = FIX.get(r['printed'], r['draft_name'])
    out.append(dict(printed=r['printed'], level2=r['level2'], unit=r['unit'], doc=r['doc'], split=r['split'],
                    expected=entry_id(name, r['level2']), expected_name=name, origin='printed'))


def held(d):
    return d == '004' or (d.startswith('rla') and int(d[3:]) >= 10)


for printed, l2, doc, name, origin in VARIANTS:
    out.append(dict(printed=printed, level2=l2, unit='', doc=doc, split='heldout' if held(doc) else 'dev',
                    expected=entry_id(name, l2), expected_name=name, origin=origin))
missing = [k for k in FIX if k not in {r['printed'] for r in rows}]
assert not missing, missing
with open('tests/data/mapping_labels.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(out[0]), lineterminator='\n')
    w.writeheader()
    w.writerows(out)
print(len(out), collections.Counter((o['split'], bool(o['expected'])) for o in out))
