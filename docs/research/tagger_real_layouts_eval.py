"""Measure a tagger checkpoint the way the ship rule of results/tagger_real_layouts.md reads it (research).

    .venv/bin/python docs/research/tagger_real_layouts_eval.py MODEL_DIR OUT.json [--rlb]

Tagger alone, parser and combined, as printed and collapsed, in process: on the six rla documents held out of
training (the rla names ``data.weak_real_layouts`` of models/train_config.json leaves out), on all of rla, and on
the seeds (data/dev). Record F1 and facts right/predicted/gold; the tagger's record F1 per rla document.
``--rlb`` adds the held-out split's totals (measured once, at the end: never used to choose).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REAL = REPO.parent / "shared" / "real-layouts"


def totals(report) -> dict:
    out = {}
    for split, s in json.loads(report.model_dump_json())["splits"].items():
        facts = s["counts"]["facts"]
        out[split] = {"record_f1": round(s["metrics"]["record"]["f1"], 4),
                      "facts": f"{facts['right']}/{facts['predicted']}/{facts['gold']}"}
    return out


def per_document(report) -> dict:
    out = {}
    for d in json.loads(report.model_dump_json())["documents"]:
        f = d["summary"]["facts"]
        p = f["right"] / f["predicted"] if f["predicted"] else 0.0
        r = f["right"] / f["gold"] if f["gold"] else 0.0
        out[d["name"]] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return out


def heldout_folder(tmp: Path) -> Path:
    """A folder of links to the rla documents the committed training config leaves out."""
    trained = set(json.loads((REPO / "models/train_config.json").read_text())["data"].get("weak_real_layouts", []))
    for txt in sorted(REAL.glob("rla*.txt")):
        name = txt.name[: -len(".txt")]
        if name not in trained:
            for suffix in (".txt", ".gold.json"):
                (tmp / f"{name}{suffix}").symlink_to(REAL / f"{name}{suffix}")
    return tmp


def main() -> None:
    from jixiao.config import Settings
    from jixiao.eval.run import evaluate
    from jixiao.pipelines.extract import Extractor

    model_dir, out_path = sys.argv[1], Path(sys.argv[2])
    ex = Extractor.from_settings(Settings(model_dir=Path(model_dir).resolve()))
    result: dict = {"model_dir": model_dir}
    with tempfile.TemporaryDirectory() as tmp:
        held = heldout_folder(Path(tmp))
        result["rla_heldout_docs"] = sorted(p.name[:-4] for p in held.glob("*.txt"))
        for mode in ("tagger", "parser", "combined"):
            for variant in ("none", "collapsed"):
                def run(gold, splits=None, mode=mode, variant=variant):
                    return evaluate(str(gold), mode=mode, variant=variant, extractor=ex, splits=splits,
                                    show_progress=False)
                rep = run(held)
                result[f"rla_heldout/{mode}/{variant}"] = totals(rep)["rla"]
                rep = run(REAL, ["rla"])
                result[f"rla/{mode}/{variant}"] = totals(rep)["rla"]
                if mode == "tagger":
                    result[f"rla/{mode}/{variant}/documents"] = per_document(rep)
                result[f"seeds/{mode}/{variant}"] = totals(run(REPO / "data/dev"))
                if "--rlb" in sys.argv:
                    result[f"rlb/{mode}/{variant}"] = totals(run(REAL, ["rlb"]))["rlb"]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    for key, value in result.items():
        if not key.endswith("documents") and key != "model_dir":
            print(key, value)


if __name__ == "__main__":
    main()
