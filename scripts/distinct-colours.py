#!/usr/bin/env python3
"""Small distinct colours: the figures of README's "Kept colours and small distinct colours".

Run from the project's root; squish runs through its launcher, ./squish (which builds it when needed):

    /usr/bin/python3 scripts/distinct-colours.py                # patches, then the corpus
    /usr/bin/python3 scripts/distinct-colours.py --patches-only

1. Patches: the squares of squish-testkit's DistinctPatches (the same colours, sizes and places)
   pasted into kodak-kodim07.png and the mandrill (decoded), quantized to k = 16 by squish with
   --distinct keep and off, and by pngquant 16 --nofs; for each square, its mean CIEDE2000 against
   the pasted colour (scikit-image's deltaE_ciede2000). The same for the photo of issue 12, the
   corpus's plasma-ColorfulCups.jpg downscaled to 1.2 MP with four squares (measured only: its
   licence keeps it out of the repository).
2. Corpus: every image of the shared corpus (../shared/corpus, or --corpus DIR) at k = 16, 64
   and 256 with --distinct off (what squish did before the step) and keep; mean PSNR over the
   images from squish's own --json lines, and on how many images a distinct colour got an entry
   (the images whose PSNR changed are listed on standard error).

Needs numpy, Pillow and scikit-image (Debian's python3-numpy, python3-pil, python3-skimage).
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image
from skimage.color import deltaE_ciede2000, rgb2lab

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = ROOT / "squish-testkit/src/main/resources/dev/squish/testkit/photos"
# name, x, y, size, colour: as DistinctPatches.KODIM07 and DistinctPatches.BABOON
PATCHES = {
    "kodak-kodim07.png": (PHOTOS / "kodak-kodim07.png", [
        ("violet", 40, 40, 20, 0x8E24AA), ("azure", 700, 60, 14, 0x1E88E5),
        ("magenta", 60, 440, 14, 0xFF00FF), ("cyan", 680, 430, 10, 0x00E5FF)]),
    "opencv-baboon.jpg": (PHOTOS / "decoded/opencv-baboon.png", [
        ("violet", 30, 30, 16, 0x8E24AA), ("magenta", 460, 40, 12, 0xFF00FF),
        ("green", 40, 460, 12, 0x00C853)]),
}
# the photo of issue 12 (GPL-2+, so measured here and not committed): the corpus's ColorfulCups
# downscaled to 1.2 MP, with a 34×34 crimson square and 24×24 violet, crimson and azure ones
CUPS = ("plasma-ColorfulCups.jpg", (1386, 866), [
    ("crimson", 100, 100, 34, 0xD81B60), ("violet", 1200, 120, 24, 0x8E24AA),
    ("crimson", 150, 700, 24, 0xDC143C), ("azure", 1250, 760, 24, 0x1E88E5)])


def rgb(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def patch_delta_e(original: np.ndarray, out: np.ndarray, x: int, y: int, size: int) -> float:
    a = rgb2lab(original[y:y + size, x:x + size])
    b = rgb2lab(out[y:y + size, x:x + size])
    return float(deltaE_ciede2000(a, b).mean())


def patches(work: Path, corpus_dir: Path) -> None:
    print("| image | square | share of pixels | squish --distinct off | squish (keep) | pngquant 16 --nofs |")
    print("|---|---|---:|---:|---:|---:|")
    cases = [(name, source, None, squares) for name, (source, squares) in PATCHES.items()]
    if (corpus_dir / CUPS[0]).exists():
        cases.append((CUPS[0] + " at 1.2 MP", corpus_dir / CUPS[0], CUPS[1], CUPS[2]))
    for name, source, size, squares in cases:
        image = Image.open(source).convert("RGB")
        if size is not None:
            image = image.resize(size, Image.LANCZOS)
        pixels = np.asarray(image).copy()
        for _, x, y, size, c in squares:
            pixels[y:y + size, x:x + size] = [(c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF]
        src = work / ("patches-" + name.split(".")[0] + ".png")
        Image.fromarray(pixels).save(src)
        outs = {}
        for mode in ("off", "keep"):
            outs[mode] = work / f"{src.stem}-{mode}.png"
            subprocess.run([str(ROOT / "squish"), "--input", str(src), "--output", str(outs[mode]), "-k", "16",
                            "--distinct", mode, "--force", "-q"], check=True)
        outs["pngquant"] = work / f"{src.stem}-pngquant.png"
        subprocess.run(["pngquant", "16", "--nofs", "--force", "--output", str(outs["pngquant"]), str(src)],
                       check=True)
        decoded = {k: rgb(v) for k, v in outs.items()}
        total = pixels.shape[0] * pixels.shape[1]
        for label, x, y, size, _ in squares:
            row = [patch_delta_e(pixels, decoded[k], x, y, size) for k in ("off", "keep", "pngquant")]
            print(f"| {name} | {label} {size}×{size} | {100 * size * size / total:.3f}% | "
                  + " | ".join(f"{v:.1f}" for v in row) + " |")


def corpus(corpus_dir: Path, work: Path) -> None:
    print()
    print("| k | mean PSNR, --distinct off (dB) | mean PSNR, keep (dB) | difference (dB) | images where a distinct colour got an entry |")
    print("|---:|---:|---:|---:|---:|")
    for k in (16, 64, 256):
        psnr = {}
        distinct = {}
        for mode in ("off", "keep"):
            out = work / f"corpus-{k}-{mode}"
            lines = subprocess.run([str(ROOT / "squish"), str(corpus_dir), "--output-dir", str(out), "-k", str(k),
                                    "--distinct", mode, "--force", "--no-progress", "--json"], check=True,
                                   capture_output=True, text=True).stdout.splitlines()
            rows = [json.loads(line) for line in lines]
            rows = [r for r in rows if r.get("status") == "written"]
            psnr[mode] = {r["input"]: r["psnr_db"] for r in rows}
            distinct[mode] = sum(1 for r in rows if r.get("distinct_colors", 0) > 0)
        off = np.mean([v for v in psnr["off"].values() if v is not None and v != float("inf")])
        keep = np.mean([v for v in psnr["keep"].values() if v is not None and v != float("inf")])
        print(f"| {k} | {off:.3f} | {keep:.3f} | {keep - off:+.3f} | {distinct['keep']} of {len(psnr['keep'])} |")
        for f in sorted(psnr["off"]):
            if psnr["keep"][f] != psnr["off"][f]:
                print(f"|   | {Path(f).name}: {psnr['off'][f]:.3f} → {psnr['keep'][f]:.3f} | | | |", file=sys.stderr)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    p.add_argument("--patches-only", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        patches(work, args.corpus)
        if not args.patches_only:
            corpus(args.corpus, work)


if __name__ == "__main__":
    main()
