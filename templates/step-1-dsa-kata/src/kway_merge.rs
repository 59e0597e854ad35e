//! # Kata: k-way merge of sorted logs (grade 2)
//!
//! Each of k servers (or shards, or files of an external sort) writes its own log, sorted by
//! timestamp. Merge them into one sorted log. It is how `sort -m`, LSM-tree compaction
//! (RocksDB, Cassandra), a log aggregator and a distributed `ORDER BY ... LIMIT` combine
//! sorted runs: without re-sorting, in one pass.
//!
//! ```text
//! merge([[1, 4, 7], [2, 5, 8], [3, 6, 9]])   == [1, 2, 3, 4, 5, 6, 7, 8, 9]
//! merge([[10, 20], [], [5, 15, 25, 35]])     == [5, 10, 15, 20, 25, 35]   // empty logs happen
//! merge([])                                  == []                         // no logs at all
//!
//! // Stable across logs: records compared by timestamp only (the letter is not compared).
//! merge([[(1, a), (3, b)], [(1, c), (2, d)], [(1, e)]])
//!     == [(1, a), (1, c), (1, e), (2, d), (3, b)]   // at time 1: log 0, then 1, then 2
//! ```
//!
//! Each log is sorted ascending (if one is not, the output's order is unspecified, but
//! every item must still come out exactly once).
//!
//! **Required:** O(N log k) comparisons for N items in k logs. The grader merges 16 and then
//! 256 logs of 64 items each and counts comparisons per merged item: a heap of the k heads
//! needs between log2(k) and 2·log2(k) (8 to 16 for 256 logs; the limit is
//! 3·(log2(k + 1) + 1) = 27), scanning all k heads for the smallest needs k (256).
//! Concatenating and sorting is not the lesson either: merge the logs yourself (the grader
//! reads your file and names any line that calls `sort`).
//!
//! **Where to start:** the smallest unmerged item is always the first unmerged item (the
//! head) of some log. Keep every log's head in a min-heap. std's
//! `std::collections::BinaryHeap` is a max-heap: wrap entries in `std::cmp::Reverse` to get
//! a min-heap. An entry is the item plus the index of its log, e.g. `Reverse((item, log))`:
//! tuples compare field by field, so equal items come out in log order, which is exactly the
//! stability asked for. Then repeat: pop the smallest entry, push its item to the output,
//! and push the next item of the same log (turn each `Vec` into an iterator with
//! `into_iter()` to take items one by one without cloning). Stop when the heap is empty.

/// Merges the sorted `logs` into one sorted `Vec`. Equal items come out in the order of the
/// logs they came from (log 0's first), and within a log in their order in it.
pub fn merge<T: Ord>(logs: Vec<Vec<T>>) -> Vec<T> {
    let _ = logs;
    todo!()
}
