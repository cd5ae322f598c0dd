#!/usr/bin/env python3
"""Times sentence-transformers on the benchmark corpus, to compare with MupicML.

Prints one JSON object: {"batched_per_s": ..., "single_ms": ..., ...}
  batched_per_s  sentences per second encoding the whole corpus with batching
  single_ms      median latency of encoding one sentence at a time

Torch is limited to 2 threads (the size of this project's machines) so the
numbers compare with `mupic bench` on the same box.

Setup (one time): python3 -m venv /tmp/minilm-venv && /tmp/minilm-venv/bin/pip install sentence-transformers
Usage: HF_HUB_OFFLINE=1 /tmp/minilm-venv/bin/python scripts/minilm/bench_reference.py \
           [--model-dir models/all-MiniLM-L6-v2] [--sentences scripts/minilm/bench_sentences.txt]
"""
import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", default=os.environ.get("MUPIC_MODEL_DIR", str(ROOT / "models/all-MiniLM-L6-v2")))
    parser.add_argument("--sentences", default=str(ROOT / "scripts/minilm/bench_sentences.txt"))
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3, help="batched runs; the best is reported")
    parser.add_argument("--single", type=int, default=200, help="sentences timed one at a time")
    args = parser.parse_args()

    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(args.threads)
    sentences = [line for line in Path(args.sentences).read_text(encoding="utf-8").splitlines() if line]
    model = SentenceTransformer(args.model_dir, device="cpu")

    with torch.inference_mode():
        model.encode(sentences[:64], batch_size=args.batch_size)  # warm-up

        best = float("inf")
        for _ in range(args.repeats):
            start = time.perf_counter()
            model.encode(sentences, batch_size=args.batch_size, normalize_embeddings=True)
            best = min(best, time.perf_counter() - start)

        latencies = []
        for sentence in sentences[: args.single]:
            start = time.perf_counter()
            model.encode([sentence], batch_size=1, normalize_embeddings=True)
            latencies.append((time.perf_counter() - start) * 1000)

    token_counts = [len(ids) for ids in model.tokenizer(sentences)["input_ids"]]
    print(json.dumps({
        "batched_per_s": round(len(sentences) / best, 1),
        "single_ms": round(statistics.median(latencies), 3),
        "sentences": len(sentences),
        "mean_tokens": round(sum(token_counts) / len(token_counts), 1),
        "batch_size": args.batch_size,
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
    }))


if __name__ == "__main__":
    sys.exit(main())
