"""CPU of the combined mode on texts with no project (the 决算-only fixtures), tagged whole as before session 14 or not.

    python bench/no_project_tagging.py [--rounds 3]

"Before" is emulated with ``FusionRules.tagger_projects`` on, which tags such a text whole as the old code did (it
then also lets the tagger's projects stand in, which costs next to nothing); "after" is the shipped rules.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from jixiao.config import REPO_ROOT
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.fusion_rules import FUSION_RULES

FIXTURES = REPO_ROOT / "tests" / "data" / "final_accounts"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(FIXTURES).glob("*.txt"))]
    extractor = Extractor.from_settings()
    tagged_whole = dataclasses.replace(FUSION_RULES, tagger_projects=True)
    for n in range(args.rounds):
        for name, rules in (("tagged whole (before)", tagged_whole), ("not tagged (shipped)", FUSION_RULES)):
            extractor.fusion_rules = rules
            start, tag = time.process_time(), 0.0
            for text in texts:
                tag += extractor.extract_text(text, mode="combined").meta["timings_s"].get("tag", 0.0)
            print(f"round {n + 1}, {name}: process CPU {time.process_time() - start:.2f} s, tag stage {tag:.2f} s "
                  f"({len(texts)} texts)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
