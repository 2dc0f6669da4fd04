"""Table/row/fact P/R/F1 of every invented final-accounts layout (tests/data/final_accounts), read in parser mode
and scored with the contract's section-6 metrics, as tests/test_final_accounts_layouts.py does.

    .venv/bin/python bench/final_accounts_layouts.py
"""

from __future__ import annotations

from pathlib import Path

from jixiao.eval.accounts import score_accounts
from jixiao.eval.dataset import read_record
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.ingest import load_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "final_accounts"


def main() -> None:
    extractor = Extractor(settings=None)
    print(f"{'fixture':34} {'table P/R/F1':>18} {'row P/R/F1':>18} {'fact P/R/F1':>18} warnings")
    for path in sorted(FIXTURES.glob("*.txt")):
        doc = load_bytes(path.read_bytes(), filename=path.name, doc_id=path.stem)
        record = extractor.extract(doc, mode="parser")
        metrics = score_accounts(read_record(path.with_suffix(".gold.json")), record).metrics()
        cells = [f"{metrics[k]['precision']:.2f}/{metrics[k]['recall']:.2f}/{metrics[k]['f1']:.2f}" for k in
                 ("table", "row", "fact")]
        warnings = sum(c.severity == "warning" for t in record.final_accounts for c in t.checks)
        print(f"{path.stem:34} {cells[0]:>18} {cells[1]:>18} {cells[2]:>18} {warnings}")


if __name__ == "__main__":
    main()
