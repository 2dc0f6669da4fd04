"""Start-up of a batch worker, phase by phase, in fresh processes: CPU seconds (what the load does not change) and
wall, medians of ``--repeat`` processes. What every worker pays before its files (and, for the jieba phase, on its
first collapsed document), so what bounds ``--workers 2`` / ``--workers 1`` on a short batch
(docs/decisions/batch.md, "Start-up").

    python bench/startup.py [--repeat 5] [--bytecode]

``--bytecode``: the same with the modules' bytecode cached (a temporary ``PYTHONPYCACHEPREFIX``, written once
before): where ``PYTHONDONTWRITEBYTECODE`` is set and the package is an editable install, every process compiles
the package's sources again.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

PROBE = r'''
import json, time, sys
def now():
    return time.process_time(), time.perf_counter()
out = {}
c0, w0 = now()
import jixiao.pipelines.isolate  # what a spawned worker imports to find its target
c1, w1 = now()
import jixiao.pipelines.extract, jixiao.models.tagger  # the forkserver's preload
c2, w2 = now()
from jixiao.config import get_settings
from jixiao.pipelines.extract import Extractor
settings = get_settings().model_copy(update={"workers_threads": 1})
Extractor.from_settings(settings)
c3, w3 = now()
import io, logging
import jieba
from jixiao.pipelines.segment import KEYWORDS, Segmenter
from jixiao.pipelines.taxonomy import jieba_dictionary
c4, w4 = now()
Segmenter().words("项目名称老字号")  # the collapsed reader's first segmentation
c5, w5 = now()
jieba.setLogLevel(logging.WARNING)
plain = jieba.Tokenizer()  # jieba's own dict load, as the segmenter did before jieba_freq
plain.load_userdict(io.StringIO("\n".join([f"{w} 100000 nz" for w in KEYWORDS] + jieba_dictionary())))
c6, w6 = now()
for name, (a, b) in {"import isolate": ((c0, w0), (c1, w1)), "import extract + tagger": ((c1, w1), (c2, w2)),
                     "Extractor.from_settings": ((c2, w2), (c3, w3)), "import jieba": ((c3, w3), (c4, w4)),
                     "first segmentation (trie table)": ((c4, w4), (c5, w5)),
                     "first segmentation, jieba's own dict (before)": ((c5, w5), (c6, w6))}.items():
    out[name] = [round(b[0] - a[0], 4), round(b[1] - a[1], 4)]
print(json.dumps(out))
'''


def run(repeat: int, env: dict) -> dict[str, tuple[float, float]]:
    rows: dict[str, list[list[float]]] = {}
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True)
        for name, pair in json.loads(done.stdout.strip().splitlines()[-1]).items():
            rows.setdefault(name, []).append(pair)
    return {name: (statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs))
            for name, pairs in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bytecode", action="store_true", help="also with the bytecode cached")
    args = parser.parse_args()
    variants = [("as run", dict(os.environ))]
    if args.bytecode:
        cache = tempfile.mkdtemp(prefix="jixiao-pycache-")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": cache}
        subprocess.run([sys.executable, "-c", PROBE], capture_output=True, env=env, check=True)  # writes the cache
        variants.append(("bytecode cached", env))
    print(f"load average before: {os.getloadavg()[0]:.2f}; medians of {args.repeat} fresh processes, CPU s / wall s")
    results = [(label, run(args.repeat, env)) for label, env in variants]
    names = list(results[0][1])
    print("| phase | " + " | ".join(label for label, _ in results) + " |")
    print("| --- |" + " ---: |" * len(results))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{r[name][0]:.3f} / {r[name][1]:.3f}" for _, r in results) + " |")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
