#!/usr/bin/env bash
# Fuzzes the reference of step N with schemathesis against that step's own OpenAPI
# document (the openapi.yml of the step's crate, as the registry names it; ci/steps.sh) and
# fails on any finding. Run from anywhere:
# `ci/fuzz-step.sh 2`.
#
# - installs schemathesis into a venv (target/fuzz-venv, or $FUZZ_VENV) if it is missing;
# - builds the reference (package solution-step-N) and starts it on a free port with a
#   temporary DATA_DIR, plus the variables of solutions/step-N-*/fuzz.env if that exists
#   (e.g. a JWT secret);
# - with solutions/step-N-*/fuzz-user.json (a registration body), registers that user and
#   sends its token with every request;
# - runs schemathesis with all its checks: no 5xx, responses that match the document
#   (status codes, content types, headers, bodies), and schema-violating requests rejected
#   with a 4xx. One stateful check is left out: ensure_resource_availability (ST302). It
#   assumes a created resource keeps its URL, but in Conduit a `PUT` with a new title gives
#   the article a new slug (as the RealWorld spec does), so the old URL is a correct 404.
#   Read from a HAR report (`--report har`, seed 3, 2026-12-02): POST created `0-5`, a PUT
#   renamed it to `zi`, and ST302 flagged the next `GET /api/articles/0-5/comments`; the
#   other 404s it flagged in that run followed a DELETE or such a rename;
# - stops the server with SIGTERM and exits non-zero if schemathesis found anything or the
#   server did not start or stop cleanly.
#
# Environment: FUZZ_MAX_EXAMPLES (default 100) per operation; FUZZ_VENV; SCHEMATHESIS_VERSION;
# FUZZ_BIN, another binary of the solution package to fuzz (e.g. `FUZZ_BIN=fixtures-step-2
# BACKEND_PATH_FIXTURE=bad_json_500`, to see the script fail as it should).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
step="${1:?usage: ci/fuzz-step.sh N (the step to fuzz, e.g. 2)}"
# The step's crate, reference and reference package come from the registry (ci/steps.sh).
crate_dir="" solution_dir="" solution_package=""
while IFS=$'\t' read -r number _package crate _template solution package; do
    if [ "$number" = "$step" ]; then
        crate_dir=$crate solution_dir=$solution solution_package=$package
    fi
done < <(bash ci/steps.sh)
spec="$crate_dir/openapi.yml"
if [ -z "$crate_dir" ] || [ ! -f "$spec" ] || [ ! -d "$solution_dir" ]; then
    echo "fuzz: step $step is not in the registry, or has no openapi.yml or no reference" >&2
    exit 2
fi
venv="${FUZZ_VENV:-$root/target/fuzz-venv}"
version="${SCHEMATHESIS_VERSION:-4.32.5}"
max_examples="${FUZZ_MAX_EXAMPLES:-100}"
bin="${FUZZ_BIN:-$solution_package}"

if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "fuzz: installing schemathesis $version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet "schemathesis==$version"
fi

echo "fuzz: building $bin"
cargo build --quiet -p "$solution_package" --bin "$bin"
binary="$root/target/debug/$bin"

data_dir="$(mktemp -d)"
log="$(mktemp)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$data_dir" "$log" "${work_dir:-}"
}
trap cleanup EXIT

# Start on a free port and read the port back from the listening line.
fifo="$data_dir.stdout"
mkfifo "$fifo"
extra_env=()
if [ -f "$solution_dir/fuzz.env" ]; then
    mapfile -t extra_env < <(grep -v '^\s*#' "$solution_dir/fuzz.env" | grep '=')
fi
env "${extra_env[@]}" PORT=0 DATA_DIR="$data_dir" RUST_LOG=warn "$binary" >"$fifo" 2>"$log" &
server_pid=$!
exec 3<"$fifo"
rm -f "$fifo"
line=""
if ! read -r -t 20 line <&3; then
    echo "fuzz: the server printed no listening line within 20 s; its stderr:" >&2
    cat "$log" >&2
    exit 1
fi
base_url="${line#listening on }"
case "$base_url" in
    http://127.0.0.1:*) ;;
    *) echo "fuzz: unexpected first line from the server: $line" >&2; exit 1 ;;
esac
# Keep draining stdout so the server never blocks on a full pipe.
cat <&3 >/dev/null &
echo "fuzz: server $server_pid at $base_url (DATA_DIR=$data_dir)"

# A step with auth fuzzes signed in: solutions/step-N-*/fuzz-user.json is a registration
# body, and the token it gets signs every request.
auth=()
if [ -f "$solution_dir/fuzz-user.json" ]; then
    registered="$(curl -sS -X POST "$base_url/api/users" -H 'Content-Type: application/json' \
        --data-binary @"$solution_dir/fuzz-user.json")"
    if ! token="$(printf '%s' "$registered" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["user"]["token"])')"; then
        echo "fuzz: registering the fuzzing user failed: $registered" >&2
        exit 1
    fi
    auth=(--header "Authorization: Token $token")
    echo "fuzz: signed in as the user of $solution_dir/fuzz-user.json"
fi

# schemathesis keeps a cache in `.schemathesis/` of its working directory: not in the repo.
work_dir="$(mktemp -d)"
status=0
(cd "$work_dir" && "$venv/bin/schemathesis" run "$root/$spec" \
    --url "$base_url" \
    "${auth[@]}" \
    --checks all \
    --exclude-checks ensure_resource_availability \
    --max-examples "$max_examples" \
    --seed 20261121 \
    --no-color) \
    || status=$?

kill -TERM "$server_pid"
if ! wait "$server_pid"; then
    echo "fuzz: the server did not exit 0 after SIGTERM; its stderr:" >&2
    tail -n 40 "$log" >&2
    status=1
fi
server_pid=""

if grep -q " ERROR " "$log"; then
    echo "fuzz: the server logged errors:" >&2
    grep " ERROR " "$log" | head -n 20 >&2
fi
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (schemathesis exit status $status): see above for the failing requests" >&2
    exit "$status"
fi
echo "fuzz: OK, step $step: no server errors, no schema violations"
