#!/bin/sh
# Makes an animated GIF from a pan and zoom across a corpus photo, for the animated-GIF figures
# in README.md: N frames of WxH, each a crop that moves right and narrows, at 8 cs a frame, looping.
# usage: scripts/make-pan-zoom-gif.sh PHOTO OUT.gif [W H N]
# ImageMagick quantizes each frame to its own 256 colours (local palettes), as GIFs made from video are.
set -eu
photo=$1
out=$2
w=${3:-240}
h=${4:-160}
n=${5:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
set -- $(identify -format '%w %h' "$photo")
pw=$1
ph=$2
i=0
while [ "$i" -lt "$n" ]; do
  # the crop shrinks from 90% to 50% of the photo's height while its left edge moves across
  ch=$(( ph * (90 - 40 * i / n) / 100 ))
  cw=$(( ch * w / h ))
  x=$(( (pw - cw) * i / (n - 1) ))
  y=$(( (ph - ch) / 2 ))
  convert "$photo" -crop "${cw}x${ch}+${x}+${y}" +repage -resize "${w}x${h}!" "$tmp/f$(printf %03d "$i").png"
  i=$((i + 1))
done
convert -delay 8 -loop 0 "$tmp"/f*.png "$out"
