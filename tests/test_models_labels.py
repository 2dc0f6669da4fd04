from jixiao.models.labels import ENTITY_TYPES, LABEL2ID, LABELS, bio_tags, spans_from_tags


def test_label_set_covers_the_issue_fields():
    for t in ("PROJECT", "DEPT", "IMPL", "AMT_INIT", "RATE", "L1", "L2", "IND", "TARGET", "ACTUAL", "WEIGHT",
              "SCORE", "GRADE", "HEADER"):
        assert t in ENTITY_TYPES
    assert LABELS[0] == "O" and len(LABELS) == 1 + 2 * len(ENTITY_TYPES)
    assert all(LABEL2ID[label] == i for i, label in enumerate(LABELS))


def test_bio_round_trip():
    spans = [(0, 4, "HEADER"), (5, 9, "PROJECT"), (9, 12, "DEPT")]
    tags = bio_tags(14, spans)
    assert tags[:6] == ["B-HEADER", "I-HEADER", "I-HEADER", "I-HEADER", "O", "B-PROJECT"]
    assert spans_from_tags(tags) == spans


def test_orphan_inside_tag_opens_a_span():
    assert spans_from_tags(["O", "I-IND", "I-IND", "B-SCORE"]) == [(1, 3, "IND"), (3, 4, "SCORE")]
