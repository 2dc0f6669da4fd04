"""Write the origg* originals: HTML as bureaus and their web systems publish it.

A bureau's web page (navigation, breadcrumbs, a footer, scripts and hidden blocks around the table), a web system's
"Excel export" that is an HTML table under an .xls name (GBK), a Word "web page" (.htm, Word's mso markup, GB2312),
a Word / IE "single file web page" (.mht, MIME multipart/related, the HTML quoted-printable), a 决算 table on a page,
a page holding two projects inside the site's layout table with a prose paragraph (GB18030), and a Word web page
saved under a .doc name (the "export to Word" of many systems).

Every name, place and figure is invented. The gold records beside them (NAME.gold.json) were labeled from what these
pages show in a browser (scripts, styles and ``display:none`` blocks do not show). Standard library only; run from
anywhere: ``python data/invented-files/make_files_html.py``. The output is committed; a rerun is a change to review.
"""

from __future__ import annotations

import base64
import html
import quopri
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_files_legacy import project_grid  # noqa: E402  (the 8-column 自评表 grid and its merges)


def _text(value) -> str:
    return value if isinstance(value, str) else f"{value:g}"


def plain_cell(text: str) -> str:
    """A cell as a web page writes it: a line break as <br>, an empty cell as &nbsp;."""
    return "<br>".join(html.escape(part) for part in text.split("\n")) or "&nbsp;"


def word_cell(text: str) -> str:
    """A cell as Word writes it in a web page: one MsoNormal paragraph per line, runs in spans, Latin runs lang=EN-US."""
    if not text:
        return "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    paras = []
    for line in text.split("\n"):
        runs, run, latin = [], "", None
        for ch in line:
            is_latin = ch.isascii()
            if latin is not None and is_latin != latin:
                runs.append((run, latin))
                run = ""
            run, latin = run + ch, is_latin
        runs.append((run, latin))
        spans = "".join(f"<span lang=EN-US style='font-size:10.5pt'>{html.escape(r)}</span>" if lat else
                        f"<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:\"Times New Roman\"'>"
                        f"{html.escape(r)}</span>" for r, lat in runs)
        paras.append(f"<p class=MsoNormal align=center style='text-align:center'>{spans}</p>")
    return "\n".join(paras)


def html_table(rows: list[list], merges, *, cell=plain_cell, attrs: str = 'border="1" cellspacing="0"',
               td: str = "") -> str:
    """Rows and merges (r0, r1, c0, c1 inclusive) as a <table> with rowspan / colspan."""
    covered, spans = set(), {}
    for r0, r1, c0, c1 in merges:
        spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    out = [f"<table {attrs}>"]
    for r, row in enumerate(rows):
        out.append("<tr>")
        for c, value in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            out.append(f"<td{span}{td}>{cell(_text(value))}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def _grid(p: dict) -> tuple[list[list], list]:
    """project_grid with the funds label on two lines (项目资金 / （万元）), as most web templates print it."""
    rows, merges = project_grid(p)
    rows[2][0] = rows[2][0].replace("（", "\n（")
    return rows, merges


# ---------------------------------------------------------------- origg01: a bureau's web page

ORIGG01 = {
    "name": "2023年农村饮水安全巩固提升工程", "dept": "枫岙县水利局", "impl": "枫岙县农村供水管理站", "unit": "万元",
    "funds": [460, 512.8, 498.3, 10, "97.17%", 9.7], "score": 95.2, "grade": "优",
    "inds": [
        ["产出指标", "数量指标", "新建改造供水管网长度", "≥36公里", "38.6公里", 15, 15, ""],
        ["^", "^", "受益村数", "≥22个", "22个", 10, 10, ""],
        ["^", "质量指标", "出厂水水质达标率", "≥95%", "97.8%", 15, 15, ""],
        ["^", "时效指标", "工程完工时间", "2023年11月底前", "2023年12月中旬", 10, 6.5, "汛期停工约二十天"],
        ["效益指标", "社会效益指标", "农村自来水普及率", "≥92%", "93.4%", 20, 20, ""],
        ["^", "可持续影响指标", "工程设计使用年限", "≥20年", "20年", 10, 10, ""],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "91.5%", 10, 9, ""],
    ]}

