#!/usr/bin/python3
"""squish against gifsicle on animated GIFs, side by side in one run.

For each GIF: squish -k K (one palette for all frames) and gifsicle --colors K -O3, then every
frame of each output is composed by Pillow (an independent decoder) and compared with the
input's frame composed the same way. Prints a Markdown table: bytes, frames, PSNR of the mean
squared error over all frames (RGB, transparent pixels of the input left out), and the mean of
the frames' PSNR.
usage: scripts/animated-gif.py [-k 64] IN.gif...   (run from the checkout; needs ./squish, gifsicle)"""
import argparse
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image


def frames(path):
    im = Image.open(path)
    out = []
    for i in range(getattr(im, "n_frames", 1)):
        im.seek(i)
        out.append((np.asarray(im.convert("RGBA"), dtype=np.float64), im.info.get("duration")))
    return out


def psnr(mse):
    return math.inf if mse == 0 else 10 * math.log10(255 * 255 / mse)


def compare(src, out):
    a = frames(src)
    b = frames(out)
    # compared as shown over time: gifsicle merges a frame equal to the one before into it (adding
    # up their delays), so each input frame is compared with the output frame shown when it starts
    ends = []
    t = 0
    for _, d in b:
        t += d or 0
        ends.append(t)
    mses = []
    t = 0
    j = 0
    for fa, da in a:
        while j < len(b) - 1 and ends[j] <= t:
            j += 1
        fb = b[j][0]
        t += da or 0
        seen = fa[..., 3] > 0
        if (fb[..., 3][seen] == 0).any():
            sys.exit(f"{out}: transparent where the input is not")
        d = (fa[..., :3] - fb[..., :3])[seen]
        mses.append(float((d * d).mean()) if d.size else 0.0)
    per = [psnr(m) for m in mses]
    return len(a), len(b), psnr(sum(mses) / len(mses)), sum(per) / len(per)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("-k", type=int, default=64)
    p.add_argument("gifs", nargs="+")
    args = p.parse_args()
    tmp = tempfile.mkdtemp()
    print("| GIF | frames | input B | tool | frames written | output B | PSNR all frames dB | mean frame PSNR dB |")
    print("|---|---|---|---|---|---|---|---|")
    for g in args.gifs:
        name = os.path.basename(g)
        sq = os.path.join(tmp, "squish-" + name)
        gs = os.path.join(tmp, "gifsicle-" + name)
        subprocess.run(["./squish", g, "-k", str(args.k), "-o", sq, "--force", "--quiet"], check=True)
        subprocess.run(["gifsicle", "--colors", str(args.k), "-O3", g, "-o", gs], check=True)
        for tool, out in (("squish -k %d" % args.k, sq), ("gifsicle --colors %d -O3" % args.k, gs)):
            n, written, all_db, mean_db = compare(g, out)
            print(f"| {name} | {n} | {os.path.getsize(g)} | {tool} | {written} | {os.path.getsize(out)} |"
                  f" {all_db:.2f} | {mean_db:.2f} |")


if __name__ == "__main__":
    main()
