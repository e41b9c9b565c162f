"""Training throughput of the CenterNet detector in PyTorch from Python: the reference side of
TrainingThroughputBenchmark. The network mirrors CenterNet.java layer by layer (same
channels, kernels, strides, padding, bias flags, batch norm eps 1e-5 and momentum 0.1 as DJL's
defaults 1e-5 and 0.9 mean in PyTorch's convention), the loss mirrors CenterNetLoss.java and
the optimizer is torch.optim.Adam with L2 weight decay added to the gradient, after the
gradients are clipped to a global norm of 10 and a step with non-finite gradients is
skipped, as ParameterUpdater does. Steps run on synthetic batches of random pixels and valid targets of
the Java side's shapes.

    python3 torch_centernet.py configs/models/centernet-base.yaml --warmup 3 --steps 20
"""

import argparse
import math
import os
import resource
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch import nn

# Gaussian spread of a target peak relative to its box, as HeatmapTargets.ALPHA.
PEAK_ALPHA = 0.54
# Keeps log() finite where the sigmoid saturates, as CenterNetLoss.EPSILON.
LOSS_EPSILON = 1e-4
# Distinct batches the steps cycle through, as the Java side.
BATCHES = 4
# Largest global gradient norm a step applies, as ParameterUpdater.MAX_GRADIENT_NORM.
MAX_GRADIENT_NORM = 10.0


def load_config(path):
    """A model config with its `extends` chain merged the way ModelConfigLoader does."""
    with open(path) as f:
        tree = yaml.safe_load(f)
    base = tree.pop("extends", None)
    if base is None:
        merged = tree
    else:
        merged = merge(load_config(os.path.join(os.path.dirname(path), base)), tree)
    classes = merged["classes"]
    if isinstance(classes, dict) and "dataset" in classes:
        with open(os.path.join(os.path.dirname(path), classes["dataset"])) as f:
            merged["classes"] = yaml.safe_load(f)["classes"]
    return merged


