"""The invented layouts' frozen weak labels: data the tagger trains on, checked against the texts they came from."""

import json

from jixiao.models.labels import ENTITY_TYPES
from jixiao.models.weak_invented import FROZEN, INVENTED_DIR, read_regions


def test_every_frozen_region_is_a_verbatim_slice_of_its_document():
    rows = [json.loads(line) for line in FROZEN.read_text(encoding="utf-8").splitlines()]
    assert rows, "no frozen regions"
    for row in rows:
        text = (INVENTED_DIR / f"{row['doc']}.txt").read_text(encoding="utf-8")
        assert row["text"] in text, row["doc"]
        assert all(0 <= s < e <= len(row["text"]) and 0 <= eid < len(row["types"]) for s, e, eid in row["runs"])
        assert set(row["types"]) <= set(ENTITY_TYPES)


def test_regions_are_picked_by_document_globs():
    regions, names = read_regions(["invb0[12]"])
    assert names and set(names) <= {"invb01", "invb02"}
    for region in regions:
        assert len(region.chars) == len(region.ids)
        assert any(t == "IND" for _, _, t in region.spans())
    assert read_regions([]) == ([], [])
