#!/usr/bin/env python3
"""What a colour-managed viewer sees of squish's outputs for inputs tagged with a colour profile.

For each photo: ImageMagick (its own LittleCMS) converts the photo from sRGB into the space of
PROFILE and embeds the profile, as a camera or editor would write it; squish compresses it; the
viewer's reference is ImageMagick's conversion of the tagged input back to sRGB. Printed per
photo: the PSNR squish reports, the PSNR of its output against the viewer's reference, and the
same for the output the profile-blind way (quantized in the stored numbers, written without the
profile: squish's --keep-profile output with its iCCP chunk dropped), which is what squish wrote
before it read profiles.

  python3 scripts/colour-managed-psnr.py --profile /usr/share/color/icc/colord/AdobeRGB1998.icc \
      ../shared/corpus/kodak-kodim07.png ../shared/corpus/skimage-chelsea.png

Needs ImageMagick (convert), Pillow and NumPy; run from the checkout (uses ./squish).
"""
import argparse, json, os, struct, subprocess, sys, tempfile
import numpy as np
from PIL import Image

SRGB = "/usr/share/color/icc/colord/sRGB.icc"


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else 10 * np.log10(255 ** 2 / mse)


def rgb(path):
    return np.asarray(Image.open(path).convert("RGB"))


def drop_chunk(src, dst, kind):
    d = open(src, "rb").read()
    out, p = bytearray(d[:8]), 8
    while p < len(d):
        n, t = struct.unpack(">I4s", d[p:p + 8])
        if t != kind:
            out += d[p:p + 12 + n]
        p += 12 + n
    open(dst, "wb").write(out)


def squish(args):
    r = subprocess.run(["./squish", *args, "--json", "--force"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(r.stderr)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", required=True)
    ap.add_argument("-k", type=int, default=16)
    ap.add_argument("photos", nargs="+")
    a = ap.parse_args()
    print("| photo | k | squish reports | viewer sees (squish) | viewer sees (profile ignored) |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for photo in a.photos:
            name = os.path.splitext(os.path.basename(photo))[0]
            tagged = os.path.join(tmp, name + "-tagged.png")
            subprocess.run(["convert", photo, "+profile", "*", "-profile", SRGB, "-profile", a.profile, tagged], check=True)
            shown = os.path.join(tmp, name + "-shown.png")
            subprocess.run(["convert", tagged, "-profile", SRGB, "-strip", shown], check=True)
            out = os.path.join(tmp, name + "-out.png")
            rec = squish([tagged, "-k", str(a.k), "-o", out])
            kept = os.path.join(tmp, name + "-kept.png")
            squish([tagged, "-k", str(a.k), "-o", kept, "--keep-profile"])
            blind = os.path.join(tmp, name + "-blind.png")
            drop_chunk(kept, blind, b"iCCP")
            ref = rgb(shown)
            print(f"| {name} | {a.k} | {rec['psnr_db']:.2f} dB | {psnr(ref, rgb(out)):.2f} dB |"
                  f" {psnr(ref, rgb(blind)):.2f} dB |")


if __name__ == "__main__":
    main()
