#!/usr/bin/python3
"""Writes the frames of an animated GIF, composed by Pillow as a browser shows them, one under the
other into an RGBA PNG strip: the independent reference that AnimatedGifDecodeTest compares with.
usage: scripts/gif-reference-frames.py IN.gif OUT.png"""
import sys
from PIL import Image

src = Image.open(sys.argv[1])
w, h = src.size
n = src.n_frames
strip = Image.new("RGBA", (w, h * n))
for i in range(n):
    src.seek(i)
    strip.paste(src.convert("RGBA"), (0, h * i))
strip.save(sys.argv[2])
