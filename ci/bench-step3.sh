#!/usr/bin/env bash
# Create cost of the step-2 and step-3 references at 100, 1 000 and 10 000 stored articles,
# beside a raw rusqlite insert loop with the same durability settings, all in one run
# (release build). Prints a table and the two goals (step-3 create rate at least 40% of the
# raw loop's; a step-3 create at 10 000 articles within 1.5x of one at 100), then where one
# create's time goes, piece by piece, and draws the chart the step-3 README shows:
# ci/bench-step3-create-cost.svg.
#
# The concurrency of each figure: step 2 and step 3 with one client (one create at a time,
# one keep-alive connection, a minimal HTTP client); step 3 also with 4 such clients at once;
# the raw loop one create per BEGIN IMMEDIATE ... COMMIT, one at a time, no HTTP (the
# server's own insert function and pragmas: WAL, synchronous=NORMAL). Each rate is the best
# of 3 interleaved runs.
#
# Bounded in time: the run stops after 10 minutes (a few minutes here) after the build
# (BENCH_CREATES creates per size and run for step 2, default 400, and 5x as many for step 3
# and the raw loop; BENCH_SIZES, default
# 100,1000,10000; BENCH_BREAKDOWN=0 skips the breakdown).
# See solutions/step-3-sqlite-api/benches/throughput/main.rs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
csv="target/bench-step3.csv"
# The release build first (several minutes when cold), then the bounded run.
cargo bench --quiet -p solution-step-3 --bench throughput --no-run
BENCH_CSV="$PWD/$csv" timeout 600 cargo bench --quiet -p solution-step-3 --bench throughput
python3 ci/bench-step3-chart.py "$csv" ci/bench-step3-create-cost.svg
echo "chart: ci/bench-step3-create-cost.svg (from $csv)"