_SITE_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/static/css/main.css">
<style>
body {{ font-family: "Microsoft YaHei"; }}
.nav li {{ display: inline-block; }} /* 项目名称 总分 */
</style>
<script>
var _menu = ["首页", "政务公开", "政策文件", "财政资金"];
var _stat = "项目名称：统计代码；总分：100";
</script>
</head>
<body>
<div class="header"><img src="/static/img/logo.png" alt="{site}"><span>{site}</span></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li>
<li><a href="/hdjl/">互动交流</a></li></ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czzj/">财政资金</a>
 &gt; 绩效信息</div>
"""

_SITE_FOOT = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="footer">
<p>主办单位：{site}　地址：{address}</p>
<p>网站标识码：{code}　备案号：某ICP备12345678号</p>
</div>
<script src="/static/js/jquery.min.js"></script>
<script>$(function(){{ $(".share").attr("data-title", document.title); }});</script>
</body>
</html>
"""


def make_origg01() -> None:
    """A bureau's article page: the 自评表 with colspan / rowspan, the funds label split by <br>, a hidden old table."""
    rows, merges = _grid(ORIGG01)
    site = "枫岙县水利局"
    body = [
        _SITE_HEAD.format(charset="utf-8", title="2023年农村饮水安全巩固提升工程项目支出绩效自评表_枫岙县水利局", site=site),
        '<div class="article">',
        "<h1>2023年农村饮水安全巩固提升工程项目支出绩效自评表</h1>",
        '<div class="info">发布时间：2024-04-12　来源：规划计划股　浏览次数：<span id="hits">386</span></div>',
        '<div class="content">',
        '<p style="text-align:center"><strong>项目支出绩效自评表</strong></p>',
        '<p style="text-align:center">（2023年度）</p>',
        html_table(rows, merges, attrs='class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%"'),
        '<div style="display:none" class="old-version">',
        html_table([["项目名称", "2022年农村饮水安全巩固提升工程"], ["总分", "88"]], []),
        "</div>",
        "<p>填报人：岑晓岚　联系电话：0571-8800××××</p>",
        "</div>",
        '<div class="attach">附件：<a href="/upload/2024/zpb.xls">自评表.xls</a></div>',
        "</div>",
        _SITE_FOOT.format(site=site, address="枫岙县滨溪路18号", code="3301990012"),
    ]
    (HERE / "origg01.html").write_text("\n".join(body), encoding="utf-8")


# ---------------------------------------------------------------- origg02: a web system's "Excel" export

ORIGG02 = {
    "name": "2023年城区公厕提升改造项目", "dept": "汀湄市城市管理局", "impl": "汀湄市环境卫生管理处", "unit": "元",
    "funds": ["1,850,000.00", "1,920,000.00", "1,791,360.00", 10, "93.30%", 9.3], "score": 91.3, "grade": "优",
    "inds": [
        ["产出指标", "数量指标", "提升改造公厕座数", "≥42座", "40座", 20, 18, "两座公厕选址调整"],
        ["^", "质量指标", "改造验收合格率", "100%", "100%", 15, 15, ""],
        ["^", "成本指标", "单座改造成本", "≤4.6万元", "4.48万元", 5, 5, ""],
        ["效益指标", "社会效益指标", "公厕管理服务水平", "有效提升", "有效提升", 20, 19, ""],
        ["^", "生态效益指标", "粪污规范处置率", "100%", "100%", 10, 10, ""],
        ["满意度指标", "服务对象满意度指标", "市民如厕满意度", "≥85%", "88%", 20, 15, "部分公厕高峰期排队"],
    ]}


def make_origg02() -> None:
    """An HTML table saved as .xls (GBK) the way web report systems export: Excel's namespaces, x:num, mso formats."""
    rows, merges = project_grid(ORIGG02)
    title = [["项目支出绩效自评表", "", "", "", "", "", "", ""], ["（2023年度）", "", "", "", "", "", "", ""]]
    shifted = [(r0 + 2, r1 + 2, c0, c1) for r0, r1, c0, c1 in merges] + [(0, 0, 0, 7), (1, 1, 0, 7)]
    table = html_table(title + rows, shifted, attrs='border="1" cellspacing="0" style="border-collapse:collapse"',
                       td=" style=\"mso-number-format:'\\@';\"")
    page = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=GBK">
