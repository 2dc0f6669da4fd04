"""The indicator header's second row (运算符号 / 指标值 / 度量单位 under a spanning 年度指标值) put under its column."""

from __future__ import annotations

_PARTS = ("op", "nature", "target", "unit")


def with_sub_header(slots: dict[int, str], sub: dict[int, str], width: int) -> tuple[dict[int, str], int]:
    """The header's ``slots`` refined by the sub-header row's ``sub`` (column -> slot), and the table's width.

    A sub-header printed under its columns (blank cells before it) keeps its columns. One printed without the
    cells its row shares with the header (an HTML export leaves merged cells out: the row holds only 运算符号
    指标值 度量单位) stands where the spanning target column is, and the columns right of that move over."""
    parts = [s for _, s in sorted(sub.items()) if s in _PARTS]
    target = next((c for c, s in slots.items() if s == "target"), None)
    extra = len(parts) - 1
    placed = {c: s for c, s in sub.items() if s in _PARTS}
    if target is None or min(placed) >= target:
        return {**slots, **placed}, width
    out = {c: s for c, s in slots.items() if c < target}
    out.update({target + k: s for k, s in enumerate(parts)})
    if all(c not in slots for c in range(target + 1, target + 1 + extra)):
        # the header row keeps blank cells under its span: the columns right of it stay
        out.update({c: s for c, s in slots.items() if c > target})
        return out, width
    out.update({c + extra: s for c, s in slots.items() if c > target})
    return out, width + extra
