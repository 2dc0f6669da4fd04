"""A self-contained HTML report: charts as base64 PNGs, no external assets."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from jixiao.eval.checks import CHECK_COLUMNS, check_cells
from jixiao.eval.metrics import ALL_FIELDS
from jixiao.eval.report import HEADLINE_COLUMNS, TOTAL, EvalReport, family_rows, headline_cells, headline_rows, shown_splits

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _png(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def field_accuracy_chart(report: EvalReport) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5))
    shown = shown_splits(report)
    width = 0.8 / len(shown)
    for k, split in enumerate(shown):
        accs = report.splits[split]["metrics"]["fields"]
        ys = [i + k * width for i in range(len(ALL_FIELDS))]
        values = [100 * accs[f] if accs[f] is not None else 0.0 for f in ALL_FIELDS]
        ax.barh(ys, values, height=width, label=split)
        for y, f in zip(ys, ALL_FIELDS):
            if accs[f] is None:  # no gold value to count: not the same as 0 %
                ax.text(0.5, y, "n/a", va="center", fontsize=7, color="gray")
    ax.set_yticks([i + width * (len(shown) - 1) / 2 for i in range(len(ALL_FIELDS))], ALL_FIELDS)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("accuracy % (fields with a gold value, paired items)")
    ax.set_title("Per-field accuracy")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    return _png(fig)


def document_f1_chart(report: EvalReport) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    docs = report.documents
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(docs) + 1.5))
    palette = ["tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown"]
    splits = list(dict.fromkeys(d.split for d in docs))
    colors = [palette[splits.index(d.split) % len(palette)] for d in docs]
    ax.barh([d.name for d in docs], [100 * d.metrics["record"]["f1"] for d in docs], color=colors)
    for i, d in enumerate(docs):
        ax.text(100 * d.metrics["record"]["f1"] + 1, i, f"{100 * d.metrics['record']['f1']:.1f}", va="center")
    ax.invert_yaxis()
    ax.set_xlim(0, 110)
    names = ["blue", "orange", "green", "red", "purple", "brown"]
    ax.set_xlabel("record F1 % (" + ", ".join(f"{names[i % len(names)]}: {s}" for i, s in enumerate(splits)) + ")")
    ax.set_title("Record F1 per document")
    return _png(fig)


def render_html(report: EvalReport) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    template = env.get_template("report.html.j2")
    rows = [(label, split, headline_cells(m)) for label, m, split in headline_rows(report)]
    return template.render(
        report=report,
        run=report.run,
        columns=HEADLINE_COLUMNS,
        rows=rows,
        n_docs=len(report.documents),
        fields=ALL_FIELDS,
        splits=shown_splits(report),
        family_table=family_rows(report) if report.families else None,
        checks_columns=CHECK_COLUMNS,
        checks_rows=[(code, check_cells(m)) for code, m in report.checks.get(TOTAL, {}).items()],
        field_chart=field_accuracy_chart(report),
        doc_chart=document_f1_chart(report),
    )


def write_html(report: EvalReport, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")
