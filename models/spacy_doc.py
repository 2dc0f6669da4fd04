"""Tagged spans as spaCy entities on a Chinese ``Doc``, and a displaCy rendering of them."""

from __future__ import annotations

from functools import lru_cache

from jixiao.extras import require
from jixiao.pipelines.tag import EntitySpan

COLORS = {
    "PROJECT": "#f4a261", "CODE": "#e9c46a", "DEPT": "#90be6d", "IMPL": "#43aa8b",
    "AMT_INIT": "#4cc9f0", "AMT_ANNUAL": "#4895ef", "AMT_EXEC": "#4361ee", "RATE": "#b5179e",
    "TOTAL": "#f72585", "GRADE": "#ff006e", "L1": "#ffd166", "L2": "#ffe5a0", "IND": "#06d6a0",
    "TARGET": "#a0c4ff", "ACTUAL": "#bdb2ff", "WEIGHT": "#ffc6ff", "SCORE": "#ffadad", "HEADER": "#dddddd",
}


@lru_cache(maxsize=1)
def chinese_nlp():
    """A blank ``zh`` pipeline segmenting with jieba, with the taxonomy's words added to jieba's dictionary."""
    import jieba

    spacy = require("spacy", extra="viz", purpose="The displaCy view (jixiao tag --html)")
    jieba.setLogLevel(60)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    try:
        from jixiao.pipelines.taxonomy import jieba_dictionary

        words = jieba_dictionary()
    except Exception:  # the dictionary improves segmentation; entities do not depend on it
        words = []
    if words:
        import io

        jieba.load_userdict(io.StringIO("\n".join(words)))
    return nlp


def to_doc(text: str, spans: list[EntitySpan], nlp=None):
    """A spaCy Doc of ``text`` whose ``ents`` are the spans (expanded to token boundaries, overlaps dropped)."""
    filter_spans = require("spacy.util", extra="viz", purpose="The displaCy view (jixiao tag --html)").filter_spans
    nlp = nlp or chinese_nlp()
    doc = nlp.make_doc(text)
    ents = []
    for span in spans:
        ent = doc.char_span(span.start, span.end, label=span.label, alignment_mode="expand")
        if ent is not None:
            ents.append(ent)
    doc.ents = filter_spans(ents)
    return doc


def render_html(doc, title: str | None = None) -> str:
    """A standalone displaCy entity page."""
    displacy = require("spacy.displacy", extra="viz", purpose="The displaCy view (jixiao tag --html)")
    labels = sorted({e.label_ for e in doc.ents})
    return displacy.render(doc, style="ent", page=True, minify=True,
                           options={"ents": labels, "colors": {k: COLORS.get(k, "#ddd") for k in labels}})