<meta name="ProgId" content="Excel.Sheet">
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>自评表</x:Name>
<x:WorksheetOptions><x:Print><x:ValidPrinterInfo/></x:Print></x:WorksheetOptions></x:ExcelWorksheet>
</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
<style>td {{ mso-number-format:"\\@"; font-size:10pt; }}</style>
</head>
<body>
{table}
</body>
</html>
"""
    (HERE / "origg02.xls").write_bytes(page.replace("\n", "\r\n").encode("gbk"))


# ---------------------------------------------------------------- origg03: a Word "web page" (.htm)

ORIGG03 = {
    "name": "2023年基层农技推广体系改革与建设补助项目", "dept": "沅溪县农业农村局", "impl": "沅溪县农业技术推广中心",
    "unit": "万元", "funds": [86, 86, 84.2, 10, "97.91%", 9.8], "score": 94, "grade": None,
    "inds": [
        ["产出指标", "数量指标", "培育农业科技示范主体", "≥120户", "126户", 20, 20, ""],
        ["^", "^", "建设农业科技示范基地", "≥5个", "5个", 10, 10, ""],
        ["^", "质量指标", "主推技术到位率", "≥95%", "96%", 10, 10, ""],
        ["效益指标", "经济效益指标", "示范主体亩均增收", "≥150元", "142元", 15, 12, "夏季持续干旱影响产量"],
        ["^", "社会效益指标", "农技人员培训人次", "≥90人次", "95人次", 15, 15, ""],
        ["^", "可持续影响指标", "农技推广服务长效机制", "持续健全", "持续健全", 10, 9, ""],
        ["满意度指标", "服务对象满意度指标", "示范主体满意度", "≥90%", "92%", 10, 8.2, ""],
    ]}

_WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset={charset}">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="{stem}.files/filelist.xml">
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>局办公室</o:Author>
  <o:Pages>1</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DocumentKind>DocumentNotSpecified</w:DocumentKind>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face {{font-family:宋体; panose-1:2 1 6 0 3 1 1 1 1 1;}}
p.MsoNormal, li.MsoNormal, div.MsoNormal {{margin:0cm; text-align:justify; font-size:10.5pt; font-family:"Times New Roman";}}
@page WordSection1 {{size:595.3pt 841.9pt; margin:72.0pt 90.0pt 72.0pt 90.0pt;}}
div.WordSection1 {{page:WordSection1;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>
"""


def _word_para(text: str, *, size: str = "10.5pt", center: bool = False, bold: bool = False) -> str:
    align = " align=center style='text-align:center'" if center else ""
    inner = f"<span style='font-size:{size};font-family:宋体'>{html.escape(text)}</span>"
    if bold:
        inner = f"<b>{inner}</b>"
    return f"<p class=MsoNormal{align}>{inner}<span lang=EN-US><o:p></o:p></span></p>"


def word_page(parts: list[str], *, charset: str, stem: str) -> str:
    return _WORD_HEAD.format(charset=charset, stem=stem) + "\n".join(parts) + "\n</div>\n\n</body>\n\n</html>\n"


def make_origg03() -> None:
    """Word's "Save as web page" (.htm, GB2312): MsoNormal paragraphs, runs split at Latin text, conditional comments."""
    rows, merges = _grid(ORIGG03)
    table = html_table(rows, merges, cell=word_cell, attrs="class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
                       "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'",
                       td=" valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'")
    parts = [
        _word_para("附件2", size="12.0pt"),
        _word_para("项目支出绩效自评表", size="18.0pt", center=True, bold=True),
        _word_para("（2023年度）", size="12.0pt", center=True),
        "<p class=MsoNormal><span lang=EN-US style='font-size:10.5pt'><span style='mso-spacerun:yes'>&nbsp; </span>"
        "<o:p></o:p></span></p>",
        "<div align=center>", table, "</div>",
        _word_para("说明：本项目未设定自评等级，总分按指标得分加总。"),
        _word_para("填表人：覃若禾　　　　联系电话：0745-66×××××　　　　填报日期：2024年3月8日"),
    ]
    page = word_page(parts, charset="gb2312", stem="origg03")
    (HERE / "origg03.htm").write_bytes(page.replace("\n", "\r\n").encode("gb2312", "xmlcharrefreplace"))


# ---------------------------------------------------------------- origg04: a Word "single file web page" (.mht)

