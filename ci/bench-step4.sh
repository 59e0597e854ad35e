#!/usr/bin/env bash
# Throughput and p99 latency of the step-4 reference, next to an axum hello-world built and
# run by this script on the same machine, with wrk on loopback. Not run by CI: a benchmark,
# not a test. Every run is bounded in time (BENCH_SECONDS per measurement).
#
#   ci/bench-step4.sh            # builds both in release (a few minutes the first time)
#
# Measures, on a database of BENCH_ARTICLES (10 000) articles:
#   hello-world           GET /                      the ceiling: axum doing nothing
#   health                GET /healthz               the service's whole middleware stack
#                                                    (request id, access log, metrics,
#                                                    timeouts, CORS, compression) around
#                                                    a handler that does nothing: the
#                                                    ceiling for any route of the service
#   single article        GET /api/articles/{slug}   goal: at least 50% of hello-world
#   article list          GET /api/articles          20 newest, with authors and counts
#   login                 POST /api/users/login      argon2's cost: low by design
#   writes, 4 writers     POST /api/articles         one writer connection, BEGIN IMMEDIATE
#
# The service runs with the environment of the deploy templates (the systemd unit's
# `Environment=` lines: APP_ENV=prod, LOG_FORMAT=json, RUST_LOG=info, so one JSON access-log
# line per request, written to a file), plus RATE_LIMIT_DISABLED=1 for the login row.
# Besides requests/s and p99, each row shows the server's CPU time per request (from
# /proc/PID/stat): on a shared machine it moves far less than requests/s does.
#
# Environment: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32), BENCH_ARTICLES.
# Installs wrk from Debian when it is missing (needs root, as on the project's machines).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-32}"
articles="${BENCH_ARTICLES:-10000}"
work="$root/target/bench-step4"
mkdir -p "$work"

if ! command -v wrk >/dev/null; then
    echo "bench: installing wrk (Debian)"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

# --- the hello-world: a one-file axum server with the workspace's versions -------------
hello="$work/hello"
mkdir -p "$hello/src"
axum_version="$(grep -E '^axum = ' Cargo.toml | sed -E 's/.*"(.*)".*/\1/')"
cat >"$hello/Cargo.toml" <<EOF
[package]
name = "bench-hello"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
axum = "$axum_version"
tokio = { version = "1", features = ["full"] }

[workspace]
EOF
cat >"$hello/src/main.rs" <<'EOF'
//! The ceiling: axum answering a constant, same runtime, same protocol line.
use axum::{Router, routing::get};

#[tokio::main]
async fn main() {
    let app = Router::new().route("/", get(|| async { "Hello, World!" }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    println!("listening on http://{}", listener.local_addr().unwrap());
    axum::serve(listener, app).await.unwrap();
}
EOF
cp Cargo.lock "$hello/Cargo.lock" 2>/dev/null || true

echo "bench: building the hello-world and the reference (release)"
cargo build --quiet --release --manifest-path "$hello/Cargo.toml" --target-dir "$work/target"
cargo build --quiet --release -p solution-step-4 --bin solution-step-4

pids=()
data=""
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -n "$data" ] && rm -rf "$data"
    rm -f "$work"/out.*
}
trap cleanup EXIT

# Starts "$@" in the background (its pid kept for the cleanup) and sets `url` to its base
# URL, read from the listening line. Not called in `$(…)`: a subshell would keep the pid.
url=""
start() {
    local out
    out="$(mktemp "$work/out.XXXX")"
    "$@" >"$out" 2>"$out.err" &
    pids+=("$!")
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$out"; then
            url="$(sed -n 's/^listening on //p' "$out")"
            return
        fi
        sleep 0.1
    done
    echo "bench: $1 printed no listening line; its stderr:" >&2
    cat "$out.err" >&2
    exit 1
}

start "$work/target/release/bench-hello"
hello_url="$url"
hello_pid="${pids[-1]}"
data="$(mktemp -d "$work/data.XXXX")"
# The environment a deploy gives the service (the systemd unit's `Environment=` lines:
# APP_ENV=prod, JSON logs at `info`, one access-log line per request), with this script's
# own port and data directory, and the login rate limit off (the login row measures argon2,
# not the limiter). Its logs go to a file, as a deploy's go to the journal.
deploy_env=()
while IFS= read -r setting; do
    case "$setting" in HOST=* | PORT=* | DATA_DIR=*) ;; *) deploy_env+=("$setting") ;; esac
done < <(sed -n 's/^Environment=//p' templates/step-4-service/deploy/conduit.service)
[ "${#deploy_env[@]}" -gt 0 ] || { echo "bench: no Environment= in the systemd unit" >&2; exit 1; }
echo "bench: the service's environment: ${deploy_env[*]} RATE_LIMIT_DISABLED=1"
start env "${deploy_env[@]}" PORT=0 DATA_DIR="$data" RATE_LIMIT_DISABLED=1 \
    JWT_SECRET=bench-secret-bench-secret-bench-secret "$root/target/release/solution-step-4"