def merge(base, override):
    result = dict(base)
    for key, value in override.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def conv(in_channels, out_channels, kernel, stride, bias):
    return nn.Conv2d(in_channels, out_channels, kernel, stride, padding=kernel // 2, bias=bias)


def conv_bn_relu(in_channels, out_channels, kernel, stride):
    return nn.Sequential(conv(in_channels, out_channels, kernel, stride, False),
                         nn.BatchNorm2d(out_channels, eps=1e-5, momentum=0.1),
                         nn.ReLU())


class ResidualUnit(nn.Module):
    """relu(x + bn(conv(relu(bn(conv(x)))))) at constant width, as ResidualUnit.java."""

    def __init__(self, channels):
        super().__init__()
        self.body = nn.Sequential(conv_bn_relu(channels, channels, 3, 1),
                                  conv(channels, channels, 3, 1, False),
                                  nn.BatchNorm2d(channels, eps=1e-5, momentum=0.1))

    def forward(self, x):
        return F.relu(self.body(x) + x)


class CenterNet(nn.Module):
    def __init__(self, config):
        super().__init__()
        channels = config["backbone"]["channels"]
        blocks = config["backbone"]["blocksPerStage"]
        width = config["head"]["channels"]
        classes = len(config["classes"])
        self.first_fused = (config["backbone"].get("outputStride", 4)).bit_length() - 2
        stages = []
        previous = 3
        for out in channels:
            stage = [conv_bn_relu(previous, out, 3, 2)]
            stage += [ResidualUnit(out) for _ in range(blocks)]
            stages.append(nn.Sequential(*stage))
            previous = out
        self.stages = nn.ModuleList(stages)
        self.laterals = nn.ModuleList(conv(channels[i], width, 1, 1, True)
                                      for i in range(self.first_fused, len(channels)))
        self.smooth = conv_bn_relu(width, width, 3, 1)
        self.heads = nn.ModuleList(
            nn.Sequential(conv(width, width, 3, 1, True), nn.ReLU(), conv(width, out, 1, 1, True))
            for out in (classes, 2, 2))
        prior = config["head"].get("heatmapPriorProbability", 0.1)
        nn.init.constant_(self.heads[0][2].bias, math.log(prior / (1 - prior)))

    def forward(self, x):
        features = []
        for stage in self.stages:
            x = stage(x)
            features.append(x)
        last = len(self.stages) - 1
        fused = self.laterals[last - self.first_fused](features[last])
        for i in range(last - 1, self.first_fused - 1, -1):
            upsampled = fused.repeat_interleave(2, dim=2).repeat_interleave(2, dim=3)
            fused = upsampled + self.laterals[i - self.first_fused](features[i])
        fused = self.smooth(fused)
        return [head(fused) for head in self.heads]


def centernet_loss(outputs, heatmap, size, offset, mask, weights):
    """Penalty-reduced focal loss plus masked L1, each over the object count."""
    objects = mask.sum().clamp(min=1)
    p = torch.sigmoid(outputs[0]).clamp(LOSS_EPSILON, 1 - LOSS_EPSILON)
    positive = (heatmap == 1).float()
    alpha = weights.get("focalAlpha", 2)
    beta = weights.get("focalBeta", 4)
    positive_loss = (p.log() * (1 - p).pow(alpha) * positive).sum()
    negative_loss = ((1 - p).log() * p.pow(alpha) * (1 - heatmap).pow(beta)
                     * (1 - positive)).sum()
    focal = -(positive_loss + negative_loss) / objects
    size_l1 = ((outputs[1] - size).abs() * mask).sum() / objects
    offset_l1 = ((outputs[2] - offset).abs() * mask).sum() / objects
    total = focal + size_l1 * weights.get("sizeWeight", 0.1) \
        + offset_l1 * weights.get("offsetWeight", 1)
    return total, focal, size_l1, offset_l1


def synthetic_batch(config, rng):
    """Random pixels and, for 3 to 10 random boxes per frame, Gaussian peaks of 1 at center
    cells with sizes and offsets there, encoded as HeatmapTargets.java encodes them."""
    n = config["training"]["batchSize"]
    width, height = config["input"]["width"], config["input"]["height"]
    stride = config["backbone"].get("outputStride", 4)
    classes = len(config["classes"])
    h, w = height // stride, width // stride
    images = rng.standard_normal((n, 3, height, width), dtype=np.float32)
    heatmap = np.zeros((n, classes, h, w), np.float32)
    size = np.zeros((n, 2, h, w), np.float32)
    offset = np.zeros((n, 2, h, w), np.float32)
    mask = np.zeros((n, 1, h, w), np.float32)
    gy, gx = np.mgrid[0:h, 0:w]
    for frame in range(n):
        for _ in range(rng.integers(3, 11)):
            bw = (4 + rng.random() * width / 3) / stride
            bh = (4 + rng.random() * height / 2) / stride
            cx = (bw / 2 + rng.random() * (width / stride - bw))
            cy = (bh / 2 + rng.random() * (height / stride - bh))
            x, y = min(w - 1, int(cx)), min(h - 1, int(cy))
            sx, sy = max(PEAK_ALPHA * bw / 6, 1e-3), max(PEAK_ALPHA * bh / 6, 1e-3)
            peak = np.exp(-((gx - x) ** 2 / (2 * sx * sx) + (gy - y) ** 2 / (2 * sy * sy)))
            peak[(np.abs(gx - x) > math.ceil(3 * sx)) | (np.abs(gy - y) > math.ceil(3 * sy))] = 0
            c = rng.integers(classes)
            np.maximum(heatmap[frame, c], peak.astype(np.float32), out=heatmap[frame, c])
            if mask[frame, 0, y, x] == 0:
                mask[frame, 0, y, x] = 1
                size[frame, :, y, x] = (bw, bh)
                offset[frame, :, y, x] = (cx - x, cy - y)
    return [torch.from_numpy(a) for a in (images, heatmap, size, offset, mask)]


def minor_faults():
    """Pages this process has touched for the first time since it started or since they were
    last handed back to the system: how the allocator's settings show."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2, help="intra-op threads (DJL: 2)")
    parser.add_argument("--interop-threads", type=int, default=2, help="inter-op (DJL: 2)")
    parser.add_argument("--keep-grad", action="store_true",
                        help="zero gradients in place instead of dropping them, as DJL does")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.interop_threads)
    config = load_config(args.config)
    training = config["training"]
    torch.manual_seed(training.get("seed", 0))
    rng = np.random.default_rng(training.get("seed", 0))
    batches = [synthetic_batch(config, rng) for _ in range(BATCHES)]
    model = CenterNet(config).train()
    settings = training["optimizer"]
    optimizer = torch.optim.Adam(model.parameters(), lr=settings["learningRate"],
                                 betas=(0.9, 0.999), eps=1e-8,
                                 weight_decay=settings.get("weightDecay", 0))
    weights = config.get("loss", {})
    step_seconds = []
    faults_before = 0
    for step in range(args.warmup + args.steps):
        if step == args.warmup:
            faults_before = minor_faults()
        start = time.perf_counter()
        images, heatmap, size, offset, mask = batches[step % BATCHES]
        parts = centernet_loss(model(images), heatmap, size, offset, mask, weights)
        # PyTorch drops the gradients (set_to_none) by default, so backward writes them into
        # fresh tensors; DJL's engine can only zero them in place, and backward adds to them.
        optimizer.zero_grad(set_to_none=not args.keep_grad)
        parts[0].backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_GRADIENT_NORM)
        if torch.isfinite(norm):
            optimizer.step()
        # The Java step reads the four loss parts back every step; so does this one.
        [part.item() for part in parts]
        if step >= args.warmup:
            step_seconds.append(time.perf_counter() - start)
    faults_per_step = (minor_faults() - faults_before) // args.steps
    seconds = sum(step_seconds)
    median = statistics.median(step_seconds)
    trainable = [p for p in model.parameters() if p.requires_grad]
    n = training["batchSize"]
    print(f"torch {torch.__version__} ({torch.get_num_threads()} intra-op, "
          f"{torch.get_num_interop_threads()} inter-op threads"
          f"{', gradients zeroed in place' if args.keep_grad else ''}): {args.steps} steps of {n} "
          f"images in {seconds:.2f} s: {args.steps * n / seconds:.2f} images/s; median step "
          f"{median * 1e3:.0f} ms: {n / median:.2f} images/s; "
          f"{faults_per_step} minor page faults per step; "
          f"{sum(p.numel() for p in trainable)} trainable parameters in "
          f"{len(trainable)} tensors")


if __name__ == "__main__":
    main()
