"""A table's grade printed only in a note line under it (注：本表由某局填报，自评等级：优。), in pipe rows."""

import pytest

from jixiao.pipelines.extract import Extractor

HEAD = [
    "| 项目名称 | 示例绿地养护 | | | |",
    "|---|---|---|---|---|",
    "| 主管部门 | 示例区园林局 | | 实施单位 | 示例区养护中心 |",
    "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |",
    "| 年度资金总额 | 100 | 100 | 98 | 98% |",
    "",
    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
    "|---|---|---|---|---|---|---|",
    "| 产出指标 | 数量指标 | 养护面积 | ≥100亩 | 102亩 | 50 | 50 |",
    "| 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥90% | 95% | 40 | 37.5 |",
    "| 总分 | | | | | 100 | {score} |",
    "",
]


def _project(score: str, note: str):
    text = "\n".join([*HEAD, note, ""]).format(score=score)
    projects = Extractor().extract_text(text, mode="parser").projects
    assert len(projects) == 1
    return projects[0]


def test_a_note_under_the_table_gives_its_grade():
    project = _project("97.5", "注：本表由示例区园林局填报，自评等级：优。")
    assert project.score == 97.5
    assert project.grade == "优"


@pytest.mark.parametrize("score, note", [
    ("97.5", "注：本表由示例区园林局填报，自评等级：良。"),  # a grade outside the score's band speaks of something else
    ("97.5", "部门整体支出绩效自评等级：优。"),  # the department's grade, not the project's
])
def test_a_note_that_is_not_the_tables_grade_gives_none(score, note):
    assert _project(score, note).grade is None
