import random

import pytest

from jixiao.models import synth


def test_generation_is_seeded():
    a = synth.generate(5, seed=3)
    b = synth.generate(5, seed=3)
    c = synth.generate(5, seed=4)
    assert [d.text for d in a] == [d.text for d in b]
    assert [d.text for d in a] != [d.text for d in c]


ALL_DEPARTURES = synth.TableStyle(**{name: True for name in synth.TableStyle.__dataclass_fields__})


@pytest.mark.parametrize("style", [None, ALL_DEPARTURES, "drawn"])
def test_labels_point_at_the_record_values(style):
    rng = random.Random(11)
    for _ in range(20):
        project = synth.draw_project(rng)
        table_style = synth.draw_style(rng) if style == "drawn" else style
        doc = synth.render(rng, [synth.build_table(rng, project, table_style)], [])
        text = doc.text
        got = {t: [] for t in ("PROJECT", "IND", "DEPT")}
        for start, end, etype in doc.spans():
            assert not text[start].isspace() and not text[end - 1].isspace()
            if etype in got:
                got[etype].append("".join(text[start:end].split()))
        assert got["PROJECT"] == ["".join(project.name.split())]
        assert got["DEPT"] == [project.department]
        assert got["IND"] == [i.name.replace(" ", "") for i in project.indicators]
        amounts = [("".join(text[s:e].split()), t) for s, e, t in doc.spans() if t.startswith("AMT_")]
        assert all(value.replace(",", "").replace(".", "").isdigit() for value, _ in amounts)  # units stay outside


def test_template_variety_departs_from_the_common_template():
    plain = synth.generate(30, seed=5)
    varied = synth.generate(30, seed=5, variety=0.55)
    assert not any("序号" in d.text for d in plain)
    assert any("序号" in d.text for d in varied)
    assert {t for d in varied for _, _, t in d.spans()} == {t for d in plain for _, _, t in d.spans()}


def test_collapse_keeps_entities_and_removes_line_structure():
    rng = random.Random(2)
    doc = synth.render(rng, [synth.build_table(rng, synth.draw_project(rng))], [])
    flat = synth.collapse(doc, per_char=True)
    assert "\n" not in flat.text and "\t" not in flat.text
    assert len(flat.text) == len(doc.text)  # one space per newline or tab
    assert [t for _, _, t in flat.spans()] == [t for _, _, t in doc.spans()]
    before = ["".join(doc.text[s:e].split()) for s, e, _ in doc.spans()]
    after = ["".join(flat.text[s:e].split()) for s, e, _ in flat.spans()]
    assert before == after
