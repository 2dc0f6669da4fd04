"""A prose report's budget stated without a budget word: the figure the stated rate and executed amount imply.

A transfer-payment report often names its fund's money in a sentence of its own (其中中央财政某专项资金620万元),
then states what was spent and the rate (已拨付…465万元，执行率为75%). No label says the 620 is the budget, but the
rate says it: 465 / 620 = 75%. A figure of the section whose share at the stated rate is the executed amount, in a
sentence about money, is read as the annual budget; nothing is derived, the figure is printed.
"""

from __future__ import annotations

import re

from jixiao.pipelines.printed_numbers import unit_factor
from jixiao.pipelines.parsed import ParsedFunds, Span

_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)")
# the figure is money put to the project: a money word shortly before it in the same sentence
_MONEY_BEFORE = re.compile(r"(?:资金|资|经费|预算|安排|下达|投资)[^。；;，,\n]{0,6}$")
MONEY_REACH = 16
# how far rate × budget may fall from the executed amount: the rate is printed rounded (75% of 620.4 is 465.3);
# half a point of the rate either way, as a two-digit rate is rounded
RATE_ROUNDING = 0.005


def implied_budget(text: str, s: int, e: int, funds: ParsedFunds) -> Span | None:
    """The printed figure of [s, e) that the funds' rate and executed amount imply as the budget, when the funds
    state those two and no budget; None when no figure, or more than one, fits."""
    if funds.annual is not None or funds.executed is None or funds.rate is None:
        return None
    try:
        executed = float(funds.executed.text.replace(",", "")) * funds.factor
        rate = float(funds.rate.text) / 100
    except ValueError:
        return None
    if not 0 < rate < 1 or executed <= 0:
        return None  # (a rate of 100% makes the executed amount its own budget: no figure tells the two apart)
    fits: dict[float, re.Match[str]] = {}  # yuan -> the first figure printing it
    for m in _FIGURE.finditer(text, s, e):
        if m.start(1) == funds.executed.start:
            continue
        factor = unit_factor(m.group(2), funds.factor)
        budget = float(m.group(1).replace(",", "")) * factor
        if budget <= executed or abs(executed / budget - rate) > RATE_ROUNDING:
            continue
        if _MONEY_BEFORE.search(text, max(s, m.start() - MONEY_REACH), m.start()):
            fits.setdefault(budget, m)
    if len(fits) != 1:
        return None
    (budget, m), = fits.items()
    same_unit = unit_factor(m.group(2), funds.factor) == funds.factor
    return Span(text=m.group(1) if same_unit else repr(budget / funds.factor), start=m.start(1), end=m.end(1))
