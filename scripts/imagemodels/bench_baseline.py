#!/usr/bin/env python3
"""The Python side of `mupic bench image-models`: the same work with PIL and onnxruntime.

Prints one JSON object (times in milliseconds, one image at a time, after a warm-up):
  scene_p50_ms, scene_p99_ms          the Places365 SqueezeNet alone (onnxruntime); every measure
                                      also has a _cpu_ms: process CPU time per run, all threads
  weather_p50_ms, weather_p99_ms      the weather CNN alone
  full_pipeline_p50_ms / _p99_ms      PIL decode of the whole JPEG, EXIF transpose, both resizes
                                      (256x256 bilinear + centre crop 224, 128x128 bilinear), both models
  draft_pipeline_p50_ms / _p99_ms     the same with Image.draft, PIL's shrink-on-load for JPEG
                                      (the fair match for Mupic's libvips shrink-on-load)

onnxruntime runs with --threads intra-op threads (2 = this project's machines).

Setup (one time): python3 -m venv /tmp/imagemodels-venv && /tmp/imagemodels-venv/bin/pip install onnxruntime numpy pillow
Usage: /tmp/imagemodels-venv/bin/python scripts/imagemodels/bench_baseline.py --models DIR --photo a.jpg [--photo b.jpg]
"""
import argparse
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[2]


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round((len(ordered) - 1) * 0.99))]


def timed(runs: int, body) -> tuple[float, float, float]:
    """p50 and p99 wall time, and process CPU time (all threads) per run, in ms."""
    for run in range(3):
        body(run)
    times = []
    cpu_start = time.process_time()
    for run in range(runs):
        start = time.perf_counter()
        body(run)
        times.append((time.perf_counter() - start) * 1000)
    cpu = (time.process_time() - cpu_start) * 1000 / runs
    return (*percentiles(times), cpu)


def model_inputs(data: bytes, draft: bool) -> tuple[np.ndarray, np.ndarray]:
    import io

    image = Image.open(io.BytesIO(data))
    if draft:
        image.draft("RGB", (256, 256))
    image = ImageOps.exif_transpose(image).convert("RGB")
    scene = np.asarray(image.resize((256, 256), Image.BILINEAR).crop((16, 16, 240, 240)), dtype=np.float32)
    weather = np.asarray(image.resize((128, 128), Image.BILINEAR), dtype=np.float32) / np.float32(255)
    return scene.transpose(2, 0, 1)[None].copy(), weather.transpose(2, 0, 1)[None].copy()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", default=os.environ.get("MUPIC_IMAGE_MODELS", str(ROOT.parent / "shared/models")))
    parser.add_argument("--photo", action="append", required=True)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    models = Path(args.models)
    scene = ort.InferenceSession(str(models / "places365-squeezenet/squeezenet_places365.onnx"), options, providers=["CPUExecutionProvider"])
    weather = ort.InferenceSession(str(models / "weather-cnn/weather_cnn.onnx"), options, providers=["CPUExecutionProvider"])
    photos = [Path(p).read_bytes() for p in args.photo]
    scene_input, weather_input = model_inputs(photos[0], draft=False)

    def pipeline(draft: bool):
        def body(run: int) -> None:
            s, w = model_inputs(photos[run % len(photos)], draft)
            scene.run(["probs"], {"image": s})
            weather.run(["probs"], {"image": w})
        return body

    result = {}
    for name, body in [
        ("scene", lambda run: scene.run(["probs"], {"image": scene_input})),
        ("weather", lambda run: weather.run(["probs"], {"image": weather_input})),
        ("full_pipeline", pipeline(False)),
        ("draft_pipeline", pipeline(True)),
    ]:
        p50, p99, cpu = timed(args.runs, body)
        result[f"{name}_p50_ms"] = round(p50, 3)
        result[f"{name}_p99_ms"] = round(p99, 3)
        result[f"{name}_cpu_ms"] = round(cpu, 3)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
