#!/usr/bin/env bash
# Fuzzes the step-4 reference with schemathesis, every check on, against the OpenAPI document
# the server itself serves at /openapi.json, signed in as a user the script registers. Fails
# on any server error (5xx) or any answer that is not what the document promises. Run from
# anywhere: `ci/fuzz-step4.sh`. (Written in the style of ci/fuzz-step2.sh; to be folded into
# ci/fuzz-step.sh N once that script is on main.)
#
# - installs schemathesis into a venv (target/fuzz-venv, or $FUZZ_VENV) if it is missing;
# - builds the reference and starts it on a free port with a temporary DATA_DIR, a JWT_SECRET
#   and RATE_LIMIT_DISABLED=1 (a conformance run must not be throttled);
# - registers a user with curl and hands its token to schemathesis;
# - runs schemathesis with `--checks all`;
# - stops the server with SIGTERM and exits non-zero if schemathesis found anything or the
#   server did not start or stop cleanly.
#
# Environment: FUZZ_MAX_EXAMPLES (default 100) per operation; FUZZ_VENV; SCHEMATHESIS_VERSION;
# FUZZ_SPEC, a document to use instead of the served one (a path or a URL); FUZZ_BIN and
# FUZZ_FIXTURE, to fuzz the `fixtures` binary with one broken part and see the script fail.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${FUZZ_VENV:-$root/target/fuzz-venv}"
version="${SCHEMATHESIS_VERSION:-4.32.5}"
max_examples="${FUZZ_MAX_EXAMPLES:-100}"
bin="${FUZZ_BIN:-solution-step-4}"

if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "fuzz: installing schemathesis $version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet "schemathesis==$version"
fi

echo "fuzz: building $bin"
cargo build --quiet -p solution-step-4 --bin "$bin" --bin solution-step-4
binary="$root/target/debug/$bin"

data_dir="$(mktemp -d)"
log="$(mktemp)"
server_pid=""
work_dir=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$data_dir" "$log" "$work_dir"
}
trap cleanup EXIT

# Start on a free port and read the port back from the listening line.
fifo="$data_dir.stdout"
mkfifo "$fifo"
PORT=0 DATA_DIR="$data_dir" RUST_LOG=warn LOG_FORMAT=json \
    JWT_SECRET="fuzz-step-4-secret-at-least-32-bytes-long" RATE_LIMIT_DISABLED=1 \
    BACKEND_PATH_FIXTURE="${FUZZ_FIXTURE:-}" "$binary" >"$fifo" 2>"$log" &
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

# A user whose token signs the requests that need one.
registered="$(curl -sS -X POST "$base_url/api/users" -H 'Content-Type: application/json' \
    --data-raw '{"user":{"username":"fuzzer","email":"fuzzer@example.com","password":"fuzzer-password-123"}}')"
token="$(printf '%s' "$registered" | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["token"])')" || {
    echo "fuzz: registering a user failed: $registered" >&2
    exit 1
}
spec="${FUZZ_SPEC:-$base_url/openapi.json}"
case "$spec" in
    http://* | https://* | /*) ;;
    *) spec="$root/$spec" ;;
esac

# The document's paths are either full (/api/users) or relative to a server URL ending in
# /api (/users, as the RealWorld spec writes them): point schemathesis at the right base.
api_base="$("$venv/bin/python" - "$spec" "$base_url" <<'PY'
import json, sys, urllib.request
import yaml
spec, base = sys.argv[1], sys.argv[2]
text = urllib.request.urlopen(spec).read() if "://" in spec else open(spec, "rb").read()
doc = yaml.safe_load(text)
paths = doc.get("paths") or {}
print(base if any(p.startswith("/api/") for p in paths) else base + "/api")
PY
)"

# schemathesis keeps a cache in `.schemathesis/` of its working directory: not in the repo.
work_dir="$(mktemp -d)"
status=0
(cd "$work_dir" && "$venv/bin/schemathesis" run "$spec" \
    --url "$api_base" \
    --header "Authorization: Token $token" \
    --checks all \
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

if grep -q '"level":"ERROR"' "$log"; then
    echo "fuzz: the server logged errors:" >&2
    grep '"level":"ERROR"' "$log" | head -n 20 >&2
fi
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (schemathesis exit status $status): see above for the failing requests" >&2
    exit "$status"
fi
echo "fuzz: OK, no server errors and no answers the document does not promise"
