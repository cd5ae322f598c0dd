#!/usr/bin/env python3
"""Writes Tests/MupicMLTests/Fixtures/image_models_reference.json: what onnxruntime answers
for the Places365 SqueezeNet and the weather CNN on a few synthetic images, which MupicML's
Swift forward pass must reproduce (max abs diff of probabilities <= 1e-4).

The images are computed from a formula (PATTERNS below, mirrored in
Tests/MupicMLTests/ImageModelParityTests.swift), so the fixture holds no pixels, only the
model outputs. The preprocessing is the models' own: for the scene model the raw 0..255
RGB goes in (the ONNX graph subtracts the mean and divides by 255), for the weather model
pixel/255.

Rerun only when the patterns or the models change; the fixture is committed.

Setup (one time): python3 -m venv /tmp/imagemodels-venv && /tmp/imagemodels-venv/bin/pip install onnxruntime numpy pillow
Usage: /tmp/imagemodels-venv/bin/python scripts/imagemodels/make_parity_fixture.py [--models DIR] [--out FILE]
"""
import argparse
import json
import os
from pathlib import Path

import numpy as np
import onnxruntime as ort

ROOT = Path(__file__).resolve().parents[2]


def pattern(name: str, size: int) -> np.ndarray:
    """An HWC uint8 image; every formula uses integer arithmetic only, so Swift computes the same bytes."""
    y, x, c = np.meshgrid(np.arange(size), np.arange(size), np.arange(3), indexing="ij")
    if name == "gradient":  # red grows left to right, green top to bottom, blue along the diagonal
        values = np.where(c == 0, x * 255 // (size - 1), np.where(c == 1, y * 255 // (size - 1), (x + y) * 255 // (2 * (size - 1))))
    elif name == "modular":  # high-frequency texture
        values = (x * 7 + y * 13 + c * 29) % 256
    elif name == "checker":  # 4-pixel checkerboard, slightly tinted per channel
        values = np.where((x // 4 + y // 4) % 2 == 0, 230 - c * 20, 20 + c * 15)
    elif name == "sky":  # a constant blue-grey
        values = np.choose(c, [90, 140, 200])
    elif name == "horizon":  # bright sky above, dark green ground below, a soft band between
        band = np.clip(y - size // 2 + 8, 0, 16)
        top = np.choose(c, [150, 190, 235])
        bottom = np.choose(c, [40, 90, 30])
        values = (top * (16 - band) + bottom * band) // 16
    else:
        raise ValueError(name)
    return values.astype(np.uint8)


PATTERNS = ["gradient", "modular", "checker", "sky", "horizon"]


def run(session: ort.InferenceSession, image: np.ndarray) -> tuple[list[float], list[float]]:
    logits, probs = session.run(["logits", "probs"], {"image": image})
    return logits[0].tolist(), probs[0].tolist()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", default=os.environ.get("MUPIC_IMAGE_MODELS", str(ROOT.parent / "shared/models")))
    parser.add_argument("--out", default=str(ROOT / "Tests/MupicMLTests/Fixtures/image_models_reference.json"))
    args = parser.parse_args()
    models = Path(args.models)

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    scene = ort.InferenceSession(str(models / "places365-squeezenet/squeezenet_places365.onnx"), options, providers=["CPUExecutionProvider"])
    weather = ort.InferenceSession(str(models / "weather-cnn/weather_cnn.onnx"), options, providers=["CPUExecutionProvider"])

    cases = []
    for name in PATTERNS:
        scene_input = pattern(name, 224).transpose(2, 0, 1)[None].astype(np.float32)
        weather_input = (pattern(name, 128).transpose(2, 0, 1)[None].astype(np.float32) / np.float32(255))
        scene_logits, scene_probs = run(scene, scene_input)
        weather_logits, weather_probs = run(weather, weather_input)
        cases.append({
            "pattern": name,
            "scene": {"logits": scene_logits, "probs": scene_probs},
            "weather": {"logits": weather_logits, "probs": weather_probs},
        })
        top = int(np.argmax(scene_probs))
        print(f"{name:9s} scene top {top} p={scene_probs[top]:.3f}  weather {np.round(weather_probs, 3).tolist()}")

    document = {
        "generator": "scripts/imagemodels/make_parity_fixture.py",
        "onnxruntime": ort.__version__,
        "cases": cases,
    }
    # Eight significant digits are far below the 1e-4 tolerance and keep the file small;
    # one line per case keeps diffs readable.
    rounded = json.loads(json.dumps(document), parse_float=lambda s: float(f"{float(s):.8g}"))
    lines = [json.dumps(case, separators=(",", ":")) for case in rounded.pop("cases")]
    header = json.dumps(rounded)[:-1]
    text = header + ', "cases": [\n' + ",\n".join(lines) + "\n]}"
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(text)} bytes)")


if __name__ == "__main__":
    main()
