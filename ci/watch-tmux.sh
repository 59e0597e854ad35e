#!/usr/bin/env bash
# `cargo kit watch` driven as a learner drives it, under tmux: start watching step 1, save a
# two_sum that does not compile, then a wrong one, then a right one, reading the screen after
# each (and pressing n once), then press q. The screens are kept in
# target/watch-tmux/{broken,wrong,right}.txt. The learner's two_sum.rs is put back
# afterwards (and re-graded, so the report tells the truth again).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -q tmux >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q tmux >/dev/null; }
  else
    echo "error: tmux is needed (sudo apt-get install tmux)" >&2
    exit 1
  fi
fi

target=${CARGO_TARGET_DIR:-target}
out="$target/watch-tmux"
mkdir -p "$out"
kata=crates/step-1-dsa-kata/src/two_sum.rs
saved=$(mktemp)
cp "$kata" "$saved"
session="kit-watch-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  cp "$saved" "$kata"
  rm -f "$saved"
  cargo test -q -p step-1 --test grade -- two_sum >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Build first, so the screens below measure watch, not a cold build.
cargo build -q -p kit
cargo test -q -p step-1 --test grade --no-run 2>/dev/null

# The screen, without the blank lines below its last line.
screen() { tmux capture-pane -p -t "$session" | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'; }
# wait_for <regex> <what>: until the screen matches (60 s at most).
wait_for() {
  for _ in $(seq 1 300); do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.2
  done
  echo "error: the watch screen never showed $2 (/$1/); it shows:" >&2
  screen >&2
  exit 1
}
# expect <file> <text>: the saved screen contains the text.
expect() {
  grep -Fq -- "$2" "$1" || { echo "error: $1 lacks \"$2\":" >&2; cat "$1" >&2; exit 1; }
}

tmux new-session -d -s "$session" -x 100 -y 40 "$target/debug/kit watch step-1"
wait_for '\[q\] quit' "its first screen"

# A file that does not compile: the first compiler error, on the same screen.
printf '%s\n' "$(cat "$saved")" "fn broken(" >"$kata"
wait_for 'step-1 does not compile' "the compile error"
wait_for '\[q\] quit' "the keys line"
screen >"$out/broken.txt"
expect "$out/broken.txt" "error"

# A wrong answer: compiles, never finds a pair.
sleep 1.1
sed 's/^    todo!(.*)$/    None/' "$saved" >"$kata.tmp" && mv "$kata.tmp" "$kata"
grep -q '^    None$' "$kata" || { echo "error: could not write the wrong two_sum" >&2; exit 1; }
wait_for 'saved src/two_sum.rs' "the saved file"
wait_for '^two_sum [0-9]+/[0-9]+ pass' "two_sum's verdicts"
wait_for '\[q\] quit' "the keys line"
screen >"$out/wrong.txt"
expect "$out/wrong.txt" "saved src/two_sum.rs"
expect "$out/wrong.txt" "✗ two_sum::"
expect "$out/wrong.txt" "hint 1/"
expect "$out/wrong.txt" "step-1: "

# n: the next failing check, without re-grading.
tmux send-keys -t "$session" n
wait_for 'next failing check' "the next failing check"
screen | grep -E '^✗ two_sum::' | grep -vq 'two_sum::examples' || { echo "error: n did not move to the next failing check:" >&2; screen >&2; exit 1; }

# The right answer.
sleep 1.1 # a new modification time, even on file systems with 1 s resolution
cp solutions/step-1-dsa-kata/src/two_sum.rs "$kata"
wait_for '^two_sum ([0-9]+)/\1 pass' "two_sum passing"
wait_for '\[q\] quit' "the keys line"
screen >"$out/right.txt"
expect "$out/right.txt" "✓ two_sum: all pass"

lines=$(grep -c '' "$out/wrong.txt")
[ "$lines" -le 40 ] || { echo "error: the screen has $lines lines (at most 40)" >&2; exit 1; }

# Watch reads keys between gradings: a save seen twice (cp writes in several steps) can
# start one more grading first, which takes seconds on a loaded machine. Allow 30 s.
tmux send-keys -t "$session" q
for _ in $(seq 1 300); do
  tmux has-session -t "$session" 2>/dev/null || break
  sleep 0.1
done
if tmux has-session -t "$session" 2>/dev/null; then
  echo "error: q did not quit watch within 30 s; the screen:" >&2
  screen >&2
  exit 1
fi
echo "watch: wrong and right saves graded on one screen, q quits ($out/wrong.txt, $out/right.txt)"