ORIGG04 = {
    "name": "2023年养老服务体系建设补助资金", "dept": "青峪市民政局", "impl": "青峪市养老服务指导中心", "unit": "元",
    "funds": ["3,600,000.00", "3,600,000.00", "3,452,400.00", 10, "95.90%", 9.6], "score": 94.1, "grade": "优",
    "inds": [
        ["产出指标", "数量指标", "新增社区养老服务站", "≥12个", "12个", 15, 15, ""],
        ["^", "^", "特殊困难老年人家庭适老化改造户数", "≥300户", "318户", 15, 15, ""],
        ["^", "质量指标", "养老服务站运营达标率", "≥90%", "91.7%", 10, 10, ""],
        ["^", "时效指标", "补助资金拨付及时率", "100%", "92%", 10, 7.5, "两批资金待竣工验收后拨付"],
        ["效益指标", "社会效益指标", "社区养老服务覆盖率", "≥80%", "83.5%", 20, 20, ""],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "90.6%", 20, 17, ""],
    ]}


def _mime_part(content_type: str, location: str, encoding: str, payload: bytes) -> str:
    body = (quopri.encodestring(payload).decode("ascii") if encoding == "quoted-printable"
            else "\n".join(base64.encodebytes(payload).decode("ascii").splitlines()))
    return (f"Content-Location: {location}\nContent-Transfer-Encoding: {encoding}\nContent-Type: {content_type}\n\n"
            f"{body}\n")


def make_origg04() -> None:
    """Word's .mht: MIME multipart/related, the HTML part quoted-printable in GB2312, filelist.xml and a PNG beside it."""
    rows, merges = _grid(ORIGG04)
    table = html_table(rows, merges, cell=word_cell, attrs="class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 "
                       "style='border-collapse:collapse;border:none'",
                       td=" style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'")
    parts = [
        _word_para("项目支出绩效自评表", size="16.0pt", center=True, bold=True),
        _word_para("（2023年度）", center=True),
        table,
        "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>",
        "<p class=MsoNormal><span lang=EN-US><img width=96 height=96 src=\"origg04.files/image001.png\" "
        "v:shapes=\"图片_x0020_1\"></span><span style='font-family:宋体'>（单位公章）</span></p>",
    ]
    page = word_page(parts, charset="gb2312", stem="origg04").encode("gb2312", "xmlcharrefreplace")
    boundary = "----=_NextPart_01DA6F3C.5B8E2A10"
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
    filelist = b'<xml xmlns:o="urn:schemas-microsoft-com:office:office">\n <o:MainFile HRef="../origg04.htm"/>\n' \
               b' <o:File HRef="image001.png"/>\n <o:File HRef="filelist.xml"/>\n</xml>'
    text = (f"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"{boundary}\"\n\n"
            "This document is a Single File Web Page, also known as a Web Archive file.\n\n"
            + f"--{boundary}\n"
            + _mime_part('text/html; charset="gb2312"', "file:///C:/D2A1/origg04.htm", "quoted-printable", page)
            + f"\n--{boundary}\n"
            + _mime_part("image/png", "file:///C:/D2A1/origg04.files/image001.png", "base64", png)
            + f"\n--{boundary}\n"
            + _mime_part('text/xml; charset="utf-8"', "file:///C:/D2A1/origg04.files/filelist.xml", "quoted-printable",
                         filelist)
            + f"\n--{boundary}--\n")
    (HERE / "origg04.mht").write_bytes(text.replace("\n", "\r\n").encode("ascii"))


# ---------------------------------------------------------------- origg05: a 决算 table on a page

ORIGG05_ROWS = [  # code, label, 合计, 基本支出, 项目支出 (万元; None blank)
    (None, "合计", "2,436.58", "1,502.16", "934.42"),
    ("201", "一般公共服务支出", "1,716.40", "1,288.06", "428.34"),
    ("20111", "纪检监察事务", "1,716.40", "1,288.06", "428.34"),
    ("2011101", "行政运行", "1,288.06", "1,288.06", None),
    ("2011102", "一般行政管理事务", "356.12", None, "356.12"),
    ("2011104", "大案要案查处", "72.22", None, "72.22"),
    ("208", "社会保障和就业支出", "168.35", "168.35", None),
    ("20805", "行政事业单位养老支出", "168.35", "168.35", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "112.23", "112.23", None),
    ("2080506", "机关事业单位职业年金缴费支出", "56.12", "56.12", None),
    ("210", "卫生健康支出", "45.75", "45.75", None),
    ("21011", "行政事业单位医疗", "45.75", "45.75", None),
    ("2101101", "行政单位医疗", "45.75", "45.75", None),
    ("221", "住房保障支出", "506.08", None, "506.08"),
    ("22102", "住房改革支出", "506.08", None, "506.08"),
    ("2210201", "住房公积金", "0.00", None, "0.00"),
    ("2210203", "购房补贴", "506.08", None, "506.08"),
]


