"""Held-out span scores of a tagger: seqeval per entity type on labelled texts, and per layout family."""

from __future__ import annotations

from typing import Any

from jixiao.models.labels import bio_tags
from jixiao.models.synth import LabeledText


def span_scores(tagger, examples: list[LabeledText]) -> dict[str, Any]:
    """seqeval (strict IOB2) per entity type on held-out examples, tagging whole texts."""
    from jixiao.eval.spans import seqeval_scores

    gold = [bio_tags(len(ex.chars), ex.spans()) for ex in examples]
    pred = [tagger.tag_chars(ex.text)[0] for ex in examples]
    # seqeval strict mode does not accept an I- after O; repair to IOB2 the way spans_from_tags reads them
    from jixiao.models.labels import spans_from_tags

    pred = [bio_tags(len(p), spans_from_tags(p)) for p in pred]
    return seqeval_scores(gold, pred)


def family_scores(tagger, cfg) -> dict[str, dict[str, Any]]:
    """Held-out span F1 per layout family: ``family_heldout_docs`` documents of each family of the mix, drawn
    from their own seed (never trained on), micro and per entity type."""
    from jixiao.models import synth

    out: dict[str, dict[str, Any]] = {}
    for k, family in enumerate(sorted(cfg.data.family_mix)):
        docs = synth.generate(cfg.data.family_heldout_docs, cfg.seed + 100 + k, None, 0.0, {family: 1.0})
        scores = span_scores(tagger, docs)
        out[family] = {t: round(v["f1-score"], 4) for t, v in scores.items() if isinstance(v, dict) and "f1-score" in v}
    return out
