"""A web article saved over its pages: pager and repeated page header blanked (invented examples)."""

from jixiao.pipelines.prose_pages import joined_pages

HEADER = ["示例市文化馆", "首页 | 政务公开 | 公共服务", "当前位置：首页 > 政务公开", "2023年度公共文化服务补助资金绩效自评报告",
          "发布时间：2024-05-06　来源：市文化馆"]


def _paged(last_line: str, first_line: str) -> str:
    return "\n".join([*HEADER, "一、项目基本情况", last_line, "", "第1页  2  下一页  尾页", "", *HEADER, first_line,
                      "（二）效益指标", "", "第 2 页  上一页  1  首页", ""])


def test_a_sentence_broken_by_the_page_runs_on():
    text = _paged("1.送戏下乡场次。年度目标：≥60场；", "实际完成：64场；分值10分，得分10分。")
    joined = joined_pages(text)
    assert len(joined) == len(text)  # (offsets hold)
    line = next(x for x in joined.split("\n") if x.startswith("1.送戏下乡"))
    assert " ".join(line.split()) == "1.送戏下乡场次。年度目标：≥60场； 实际完成：64场；分值10分，得分10分。"
    # (the repeated header is gone, the first page's kept; the closing pager stays, nothing goes on after it)
    assert joined.count("发布时间") == 1 and "上一页" in joined


def test_a_paragraph_ending_at_the_page_keeps_its_line_break():
    text = _paged("项目全年执行率98%。", "（一）产出指标")
    joined = joined_pages(text)
    assert "下一页" not in joined and joined.count("来源：市文化馆") == 1
    assert "项目全年执行率98%。" in joined.split("\n") and "（一）产出指标" in joined.split("\n")


def test_a_text_without_a_pager_is_returned_as_it_is():
    text = "\n".join([*HEADER, "第1页", "正文。", ""])
    assert joined_pages(text) is text
