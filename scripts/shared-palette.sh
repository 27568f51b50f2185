#!/usr/bin/env bash
# Shared against per-image palettes (README, "Given, saved and shared palettes"): six sprites cut
# from the baboon and Chelsea test photos and eight frames of a pan across Grace Hopper's portrait
# (the crops of PaletteImages in squish-cli's tests), each set compressed with a palette per image,
# one shared palette by pixels and one by image, at k = 16 and 64. Prints mean PSNR and total bytes
# from the JSON reports. Needs ImageMagick (convert) and python3.
# Usage: scripts/shared-palette.sh [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
photos="$root/squish-testkit/src/main/resources/dev/squish/testkit/photos"
mkdir -p "$work/sprites" "$work/frames"
n=1
for c in 64x64+0+200 72x96+220+300 64x80+60+300 64x80+380+300; do
  convert "$photos/opencv-baboon.jpg" -crop "$c" +repage "PNG32:$work/sprites/sprite-$n.png"; n=$((n + 1))
done
convert "$photos/skimage-chelsea.png" -crop 160x120+150+60 +repage "PNG32:$work/sprites/sprite-5.png"
convert "$photos/skimage-chelsea.png" -crop 48x48+20+200 +repage "PNG32:$work/sprites/sprite-6.png"
for i in 0 1 2 3 4 5 6 7; do
  convert "$photos/mpl-grace_hopper.jpg" -crop "160x120+$((100 + 24 * i))+$((80 + 16 * i))" +repage \
    "PNG32:$work/frames/frame-0$i.png"
done
printf '| set | k | per-image palettes | shared (pixels) | shared (image) |\n|---|---|---|---|---|\n'
for set in sprites frames; do
  for k in 16 64; do
    row="| $set | $k |"
    for mode in per pixels image; do
      out="$work/out-$set-$k-$mode"
      rm -rf "$out"
      extra=()
      [ "$mode" != per ] && extra=(--shared-palette --shared-weight "$mode")
      "$root/squish" "$work/$set" -k "$k" "${extra[@]}" --output-dir "$out" --report "$out/report.json" -q
      row="$row $(python3 - "$out/report.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["files"]
print("%.2f dB, %s B" % (sum(r["psnr_db"] for r in rows) / len(rows), format(sum(r["output_bytes"] for r in rows), ",")))
PY
) |"
    done
    echo "$row"
  done
done
