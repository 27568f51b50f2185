#!/usr/bin/env python3
"""Measures the Spark job against the CLI on this machine (issue 13, item 8).

Makes 100 corpus-derived images (5 crops of each photo in /work/shared/corpus, at most 400 px a side, as PNG,
with ImageMagick), then times:
  ./squish DIR -r --output-dir OUT -k 64 --jobs 2 -q
  ./squish-spark/run --master 'local[1]' / 'local[2]' --input DIR --output OUT -k 64
The job prints its own time after the session started and the session's start-up; the wall time of the whole
command is taken here. Prints a Markdown table. Usage: scripts/spark-vs-cli.py [--runs N]
"""
import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = "/work/shared/corpus"
GRAVITIES = ["center", "northwest", "northeast", "southwest", "southeast"]


def make_images(folder, count=100):
    photos = sorted(p for p in glob.glob(os.path.join(CORPUS, "*")) if p.lower().endswith((".png", ".jpg", ".jpeg")))
    made = []
    for g in GRAVITIES:
        for p in photos:
            if len(made) == count:
                return made
            stem = os.path.splitext(os.path.basename(p))[0]
            sub = os.path.join(folder, g)
            os.makedirs(sub, exist_ok=True)
            out = os.path.join(sub, stem + ".png")
            subprocess.run(["convert", p, "-gravity", g, "-crop", "70%x70%+0+0", "+repage", "-resize", "400x400>",
                            "-strip", out], check=True)
            made.append(out)
    return made


def timed(cmd):
    start = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - start
    if r.returncode != 0:
        sys.exit("failed: " + " ".join(cmd) + "\n" + r.stderr[-3000:])
    return wall, r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("-k", default="64")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="spark-vs-cli-")
    try:
        src = os.path.join(work, "in")
        images = make_images(src)
        mp = 0
        for p in images:
            w, h = subprocess.run(["identify", "-format", "%w %h", p], capture_output=True, text=True,
                                  check=True).stdout.split()
            mp += int(w) * int(h) / 1e6
        print(f"{len(images)} images, {mp:.1f} MP, {sum(os.path.getsize(p) for p in images) / 1e6:.1f} MB; -k {args.k}")
        # warm both launchers (build, class-data archive) before timing
        timed([os.path.join(ROOT, "squish"), images[0], "-k", "4", "-o", os.path.join(work, "warm.png"), "-q"])
        timed([os.path.join(ROOT, "squish-spark", "run"), "--help"])  # builds the job's jar when it is stale
        rows = []
        for run in range(args.runs):
            out = os.path.join(work, f"cli{run}")
            wall, _ = timed([os.path.join(ROOT, "squish"), src, "-r", "--output-dir", out, "-k", args.k,
                             "--jobs", "2", "-q"])
            rows.append(("CLI --jobs 2", wall, wall, 0.0))
            for master in ["local[1]", "local[2]"]:
                out = os.path.join(work, f"spark-{master}-{run}")
                wall, stdout = timed([os.path.join(ROOT, "squish-spark", "run"), "--master", master, "--input", src,
                                      "--output", out, "-k", args.k])
                m = re.search(r"in ([\d.]+) s \(session start ([\d.]+) s\)", stdout)
                rows.append((f"Spark {master}", wall, float(m.group(1)), float(m.group(2))))
        print("| run | wall s | work s (after session start) | session start s | images/s (work) |")
        print("|---|---|---|---|---|")
        for name, wall, work_s, start in rows:
            print(f"| {name} | {wall:.1f} | {work_s:.1f} | {start:.1f} | {len(images) / work_s:.2f} |")
        if args.runs > 1:
            # medians per configuration, and the ratios of the medians
            med = {}
            for name in dict.fromkeys(r[0] for r in rows):
                mine = [r for r in rows if r[0] == name]
                med[name] = tuple(statistics.median(r[i] for r in mine) for i in (1, 2, 3))
            print(f"\nmedians of {args.runs} runs")
            print("| run | wall s | work s | session start s | images/s (work) | fixed cost s (wall - work) |")
            print("|---|---|---|---|---|---|")
            for name, (wall, work_s, start) in med.items():
                print(f"| {name} | {wall:.1f} | {work_s:.1f} | {start:.1f} | {len(images) / work_s:.2f} |"
                      f" {wall - work_s:.1f} |")
            cli, one, two = med["CLI --jobs 2"][1], med["Spark local[1]"][1], med["Spark local[2]"][1]
            print(f"\nlocal[1] -> local[2]: {one / two:.2f}x; local[2] vs CLI --jobs 2 (work): {cli / two:.2f}x;"
                  f" local[2] vs CLI (wall): {med['CLI --jobs 2'][0] / med['Spark local[2]'][0]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
