#!/bin/sh
# The page under load (README, "The page under load"): 200 clients for 60 s on 127.0.0.1 mixing
# uploads, previews and exact fits of the test photos, plus clients that trickle their headers or
# uploads and clients that go away mid-upload, against `squish serve`'s server running in a process
# of its own (-Xmx1g, --cache-mb 256, read timeout 3 s). Prints requests, throughput, status counts,
# p50/p95/p99 of previews and exact fits and the server's peak RSS; the figures also go to
# squish-web/target/page-load.txt. Loopback only, about 2 minutes with the build.
#   scripts/page-load.sh [SECONDS [CLIENTS]]
set -eu
cd "$(dirname "$0")/.."
exec mvn -B -ntp -q -pl squish-web -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=PageLoadTest \
  -Dsquish.pageLoad.child=true -Dsquish.pageLoad.seconds="${1:-60}" -Dsquish.pageLoad.clients="${2:-200}"
