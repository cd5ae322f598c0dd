#!/usr/bin/env python3
"""Writes the benchmark corpus: 1,000 tag sentences of 5-10 tags each.

The tags are the project's own (Korean and English names from
Sources/MupicCore/Vocabulary+Tags.swift) so the benchmark sees the token lengths
the app will see. The output is committed, so the Swift and Python benchmarks
read the very same sentences; rerun this only to change the corpus.

Usage: python3 scripts/minilm/make_bench_sentences.py [OUT] (default: scripts/minilm/bench_sentences.txt)
"""
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TAGS_SWIFT = ROOT / "Sources/MupicCore/Vocabulary+Tags.swift"
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "scripts/minilm/bench_sentences.txt"

pattern = re.compile(r'korean:\s*"([^"]+)",\s*english:\s*"([^"]+)"')
pairs = pattern.findall(TAGS_SWIFT.read_text(encoding="utf-8"))
if len(pairs) < 20:
    sys.exit(f"found only {len(pairs)} tags in {TAGS_SWIFT}")

rng = random.Random(20261125)
lines = []
for i in range(1000):
    n = rng.randint(5, 10)
    chosen = rng.sample(pairs, n)
    kind = i % 3  # a third Korean, a third English, a third mixed
    words = [k if kind == 0 or (kind == 2 and rng.random() < 0.5) else e for k, e in chosen]
    lines.append(" ".join(words))

OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"wrote {len(lines)} sentences to {OUT}")