def make_origg05() -> None:
    """A 部门决算公开 page: 公开05表 as an HTML table, the header in two rows (项目 over 科目编码 / 科目名称)."""
    site = "栖梧市纪委监委"
    head = ('<tr><td colspan="2">项目</td><td colspan="3">本年支出</td></tr>\n'
            "<tr><td>科目编码</td><td>科目名称</td><td>合计</td><td>基本支出</td><td>项目支出</td></tr>")
    body_rows = []
    for code, label, *amounts in ORIGG05_ROWS:
        cells = [f"<td>{code or ''}</td>", f"<td>{label}</td>"] + [f'<td align="right">{a or "&nbsp;"}</td>'
                                                                   for a in amounts]
        body_rows.append("<tr>" + "".join(cells) + "</tr>")
    page = [
        _SITE_HEAD.format(charset="utf-8", title="2023年度部门决算公开_栖梧市纪委监委", site=site).replace(
            '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'),
        '<div class="article">',
        "<h1>中共栖梧市纪律检查委员会2023年度部门决算公开</h1>",
        '<div class="info">发布时间：2024-08-30</div>',
        "<p>　　根据预算法和财政部门有关规定，现将本部门2023年度部门决算公开如下。</p>",
        "<p>第五部分　一般公共预算财政拨款支出决算表</p>",
        '<table class="tb" border="1" cellspacing="0" width="100%">',
        '<caption>一般公共预算财政拨款支出决算表</caption>',
        '<tr><td colspan="4">&nbsp;</td><td align="right">公开05表</td></tr>',
        '<tr><td colspan="3">编制单位：中共栖梧市纪律检查委员会</td><td>2023年度</td><td align="right">单位：万元</td></tr>',
        head,
        "\n".join(body_rows),
        '<tr><td colspan="5">注：本表反映部门本年度一般公共预算财政拨款实际支出情况。</td></tr>',
        "</table>",
        "</div>",
        _SITE_FOOT.format(site=site, address="栖梧市政和路2号", code="4501000031"),
    ]
    (HERE / "origg05.html").write_text("\n".join(page), encoding="utf-8")


# ---------------------------------------------------------------- origg06: two projects in a layout table

ORIGG06 = [
    {"name": "2023年全民健身设施补短板工程", "dept": "澹台县文化广电体育和旅游局", "impl": "澹台县全民健身中心",
     "unit": "万元", "funds": [220, 236.5, 229.4, 10, "97.00%", 9.7], "score": 96.7, "grade": "优",
     "inds": [
         ["产出指标", "数量指标", "新建社区多功能运动场", "≥6个", "6个", 20, 20, ""],
         ["^", "^", "更新健身路径器材", "≥150件", "162件", 15, 15, ""],
         ["^", "质量指标", "器材安装验收合格率", "100%", "100%", 15, 15, ""],
         ["效益指标", "社会效益指标", "经常参加体育锻炼人数比例", "≥38%", "39.2%", 20, 20, ""],
         ["满意度指标", "服务对象满意度指标", "健身群众满意度", "≥90%", "86%", 20, 17, "部分场地夜间照明不足"],
     ]},
    {"name": "2023年公共图书馆免费开放补助资金", "dept": "澹台县文化广电体育和旅游局", "impl": "澹台县图书馆",
     "unit": "万元", "funds": [48, 48, 48, 10, "100%", 10], "score": 98, "grade": "优",
     "inds": [
         ["产出指标", "数量指标", "全年开放天数", "≥300天", "306天", 20, 20, ""],
         ["^", "^", "举办阅读推广活动场次", "≥40场", "46场", 20, 20, ""],
         ["^", "时效指标", "补助资金到位时间", "2023年6月底前", "2023年5月", 10, 10, ""],
         ["效益指标", "社会效益指标", "年接待读者人次", "≥8万人次", "7.6万人次", 20, 18, "馆舍维修闭馆一个月"],
         ["满意度指标", "服务对象满意度指标", "读者满意度", "≥95%", "96.3%", 20, 20, ""],
     ]},
]


