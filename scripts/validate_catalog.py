#!/usr/bin/env python3
"""Checks starter-catalog JSONL files against the vocabulary and genre list.

Usage: scripts/validate_catalog.py data/starter-catalog/*.jsonl
Prints counts per genre and exits non-zero on any problem, naming file and line.
"""
import json, re, sys, pathlib, collections

ROOT = pathlib.Path(__file__).resolve().parent.parent
vocab_src = (ROOT / "Sources/MupicCore/Vocabulary+Tags.swift").read_text()
TAGS = {}
for line in vocab_src.splitlines():
    m = re.search(r'id: "([^"]+)", facet: \.(\w+)', line)
    if m:
        TAGS[m.group(1)] = m.group(2)
GENRES = [l.split("\t")[0] for l in (ROOT / "Sources/MupicCore/Resources/genres.tsv").read_text().splitlines() if l and not l.startswith("#")]
FACETS = ["situation", "emotion", "time", "style", "weather", "season"]
assert len(TAGS) == 78 and len(GENRES) == 16

def loose(name):
    """Compares names as Mupic does: case, spaces and a trailing '(romanised name)' do not matter."""
    name = re.sub(r"\s*\([^()]*\)$", "", name.casefold())
    return re.sub(r"[\s#_\-]", "", name)


problems = []
per_genre = collections.Counter()
seen = {}
for path in sys.argv[1:]:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        where = f"{path}:{n}"
        if not line.strip():
            continue
        try:
            song = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON ({e})"); continue
        for key in ("title", "artist", "genre", "tags"):
            if key not in song:
                problems.append(f"{where}: missing '{key}'")
        if song.get("genre") not in GENRES:
            problems.append(f"{where}: unknown genre {song.get('genre')!r}")
        if "year" in song and not (isinstance(song["year"], int) and 1600 <= song["year"] <= 2026):
            problems.append(f"{where}: bad year {song['year']!r}")
        if song.get("lang") not in ("ko", "en", "ja", "other", "instrumental"):
            problems.append(f"{where}: lang must be ko, en, ja, other or instrumental")
        tags = song.get("tags", {})
        if set(tags) - set(FACETS):
            problems.append(f"{where}: unknown facets {set(tags) - set(FACETS)}")
        count = 0
        for facet, ids in tags.items():
            for tid in ids:
                count += 1
                if TAGS.get(tid) != facet:
                    problems.append(f"{where}: tag {tid!r} is not a {facet} tag")
        if count < 3:
            problems.append(f"{where}: fewer than 3 tags")
        key = (loose(song.get("title", "")), loose(song.get("artist", "")))
        if key in seen:
            problems.append(f"{where}: duplicate of {seen[key]}")
        seen[key] = where
        per_genre[song.get("genre")] += 1

for p in problems:
    print(p)
print(dict(per_genre), "total", sum(per_genre.values()))
sys.exit(1 if problems else 0)
