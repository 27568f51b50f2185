#!/usr/bin/env bash
# The longer fuzzing runs of issue 15: each of squish's Jazzer targets for SECONDS (default 600)
# in its own 256 MB JVM, with a 10 s limit an input, starting from its stored inputs (seeds and past
# findings under squish-io/src/test/resources/.../<Target>Inputs). New corpus entries go to
# squish-io/target/fuzz-corpus/<Target>; a crash is written to squish-io/target/fuzz-findings/<Target>:
# fix it, then move the file into the target's Inputs folder so that every `mvn verify` replays it.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: class names such as DecodePngFuzzTest)
# `mvn verify` itself fuzzes each target for its @FuzzTest maxExecutions from the fixed seed 1 after
# replaying its stored inputs; this script starts from a random seed and runs until SECONDS are up
# (-runs=-1 overrides maxExecutions), so it finds what CI cannot.
set -euo pipefail
root="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
seconds="${1:-600}"
shift || true
cd "$root"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(DecodePngFuzzTest DecodeJpegFuzzTest DecodeGifFuzzTest DecodeBmpFuzzTest DecodeTiffFuzzTest
    DecodeWebpFuzzTest GifAnimationFuzzTest RoundTripFuzzTest PaletteFilesFuzzTest FileMetadataFuzzTest)
fi
cpfile="$root/squish-io/target/fuzz-classpath.txt"
# in one reactor run, so that squish-core and squish-testkit are their fresh target/classes (the last
# module written, squish-io, leaves its test class path in the file)
mvn -B -ntp -q -pl squish-io -am test-compile dependency:build-classpath -Dcheckstyle.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp="squish-io/target/test-classes:squish-io/target/classes:$(cat "$cpfile")"
status=0
for t in "${targets[@]}"; do
  pkg=dev.squish.io.fuzz
  [ "$t" = FileMetadataFuzzTest ] && pkg=dev.squish.io.decode
  inputs="squish-io/src/test/resources/${pkg//.//}/${t}Inputs"
  corpus="squish-io/target/fuzz-corpus/$t"
  findings="squish-io/target/fuzz-findings/$t"
  mkdir -p "$corpus" "$findings"
  echo "== $t for ${seconds}s"
  # shellcheck disable=SC2046
  if ! java -Xmx256m -cp "$cp" com.code_intelligence.jazzer.Jazzer --target_class="$pkg.$t" \
      --instrumentation_includes='dev.squish.**:com.twelvemonkeys.**' -max_total_time="$seconds" -runs=-1 -timeout=10 \
      -rss_limit_mb=0 -artifact_prefix="$findings/" "$corpus" $(find "$inputs" -mindepth 1 -maxdepth 1 -type d) \
      2>&1 | grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|== Java Exception|INFO: Seed|.*Test unit written)|Exception'; then
    : # grep found nothing to show
  fi
  [ -n "$(ls -A "$findings")" ] && status=1
done
exit $status
