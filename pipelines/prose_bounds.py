"""Where an inline indicator's name ends and its target begins, when the first figure is not the target's.

Yunnan-style inline indicators print NAME, then the target with its operator, then the actual (数量指标：前置库数量≥5个，
实际建成5个；). A name may hold figures of its own (受灾群众24小时内…救助率≥95%, 评选“10大名品”企业数量≥30家): reading
the target from the first figure cuts such a name at its digits. A bound in words may also stand between the name and the
figure (救助供养标准不低于当地低保标准1.3倍): it is the target's operator, joined to the target like a sign (records.md).
"""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.vocab import PROSE_TARGET_BOUND

# an operator sign inside a target read from the name's first figure: what precedes it is the name's
_SIGN = re.compile(r"[≥≤＞＜]")
# a bound in words inside a name, the figure it bounds read as the target (不低于…1.3倍)
_WORDED = re.compile(PROSE_TARGET_BOUND)
# a name's words after its own figures: at least one Chinese character (24小时内…率), not a figure's unit alone (5万 亩)
_WORDS = re.compile(r"[\u4e00-\u9fff]{2}")
# the shortest name left before a worded bound (…标准不低于…): a bound opening the name is the name's own
_MIN_NAME = 2


def names_up_to_bounds(text: str, inds: list[ParsedIndicator]) -> None:
    """Move the name's end to the target's operator: forward over the name's own figures, back before a worded bound."""
    for ind in inds:
        if len(ind.target) != 1 or ind.target[0] is None:
            continue
        target, name = ind.target[0], ind.name
        if name.end != target.start or text[name.start:name.end] != name.text:
            continue  # (only a name run straight into its target, as printed)
        sign = _SIGN.search(target.text)
        if sign is not None and sign.start() > 0 and _WORDS.search(target.text, 0, sign.start()):
            k = sign.start()
            ind.name = Span(text=name.text + target.text[:k], start=name.start, end=target.start + k)
            ind.target = [Span(text=target.text[k:], start=target.start + k, end=target.end)]
            continue
        bound = _WORDED.search(name.text)
        if bound is not None and bound.start() >= _MIN_NAME and target.text[:1].isdigit():
            k = bound.start()
            ind.name = Span(text=name.text[:k], start=name.start, end=name.start + k)
            ind.target = [Span(text=name.text[k:] + target.text, start=name.start + k, end=target.end)]
