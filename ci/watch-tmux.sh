#!/usr/bin/env bash
# `cargo kit watch` driven as a learner drives it, under tmux: start watching step 1, save a
# two_sum that does not compile, then a wrong one (and press n, h, r and a on it), then a
# right one, reading the screen after each, then press q. Then `watch step-1 two_sum`, pinned
# to one kata, grades only that kata, even when another file is saved. The screens are kept
# in target/watch-tmux/*.txt. The learner's two_sum.rs, the other file saved and the hint
# ladder's state are put back afterwards (and two_sum re-graded, so the report tells the
# truth again).
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
other=crates/step-1-dsa-kata/src/max_subarray.rs
hints=.backend-path/hints.json
saved=$(mktemp)
saved_other=$(mktemp)
saved_hints=$(mktemp)
cp "$kata" "$saved"
cp "$other" "$saved_other"
had_hints=no
if [ -f "$hints" ]; then cp "$hints" "$saved_hints" && had_hints=yes; fi
session="kit-watch-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux kill-session -t "$session-pinned" 2>/dev/null || true
  cp "$saved" "$kata"
  cp "$saved_other" "$other"
  if [ "$had_hints" = yes ]; then cp "$saved_hints" "$hints"; else rm -f "$hints"; fi
  rm -f "$saved" "$saved_other" "$saved_hints"
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
# press <key> <regex> <what>: press the key, then wait for the keys line under a screen that
# matches (the screen is redrawn whole, so the keys line shows the drawing is finished).
press() {
  tmux send-keys -t "$session" "$1"
  wait_for "$2" "$3"
  wait_for '\[q\] quit' "the keys line after $1"
}
# The groups graded on the screen (lines `<group> <passed>/<total> pass`).
groups_on_screen() { screen | grep -cE '^[a-z_]+ [0-9]+/[0-9]+ pass' || true; }
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

# h: one more rung of the hint ladder for the check on screen (until the last rung).
rungs_before=$(screen | grep -cE '^  hint [0-9]+/' || true)
ladder=$(screen | grep -oE '^  hint [0-9]+/[0-9]+' | head -n 1 | cut -d/ -f2)
tmux send-keys -t "$session" h
want=$((rungs_before + 1))
[ "$want" -le "${ladder:-1}" ] || want=$rungs_before
wait_for "^  hint $want/" "hint rung $want"
screen >"$out/hint.txt"
rungs_after=$(grep -cE '^  hint [0-9]+/' "$out/hint.txt" || true)
[ "$rungs_after" -eq "$want" ] || { echo "error: h showed $rungs_after rungs, not $want:" >&2; cat "$out/hint.txt" >&2; exit 1; }

# r: the same groups graded again; a: every check, so every group that ran is listed.
press r 'step-1 · re-ran' "the re-run"
[ "$(groups_on_screen)" -eq 1 ] || { echo "error: r graded more than two_sum:" >&2; screen >&2; exit 1; }
press a 'step-1 · every check' "every check graded"
screen >"$out/all.txt"
[ "$(groups_on_screen)" -gt 1 ] || { echo "error: a did not grade every group:" >&2; cat "$out/all.txt" >&2; exit 1; }
expect "$out/all.txt" "more groups"

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

# Pinned to one kata: the first screen and every save grade two_sum only.
session="$session-pinned"
tmux new-session -d -s "$session" -x 100 -y 40 "$target/debug/kit watch step-1 two_sum"
wait_for '^two_sum [0-9]+/[0-9]+ pass' "the pinned kata's verdicts"
wait_for '\[q\] quit' "the keys line"
sleep 1.1
printf '%s\n' "$(cat "$saved_other")" "// an edit elsewhere" >"$other"
wait_for 'saved src/max_subarray.rs' "the other file's save"
wait_for '\[q\] quit' "the keys line"
screen >"$out/pinned.txt"
[ "$(groups_on_screen)" -eq 1 ] && grep -qE '^two_sum [0-9]+/[0-9]+ pass' "$out/pinned.txt" ||
  { echo "error: watch step-1 two_sum graded more than two_sum:" >&2; cat "$out/pinned.txt" >&2; exit 1; }
tmux send-keys -t "$session" q
for _ in $(seq 1 300); do
  tmux has-session -t "$session" 2>/dev/null || break
  sleep 0.1
done
echo "watch: saves graded on one screen; n, h, r, a and q work; pinned to two_sum, watch grades only two_sum ($out/*.txt)"
