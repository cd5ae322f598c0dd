#!/usr/bin/env python3
"""Python baselines for `mupic bench`, run on the very data the Swift side uses.

Reads a song matrix (float32, rows x 384), one genre id per row, and query vectors, then times
- the original's recommend loop: cosine similarity song by song in Python (numpy per row),
  for the songs of the chosen genres, then a sort, as the Flask/Databricks job did;
- numpy's full scan `X @ q` over every song.
Prints one JSON object of medians in milliseconds.

Usage: recommend_baseline.py MATRIX.f32 GENRES.txt QUERIES.f32 GENRE[,GENRE...] [--loops 5] [--scans 200]
"""
import json, sys, time
import numpy as np


def median_ms(samples):
    return float(np.median(samples) * 1000)


def main():
    matrix_path, genres_path, queries_path, chosen = sys.argv[1:5]
    loops = int(sys.argv[sys.argv.index("--loops") + 1]) if "--loops" in sys.argv else 5
    scans = int(sys.argv[sys.argv.index("--scans") + 1]) if "--scans" in sys.argv else 200
    X = np.fromfile(matrix_path, dtype=np.float32).reshape(-1, 384)
    genres = open(genres_path, encoding="utf-8").read().split("\n")[: X.shape[0]]
    Q = np.fromfile(queries_path, dtype=np.float32).reshape(-1, 384)
    chosen = set(chosen.split(","))
    rows = [i for i, g in enumerate(genres) if g in chosen]

    loop_times = []
    for q in Q[:loops]:
        start = time.perf_counter()
        scored = []
        qn = np.linalg.norm(q)
        for i in rows:
            e = X[i]
            scored.append((float(np.dot(q, e) / (qn * np.linalg.norm(e))), i))
        scored.sort(reverse=True)
        loop_times.append(time.perf_counter() - start)

    scan_times = []
    for k in range(scans):
        q = Q[k % len(Q)]
        start = time.perf_counter()
        scores = X @ q
        scan_times.append(time.perf_counter() - start)
    assert scores.shape[0] == X.shape[0]

    print(json.dumps({
        "songs": int(X.shape[0]), "songs_in_genres": len(rows),
        "original_loop_ms": median_ms(loop_times), "numpy_full_scan_ms": median_ms(scan_times),
        "numpy_version": np.__version__,
    }))


if __name__ == "__main__":
    main()
