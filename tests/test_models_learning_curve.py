"""The learning curve's card section and plot, from a curve as ``jixiao train`` writes it."""

from jixiao.models import learning_curve
from jixiao.models.card import render_card

CURVE = [{"step": s, "train_loss": 2.0 / s ** 0.5, "heldout_loss": 1.5 / s ** 0.3 + (0.2 if s > 300 else 0.0)}
         for s in range(50, 501, 50)]


def test_card_names_the_lowest_heldout_loss_and_keeps_the_last_point():
    rows = learning_curve.card_rows(CURVE)
    text = "\n".join(rows)
    best = min(CURVE, key=lambda p: p["heldout_loss"])
    assert f"at step {best['step']}" in text
    assert "`finetune.eval_every` = 50 steps" in text
    table = [r for r in rows if r.startswith("| ") and r[2].isdigit()]
    assert len(table) <= learning_curve.CARD_ROWS + 1
    assert table[-1].startswith("| 500 |")


def test_no_curve_no_section():
    assert learning_curve.card_rows([]) == []
    assert "Learning curve" not in render_card({"losses": {}, "size": {}})


def test_plot_is_written(tmp_path):
    out = learning_curve.plot(CURVE, tmp_path / learning_curve.PLOT_NAME)
    assert out is not None and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert learning_curve.plot([], tmp_path / "none.png") is None
