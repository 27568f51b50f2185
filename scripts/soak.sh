#!/usr/bin/env bash
# The long soak of issue 15: squish compresses 10,000 generated photo crops (16-256 px; PNG, JPEG,
# GIF, BMP; 1 in 100 corrupt) in one process; the corrupt ones must be listed, the exit code must be
# 3 and the peak resident memory of the last thousand within 20% of the first thousand's.
# Prints the memory curve (peak RSS per thousand) and writes it to squish-cli/target/soak-rss.txt.
# Usage: scripts/soak.sh [COUNT]   (default 10000; CI runs SoakTest with 1000). Takes about 15 minutes.
set -euo pipefail
root="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
count="${1:-10000}"
cd "$root"
mkdir -p squish-cli/target
mvn -B -ntp -q -pl squish-cli -am verify -Dcheckstyle.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=SoakTest -Dsquish.soak.count="$count" -Dsquish.soak.curve="$root/squish-cli/target/soak-rss.txt" \
  2>&1 | grep -v '^SLF4J'
cat "$root/squish-cli/target/soak-rss.txt"
