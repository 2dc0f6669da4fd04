"""The fine-tuning learning curve of a checkpoint (``metrics.json`` ``learning_curve``): a plot and the card's rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

PLOT_NAME = "learning_curve.png"
# the card's table keeps about this many points of the curve (the plot and metrics.json keep them all)
CARD_ROWS = 8


def plot(curve: list[dict[str, Any]], out: Path) -> Path | None:
    """Training and held-out loss against steps, written to OUT (None when there is no curve)."""
    if not curve:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    steps = [p["step"] for p in curve]
    fig, ax = plt.subplots(figsize=(6, 3.2), dpi=100)
    ax.plot(steps, [p["train_loss"] for p in curve], label="training loss (running)")
    ax.plot(steps, [p["heldout_loss"] for p in curve], label="held-out loss", marker="o", markersize=3)
    ax.set_xlabel("fine-tuning step")
    ax.set_ylabel("token cross-entropy")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    return out


def card_rows(curve: list[dict[str, Any]]) -> list[str]:
    """A markdown section: where the held-out loss stands along fine-tuning, and its lowest point."""
    if not curve:
        return []
    every = -(-len(curve) // CARD_ROWS)  # ceiling: at most CARD_ROWS rows, and the last point
    shown = curve[::every]
    if shown[-1] is not curve[-1]:
        shown.append(curve[-1])
    best = min(curve, key=lambda p: p["heldout_loss"])
    lines = ["", "## Learning curve (fine-tuning)", "",
             f"![learning curve]({PLOT_NAME})", "",
             "Held-out windows: the synthetic held-out documents and the weak held-out regions "
             f"(`finetune.eval_every` = {curve[1]['step'] - curve[0]['step'] if len(curve) > 1 else curve[0]['step']} steps). "
             f"Lowest held-out loss {best['heldout_loss']:.4f} at step {best['step']}.", "",
             "| step | training loss | held-out loss |", "| --- | --- | --- |"]
    lines += [f"| {p['step']} | {p['train_loss']:.4f} | {p['heldout_loss']:.4f} |" for p in shown]
    return lines
