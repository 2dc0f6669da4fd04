"""Measure a tagger checkpoint the way the ship rule of results/tagger_families.md reads it (research, not product).

    .venv/bin/python docs/research/tagger_families_eval.py MODEL_DIR OUT.json [--rlb]
    .venv/bin/python docs/research/tagger_families_eval.py MODEL_DIR OUT.json --fusion tagger_projects=true [...]

Runs ``jixiao eval`` (tagger, parser, combined; as printed and collapsed) on the real layouts' development split
and on the seeds (data/dev), with JIXIAO_MODEL_DIR=MODEL_DIR, and keeps the totals (record F1 and facts
right/predicted/gold) and the tagger's record F1 per rla document. ``--rlb`` adds the held-out split's totals
(measured once, at the end: never used to choose). ``--fusion FIELD=VALUE ...`` instead measures the combined
mode with those fusion rules (``FusionRules`` fields) in process, on rla and the seeds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REAL = REPO.parent / "shared" / "real-layouts"


def run_eval(model_dir: str, gold: str, mode: str, variant: str, split: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [str(REPO / ".venv/bin/jixiao"), "eval", gold, "--mode", mode, "--variant", variant, "--out", tmp]
        if split:
            cmd += ["--split", split]
        env = {**os.environ, "JIXIAO_MODEL_DIR": str(Path(model_dir).resolve())}
        subprocess.run(cmd, cwd=REPO, env=env, check=True, capture_output=True)
        return json.loads((Path(tmp) / "report.json").read_text(encoding="utf-8"))


def totals(report: dict) -> dict:
    out = {}
    for split, s in report["splits"].items():
        facts = s["counts"]["facts"]
        out[split] = {"record_f1": round(s["metrics"]["record"]["f1"], 4),
                      "facts": f"{facts['right']}/{facts['predicted']}/{facts['gold']}"}
    return out


def per_document(report: dict) -> dict:
    out = {}
    for d in report["documents"]:
        f = d["summary"]["facts"]
        p = f["right"] / f["predicted"] if f["predicted"] else 0.0
        r = f["right"] / f["gold"] if f["gold"] else 0.0
        out[d["name"]] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return out


def fusion_variant(model_dir: str, out_path: Path, assignments: list[str]) -> None:
    from dataclasses import replace

    from jixiao.config import Settings
    from jixiao.eval.run import evaluate
    from jixiao.pipelines.extract import Extractor
    from jixiao.pipelines.fusion_rules import FUSION_RULES

    values = {}
    for a in assignments:
        key, _, raw = a.partition("=")
        current = getattr(FUSION_RULES, key)
        values[key] = raw.lower() == "true" if isinstance(current, bool) else type(current)(raw)
    ex = Extractor.from_settings(Settings(model_dir=Path(model_dir).resolve()))
    ex.fusion_rules = replace(FUSION_RULES, **values)
    result: dict = {"model_dir": model_dir, "fusion": values}
    for variant in ("none", "collapsed"):
        rep = evaluate(str(REAL), mode="combined", variant=variant, extractor=ex, splits=["rla"], show_progress=False)
        result[f"rla/combined/{variant}"] = totals(json.loads(rep.model_dump_json()))["rla"]
        rep = evaluate(str(REPO / "data/dev"), mode="combined", variant=variant, extractor=ex, show_progress=False)
        result[f"seeds/combined/{variant}"] = totals(json.loads(rep.model_dump_json()))
    out_path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    for key, value in result.items():
        print(key, value)


def main() -> None:
    model_dir, out_path = sys.argv[1], Path(sys.argv[2])
    if "--fusion" in sys.argv:
        return fusion_variant(model_dir, out_path, sys.argv[sys.argv.index("--fusion") + 1:])
    result: dict = {"model_dir": model_dir}
    for mode in ("tagger", "parser", "combined"):
        for variant in ("none", "collapsed"):
            rep = run_eval(model_dir, str(REAL), mode, variant, "rla")
            result[f"rla/{mode}/{variant}"] = totals(rep)["rla"]
            if mode == "tagger":
                result[f"rla/{mode}/{variant}/documents"] = per_document(rep)
            rep = run_eval(model_dir, str(REPO / "data/dev"), mode, variant, None)
            result[f"seeds/{mode}/{variant}"] = totals(rep)
            if "--rlb" in sys.argv:
                result[f"rlb/{mode}/{variant}"] = totals(run_eval(model_dir, str(REAL), mode, variant, "rlb"))["rlb"]
    out_path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    for key, value in result.items():
        if not key.endswith("documents") and key != "model_dir":
            print(key, value)


if __name__ == "__main__":
    main()
