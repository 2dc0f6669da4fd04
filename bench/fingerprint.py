"""Output fingerprint: a hash of every record the extractor writes for the seeds, the real and the invented layouts.

A refactor must leave it unchanged; a reading change updates it on purpose (``--record``) and the
diff of ``bench/results/output_fingerprint.json`` names the documents whose output moved.

    python bench/fingerprint.py --check     # exit 1 and list the documents whose output changed
    python bench/fingerprint.py --record    # write the current fingerprint
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from jixiao.eval.variants import collapse
from jixiao.config import REPO_ROOT
from jixiao.pipelines.extract import Extractor

FINGERPRINT = REPO_ROOT / "bench" / "results" / "output_fingerprint.json"
SHARED = REPO_ROOT.parent / "shared"
MODES = ("parser", "combined")
# the parser's reading of each text with its newlines and tabs collapsed too: a rule can move that reading while
# leaving the printed one alone (a header word that is a caption in one seed's layout)
COLLAPSED = "parser_collapsed"


INVENTED = REPO_ROOT / "data" / "invented-layouts"


def corpus(shared: Path) -> list[Path]:
    return (sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "real-layouts").glob("*.txt"))
            + sorted(INVENTED.glob("*.txt")))


def record_hash(record) -> str:
    data = record.model_dump(mode="json")
    data["meta"].pop("timings_s", None)  # wall-clock, not output
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def fingerprint(shared: Path) -> dict[str, dict[str, str]]:
    extractor = Extractor.from_settings()
    out: dict[str, dict[str, str]] = {}
    for path in corpus(shared):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = {m: record_hash(extractor.extract_text(text, doc_id=path.stem, mode=m)) for m in MODES}
        out[path.stem][COLLAPSED] = record_hash(extractor.extract_text(collapse(text), doc_id=path.stem, mode="parser"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--record", action="store_true", help="write the current fingerprint")
    ap.add_argument("--check", action="store_true", help="compare with the recorded fingerprint")
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args()
    now = fingerprint(args.shared)
    if args.record:
        FINGERPRINT.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(now)} documents -> {FINGERPRINT}")
        return 0
    before = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    changed = sorted(k for k in set(now) | set(before) if now.get(k) != before.get(k))
    for name in changed:
        print(f"changed: {name} {before.get(name)} -> {now.get(name)}")
    print(f"{len(now) - len(changed)}/{len(now)} documents unchanged")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