conduit_url="$url"
conduit_pid="${pids[-1]}"

echo "bench: seeding $articles articles"
token="$(python3 - "$conduit_url" "$articles" <<'EOF'
import http.client, json, sys, urllib.parse
url = urllib.parse.urlparse(sys.argv[1]); count = int(sys.argv[2])
connection = http.client.HTTPConnection(url.hostname, url.port)
def call(method, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Token " + token
    connection.request(method, path, json.dumps(body), headers)
    response = connection.getresponse(); data = response.read()
    assert response.status < 300, (response.status, data)
    return json.loads(data)
user = {"username": "bench", "email": "bench@example.com", "password": "bench password"}
token = call("POST", "/api/users", {"user": user})["user"]["token"]
for i in range(count):
    call("POST", "/api/articles", {"article": {"title": f"Article {i}", "description": "d",
        "body": "b" * 500, "tagList": [f"tag{i % 50}", "bench"]}}, token)
print(token)
EOF
)"
slug="article-$((articles / 2))"

lua="$work/requests.lua"
cat >"$lua" <<EOF
-- wrk's request body and headers, chosen by the WRK_MODE environment variable.
local mode = os.getenv("WRK_MODE")
wrk.headers["Content-Type"] = "application/json"
if mode == "login" then
  wrk.method = "POST"
  wrk.body = '{"user":{"email":"bench@example.com","password":"bench password"}}'
elseif mode == "write" then
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Token $token"
  wrk.body = '{"article":{"title":"Written under load","description":"d","body":"b","tagList":["load"]}}'
end
EOF

# CPU time (user + system, in clock ticks) the process `$1` has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Runs wrk against the server with pid `$4` and prints "requests/s p99 cpu-µs-per-request".
# CPU time per request is the server's own cost, which other load on a shared machine
# disturbs much less than it disturbs requests/s.
measure() {
    local mode="$1" url="$2" conns="$3" pid="$4" output before after
    before="$(cpu_ticks "$pid")"
    output="$(WRK_MODE="$mode" wrk --latency -t2 -c"$conns" -d"${seconds}s" -s "$lua" "$url")"
    after="$(cpu_ticks "$pid")"
    local rps p99 count cpu
    rps="$(echo "$output" | awk '/Requests\/sec/ {print $2}')"
    p99="$(echo "$output" | awk '$1 == "99%" {print $2}')"
    count="$(echo "$output" | awk '/requests in/ {print $1}')"
    cpu="$(awk -v a="$before" -v b="$after" -v n="$count" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.0f", (b - a) * 1e6 / hz / n }')"
    if echo "$output" | grep -q "Non-2xx"; then
        echo "bench: $mode answered non-2xx:" >&2
        echo "$output" >&2
    fi
    echo "$rps $p99 $cpu"
}

echo "bench: measuring, ${seconds} s each"
read -r hello_rps hello_p99 hello_cpu <<<"$(measure get "$hello_url/" "$connections" "$hello_pid")"
read -r health_rps health_p99 health_cpu <<<"$(measure get "$conduit_url/healthz" "$connections" "$conduit_pid")"
read -r one_rps one_p99 one_cpu <<<"$(measure get "$conduit_url/api/articles/$slug" "$connections" "$conduit_pid")"
read -r list_rps list_p99 list_cpu <<<"$(measure get "$conduit_url/api/articles" "$connections" "$conduit_pid")"
read -r login_rps login_p99 login_cpu <<<"$(measure login "$conduit_url/api/users/login" 4 "$conduit_pid")"
read -r write_rps write_p99 write_cpu <<<"$(measure write "$conduit_url/api/articles" 4 "$conduit_pid")"

percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
ratio="$(percent "$one_rps" "$hello_rps")"
row() { printf '%-34s %12s %10s %14s\n' "$@"; }
printf '\n'
row "step 4 ($articles articles)" "requests/s" "p99" "CPU µs/request"
row "hello-world GET /" "$hello_rps" "$hello_p99" "$hello_cpu"
row "GET /healthz (the middleware)" "$health_rps" "$health_p99" "$health_cpu"
row "GET /api/articles/{slug}" "$one_rps" "$one_p99" "$one_cpu"
row "GET /api/articles" "$list_rps" "$list_p99" "$list_cpu"
row "POST /api/users/login (4 conns)" "$login_rps" "$login_p99" "$login_cpu"
row "POST /api/articles (4 writers)" "$write_rps" "$write_p99" "$write_cpu"
printf '\nsingle-article read: %s of hello-world (goal: at least 50%%)\n' "$ratio"
printf 'the middleware alone (/healthz): %s of hello-world; the read is %s of /healthz\n' \
    "$(percent "$health_rps" "$hello_rps")" "$(percent "$one_rps" "$health_rps")"
printf 'load average while measuring: %s (a shared machine makes every figure noisy)\n' \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
