"""The roles of the tagger's value pieces (a row's target, actual, weight, score; a project's three amounts) decided
by the columns' reading order where the tagger's labels disagree with it: columns come in a fixed order, so a piece's
place decides where the model's label is unsure. ``assemble_spans`` asks it of each open row and project."""

from __future__ import annotations

# a row's value columns and a project's amounts, in the order a table prints them
ROW_ROLES = ("TARGET", "ACTUAL", "WEIGHT", "SCORE")
FUND_ROLES = ("AMT_INIT", "AMT_ANNUAL", "AMT_EXEC")


def monotone_roles(labels: list[str], roles: tuple[str, ...], single: set[str], numeric: list[bool],
                   must_be_numeric: set[str]) -> list[str | None]:
    """Roles for pieces in reading order: roles never go backwards (target before actual before weight before
    score), roles in ``single`` take one piece at most, pieces may be dropped (None); the assignment that agrees
    with the most predicted labels wins. Columns come in a fixed order, so a piece's position decides where
    the model's label is unsure."""
    n = len(labels)
    best: tuple[float, list[str | None]] = (float("inf"), [None] * n)

    def walk(i: int, r: int, used: dict[str, int], acc: list[str | None], cost: float) -> None:
        nonlocal best
        if cost >= best[0]:
            return
        if i == n:
            best = (cost, list(acc))
            return
        acc.append(None)  # drop this piece
        walk(i + 1, r, used, acc, cost + 1.5)
        acc.pop()
        for j in range(r, len(roles)):
            role = roles[j]
            if role in single and used.get(role, 0):
                continue
            if role in must_be_numeric and not numeric[i]:
                continue
            used[role] = used.get(role, 0) + 1
            acc.append(role)
            walk(i + 1, j, used, acc, cost + _relabel_cost(labels[i], role))
            acc.pop()
            used[role] -= 1

    walk(0, 0, {}, [], 0.0)
    return best[1]


_NEIGHBOURS = ({"TARGET", "ACTUAL"}, {"WEIGHT", "SCORE"}, {"AMT_INIT", "AMT_ANNUAL", "AMT_EXEC"})


def _relabel_cost(predicted: str, role: str) -> float:
    """Swapping neighbouring columns (target/actual, weight/score) is a cheap fix; crossing them is not."""
    if predicted == role:
        return 0.0
    return 0.5 if any(predicted in g and role in g for g in _NEIGHBOURS) else 1.2
