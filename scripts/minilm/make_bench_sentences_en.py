#!/usr/bin/env python3
"""Writes the English benchmark corpus: 1,000 song sentences exactly as Mupic embeds them by
default (English glosses joined by ", "), 4 to 9 tags each.

Usage: python3 scripts/minilm/make_bench_sentences_en.py [OUT] (default: scripts/minilm/bench_sentences_en.txt)
"""
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "scripts/minilm/bench_sentences_en.txt"
source = (ROOT / "Sources/MupicCore/Vocabulary+Tags.swift").read_text(encoding="utf-8")
glosses = [g.replace('\\"', '"') for g in re.findall(r'english: "((?:[^"\\]|\\.)*)"', source)]
if len(glosses) != 78:
    sys.exit(f"expected 78 tags, found {len(glosses)}")

rng = random.Random(7)
lines = [", ".join(rng.sample(glosses, rng.randint(4, 9))) for _ in range(1000)]
OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"wrote {len(lines)} sentences to {OUT}")