def make_origg06() -> None:
    """An older site's page (GB18030) laid out by a table: a menu cell beside the content cell, which holds a prose
    paragraph and two project tables, each under its own heading."""
    site = "澹台县文化广电体育和旅游局"
    content = [
        "<h2>澹台县文化广电体育和旅游局2023年度项目支出绩效自评结果公开</h2>",
        "<p>　　按照县财政局关于开展2023年度财政支出绩效自评工作的通知要求，我局对2023年度实施的项目开展了绩效自评，"
        "自评覆盖率100%。现将项目支出绩效自评表公开如下，接受社会监督。</p>",
    ]
    for n, project in enumerate(ORIGG06, start=1):
        rows, merges = _grid(project)
        content += [f"<p><b>{n}．{html.escape(project['name'])}</b></p>",
                    "<p align=center>项目支出绩效自评表</p>",
                    html_table(rows, merges, attrs='border="1" cellspacing="0" cellpadding="2" width="96%"')]
    menu = "".join(f'<tr><td><a href="/{k}/">{w}</a></td></tr>'
                   for k, w in (("jgzn", "机构职能"), ("zcwj", "政策文件"), ("czzj", "财政资金"), ("rsxx", "人事信息")))
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<META charset="gb18030">
<TITLE>项目支出绩效自评结果公开-{site}</TITLE>
<SCRIPT language=javascript>function hits(){{ document.write("浏览次数：1024"); }}</SCRIPT>
</HEAD>
<BODY>
<TABLE width=1000 align=center border=0 cellPadding=0 cellSpacing=0>
<TR><TD colSpan=2><IMG src="/images/banner.jpg" alt="{site}"></TD></TR>
<TR><TD width=200 valign=top>
<TABLE width=190 border=0>{menu}</TABLE>
</TD>
<TD width=800 valign=top>
<DIV class=crumb>您现在的位置：首页 &gt;&gt; 财政资金 &gt;&gt; 绩效评价</DIV>
{chr(10).join(content)}
<noscript>请开启浏览器脚本</noscript>
</TD></TR>
<TR><TD colSpan=2 align=center>版权所有：{site}　技术支持：县信息中心</TD></TR>
</TABLE>
</BODY>
</HTML>
"""
    (HERE / "origg06.html").write_bytes(page.replace("\n", "\r\n").encode("gb18030"))


# ---------------------------------------------------------------- origg07: a Word web page under a .doc name

ORIGG07 = {
    "name": "2023年森林防火能力提升项目", "dept": "岑嵊县林业局", "impl": "岑嵊县森林防火指挥部办公室", "unit": "元",
    "funds": ["760,000.00", "812,000.00", "785,604.00", 10, "96.75%", 9.7], "score": 93.7, "grade": None,
    "inds": [
        ["产出指标", "数量指标", "购置扑火机具", "≥260台套", "268台套", 20, 20, ""],
        ["^", "^", "开展防火宣传进村入户", "≥120次", "131次", 10, 10, ""],
        ["^", "质量指标", "机具验收合格率", "100%", "100%", 10, 10, ""],
        ["^", "时效指标", "防火期前完成部署", "2023年10月底前", "2023年11月", 10, 6, "招标流标一次"],
        ["效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0.3‰", 20, 20, ""],
        ["^", "社会效益指标", "群众防火意识", "明显增强", "明显增强", 10, 10, ""],
        ["满意度指标", "社会公众满意度指标", "林区群众满意度", "≥90%", "94%", 10, 8, ""],
    ]}


def make_origg07() -> None:
    """A system's "export to Word": HTML with Word's namespaces saved under a .doc name, UTF-8 without a BOM."""
    rows, merges = _grid(ORIGG07)
    table = html_table(rows, merges, cell=word_cell, attrs="border=1 cellspacing=0 cellpadding=0 width=620")
    parts = [_word_para("项目支出绩效自评表", size="16.0pt", center=True, bold=True),
             _word_para("（2023年度）", center=True), table]
    (HERE / "origg07.doc").write_text(word_page(parts, charset="utf-8", stem="origg07"), encoding="utf-8")


def main() -> None:
    for make in (make_origg01, make_origg02, make_origg03, make_origg04, make_origg05, make_origg06, make_origg07):
        make()


if __name__ == "__main__":
    main()
