"""Runs an ONNX model file in onnxruntime on one float32 input and saves every output.

Usage: run_onnx_model.py MODEL INPUT.bin N,C,H,W OUTPUT_DIR
The input is raw little-endian float32 in row-major order; each output is written the same
way as OUTPUT_DIR/<name>.bin. Prints one JSON object: the model's metadata_props, and the
input and output names and shapes as onnxruntime reports them.
"""
import json
import sys

import numpy as np
import onnxruntime


def main(model, input_file, shape, out_dir):
    session = onnxruntime.InferenceSession(model, providers=["CPUExecutionProvider"])
    dims = [int(d) for d in shape.split(",")]
    images = np.fromfile(input_file, dtype="<f4").reshape(dims)
    feed = {session.get_inputs()[0].name: images}
    names = [o.name for o in session.get_outputs()]
    shapes = {}
    for name, value in zip(names, session.run(names, feed)):
        value.astype("<f4").tofile(f"{out_dir}/{name}.bin")
        shapes[name] = list(value.shape)
    print(json.dumps({
        "metadata": session.get_modelmeta().custom_metadata_map,
        "input": {"name": session.get_inputs()[0].name,
                  "shape": [str(d) for d in session.get_inputs()[0].shape]},
        "outputs": shapes,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:5])
