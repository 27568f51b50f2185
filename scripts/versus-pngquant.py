#!/usr/bin/env python3
"""squish against pngquant, whole processes, side by side: the table of issue 11.

Run from the project's root; squish runs through its launcher, ./squish (which builds it when needed):

    /usr/bin/python3 scripts/versus-pngquant.py                 # all cases, 3 runs each
    /usr/bin/python3 scripts/versus-pngquant.py --cases small --runs 5

The images are the shared corpus, ../shared/corpus beside the checkout on the project's machines
(not part of a clone), or any folder of PNG and JPEG images given with --corpus DIR. JPEGs are
converted to PNG first, as pngquant reads PNG only, and both tools get the same PNG files. Cases:
  small  one 0.4 MP photo (kodak-kodim07.png; in another folder, its image nearest 0.4 MP), k = 64
  batch  the folder's images under 1 MP, three copies each, in one call, k = 64 (none, no row)
         (squish DIR --output-dir OUT; pngquant FILES with --ext)
  large  each image of 10 MP or more in the folder, k = 256 (none, no rows)

Each run times squish and then pngquant on the same input, one after the other, so both see
the same machine load; the table gives medians of wall time and CPU time (user + system),
the ratio squish / pngquant of the medians, and squish's peak resident memory. pngquant runs
with --nofs (no dithering, as squish's default) and its default threads; squish with its
defaults and both cores.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = "kodak-kodim07.png"


def prepare(corpus: Path, work: Path) -> dict:
    """PNG copies of the corpus images, with their pixel counts."""
    try:
        from PIL import Image
    except ImportError:
        sys.exit("needs Pillow: apt-get install python3-pil, and run with /usr/bin/python3")
    images = {}
    work.mkdir(parents=True, exist_ok=True)
    for f in sorted(corpus.iterdir()):
        if f.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            continue
        out = work / (f.stem + ".png")
        with Image.open(f) as im:
            pixels = im.size[0] * im.size[1]
            if f.suffix.lower() == ".png":
                shutil.copyfile(f, out)
            else:
                im.convert("RGB").save(out, compress_level=1)
        images[out] = pixels
    return images


def timed(cmd: list) -> tuple:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss_kib = int(p.stderr.strip().splitlines()[-1])
    return wall, cpu, rss_kib / 1024


def squish_cmd(args) -> list:
    if args.jar is None:
        return [str(ROOT / "squish")] + args.squish_args.split()
    return ["java"] + args.java_opts.split() + ["-jar", str(args.jar)] + args.squish_args.split()


def cases(args, images: dict, work: Path) -> list:
    """(name, squish command, pngquant command, clean-up) for each piece of work."""
    out = []
    small = work / SMALL
    label = "one 0.4 MP photo (kodim07), k = 64"
    if small not in images:  # another folder than the shared corpus: its image nearest 0.4 MP
        small = min(images, key=lambda f: abs(images[f] - 400_000))
        label = "one %.1f MP image (%s), k = 64" % (images[small] / 1e6, small.stem)
    if "small" in args.cases:
        out.append((label,
                    squish_cmd(args) + ["--input", str(small), "--k", "64", "--output", str(work / "o-s.png"),
                                        "--force"],
                    [args.pngquant, "--nofs", "--force", "--output", str(work / "o-p.png"), "64", str(small)]))
    if "batch" in args.cases and any(px < 1_000_000 for px in images.values()):
        # two identical folders: pngquant writes its outputs beside its inputs, which squish must not see
        batch = work / "batch"
        batch_pq = work / "batch-pngquant"
        batch.mkdir(exist_ok=True)
        batch_pq.mkdir(exist_ok=True)
        files = []
        for f, px in images.items():
            if px < 1_000_000:
                for c in range(3):
                    name = "%s-%d.png" % (f.stem, c)
                    shutil.copyfile(f, batch / name)
                    shutil.copyfile(f, batch_pq / name)
                    files.append(str(batch_pq / name))
        outdir = work / "batch-out"
        out.append(("%d sub-megapixel images (%d files), one call, k = 64" % (len(files) // 3, len(files)),
                    squish_cmd(args) + [str(batch), "--output-dir", str(outdir), "--k", "64", "--force", "-q"],
                    [args.pngquant, "--nofs", "--force", "--ext", "-pq.png", "64"] + files))
    if "large" in args.cases:
        for f, px in images.items():
            if px >= 10_000_000:
                out.append(("%s (%.1f MP), k = 256" % (f.stem, px / 1e6),
                            squish_cmd(args) + ["--input", str(f), "--k", "256", "--output",
                                                str(work / "o-s.png"), "--force"],
                            [args.pngquant, "--nofs", "--force", "--output", str(work / "o-p.png"), "256",
                             str(f)]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus",
                    help="folder of PNG and JPEG images (default: the shared corpus beside the checkout, %(default)s)")
    ap.add_argument("--jar", type=Path, default=None,
                    help="run this jar with plain java (and --java-opts) instead of the ./squish launcher")
    ap.add_argument("--pngquant", default="pngquant")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cases", default="small,batch,large")
    ap.add_argument("--java-opts", default=os.environ.get("JAVA_OPTS", ""))
    ap.add_argument("--squish-args", default="", help="extra arguments for every squish run, e.g. '--speed 4'")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit("no folder %s: the shared corpus is not part of a clone; give --corpus DIR, any folder of PNG and"
                 " JPEG images" % args.corpus)
    if args.jar is not None and not args.jar.exists():
        sys.exit("no %s" % args.jar)
    if args.jar is None:
        subprocess.run([str(ROOT / "squish"), "--version"], check=True, stdout=subprocess.DEVNULL)  # builds if needed
    if shutil.which(args.pngquant) is None:
        sys.exit("no pngquant: apt-get install pngquant")
    version = subprocess.run([args.pngquant, "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="squish-vs-") as tmp:
        work = Path(tmp)
        images = prepare(args.corpus, work)
        if not images:
            sys.exit("no PNG or JPEG images in %s" % args.corpus)
        rows = []
        for name, sq, pq in cases(args, images, work):
            s_runs, p_runs = [], []
            for _ in range(args.runs):
                s_runs.append(timed(sq))
                p_runs.append(timed(pq))
            s_wall = statistics.median(r[0] for r in s_runs)
            p_wall = statistics.median(r[0] for r in p_runs)
            s_cpu = statistics.median(r[1] for r in s_runs)
            p_cpu = statistics.median(r[1] for r in p_runs)
            s_rss = max(r[2] for r in s_runs)
            rows.append((name, s_wall, p_wall, s_cpu, p_cpu, s_rss))
            print("%-58s squish %6.2f s  pngquant %6.2f s  %5.2fx" % (name, s_wall, p_wall, s_wall / p_wall),
                  file=sys.stderr, flush=True)
    what = "./squish" if args.jar is None else "java %s-jar %s" % (args.java_opts + " " if args.java_opts else "",
                                                                 args.jar.name)
    print("%s%s against pngquant %s (--nofs), %d runs each, medians; %d cores; load average %.1f at the end"
          % (what, (" " + args.squish_args if args.squish_args else ""), version, args.runs,
             os.cpu_count(), os.getloadavg()[0]))
    print()
    print("| work | squish wall | pngquant wall | ratio wall | squish CPU | pngquant CPU | ratio CPU | squish peak RSS |")
    print("|---|---|---|---|---|---|---|---|")
    for name, sw, pw, sc, pc, rss in rows:
        print("| %s | %.3f s | %.3f s | **%.2f×** | %.2f s | %.2f s | %.2f× | %.0f MiB |"
              % (name, sw, pw, sw / pw, sc, pc, sc / pc, rss))


if __name__ == "__main__":
    main()
