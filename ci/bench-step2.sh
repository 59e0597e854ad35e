#!/usr/bin/env bash
# Create and read throughput of the step-2 reference at 100, 1 000 and 10 000 stored
# articles, built in release mode. Prints a table and how much a create's cost grew: the
# whole file is rewritten (and fsynced) on every write, the lesson that motivates step 3.
#
# BENCH_SIZES, BENCH_CREATES and BENCH_READS tune it (see
# solutions/step-2-json-api/benches/throughput.rs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --quiet -p solution-step-2 --bench throughput
