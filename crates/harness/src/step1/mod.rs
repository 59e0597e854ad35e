//! The step-1 suite: two dozen katas in five grades, one module per kata.
//!
//! Each kata module holds a trait (the kata's API as the suite sees it), its `checks`, and a
//! hidden macro that implements the trait for the crate under test. [`grade_step1!`] puts
//! them together, so a grade file is one line:
//!
//! ```ignore
//! harness::grade_step1!(step_1);          // grade the learner's crate
//! harness::grade_step1!(template_step_1, stub);  // the pristine stub must fail
//! ```

use criterion::Criterion;

use crate::suite::Suite;

pub mod balanced_brackets;
pub mod base62;
pub mod bfs;
pub mod binary_search;
pub mod bloom_filter;
pub mod consistent_hash;
pub mod dijkstra;
pub mod edit_distance;
pub mod hash_map;
pub mod inputs;
pub mod kway_merge;
pub mod lru_cache;
pub mod max_subarray;
pub mod merge_intervals;
pub mod merge_sort;
pub mod min_heap;
pub mod ordered_map;
pub mod quickselect;
pub mod rate_limiter;
pub mod ring_buffer;
pub mod source_rules;
pub mod top_k;
pub mod topo_sort;
pub mod trie;
pub mod two_sum;
pub mod union_find;
pub mod word_frequencies;

/// Every kata's trait: what a crate under test must provide for the whole suite.
pub trait Katas:
    two_sum::TwoSum
    + max_subarray::MaxSubarray
    + merge_intervals::MergeIntervals
    + balanced_brackets::BalancedBrackets
    + word_frequencies::WordFrequencies
    + binary_search::BinarySearch
    + merge_sort::MergeSort
    + quickselect::Quickselect
    + kway_merge::KwayMerge
    + top_k::TopK
    + ring_buffer::RingBuffer
    + min_heap::MinHeap
    + hash_map::HashMapKata
    + lru_cache::LruCache
    + trie::Trie
    + union_find::UnionFind
    + bfs::Bfs
    + dijkstra::Dijkstra
    + topo_sort::TopoSort
    + ordered_map::OrderedMap
    + rate_limiter::RateLimiter
    + consistent_hash::ConsistentHash
    + bloom_filter::BloomFilter
    + edit_distance::EditDistance
    + base62::Base62
{
}

impl<K> Katas for K where
    K: two_sum::TwoSum
        + max_subarray::MaxSubarray
        + merge_intervals::MergeIntervals
        + balanced_brackets::BalancedBrackets
        + word_frequencies::WordFrequencies
        + binary_search::BinarySearch
        + merge_sort::MergeSort
        + quickselect::Quickselect
        + kway_merge::KwayMerge
        + top_k::TopK
        + ring_buffer::RingBuffer
        + min_heap::MinHeap
        + hash_map::HashMapKata
        + lru_cache::LruCache
        + trie::Trie
        + union_find::UnionFind
        + bfs::Bfs
        + dijkstra::Dijkstra
        + topo_sort::TopoSort
        + ordered_map::OrderedMap
        + rate_limiter::RateLimiter
        + consistent_hash::ConsistentHash
        + bloom_filter::BloomFilter
        + edit_distance::EditDistance
        + base62::Base62
{
}

/// The whole step-1 suite for the crate under test `K`, whose manifest directory is
/// `manifest_dir`.
pub fn suite<K: Katas + 'static>(manifest_dir: &str) -> Suite {
    Suite::new("step-1", "dsa-kata", manifest_dir)
        .with(two_sum::checks::<K>())
        .with(max_subarray::checks::<K>())
        .with(merge_intervals::checks::<K>())
        .with(balanced_brackets::checks::<K>())
        .with(word_frequencies::checks::<K>())
        .with(binary_search::checks::<K>())
        .with(merge_sort::checks::<K>())
        .with(quickselect::checks::<K>())
        .with(kway_merge::checks::<K>())
        .with(top_k::checks::<K>())
        .with(ring_buffer::checks::<K>())
        .with(min_heap::checks::<K>())
        .with(hash_map::checks::<K>())
        .with(lru_cache::checks::<K>())
        .with(trie::checks::<K>())
        .with(union_find::checks::<K>())
        .with(bfs::checks::<K>())
        .with(dijkstra::checks::<K>())
        .with(topo_sort::checks::<K>())
        .with(ordered_map::checks::<K>())
        .with(rate_limiter::checks::<K>())
        .with(consistent_hash::checks::<K>())
        .with(bloom_filter::checks::<K>())
        .with(edit_distance::checks::<K>())
        .with(base62::checks::<K>())
        .ordered()
}

/// Writes the `main` of a step-1 grade file for the crate `$krate`: grades it, or with
/// `stub`, checks that it fails every non-trivial check.
#[macro_export]
macro_rules! grade_step1 {
    ($krate:ident) => {
        $crate::__step1_subject!($krate);
        fn main() -> std::process::ExitCode {
            $crate::grade($crate::step1::suite::<Subject>(env!("CARGO_MANIFEST_DIR")))
        }
    };
    ($krate:ident, stub) => {
        $crate::__step1_subject!($krate);
        fn main() -> std::process::ExitCode {
            $crate::expect_stub_fails($crate::step1::suite::<Subject>(env!("CARGO_MANIFEST_DIR")))
        }
    };
}

/// Declares `Subject`, the crate under test as the suite sees it, and the counting allocator
/// that allocation gates read.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_subject {
    ($krate:ident) => {
        /// The crate under test, seen through the suite's kata traits.
        struct Subject;
        $crate::__step1_impls!($krate, Subject);
        #[global_allocator]
        static ALLOCATOR: $crate::counting::CountingAllocator = $crate::counting::CountingAllocator;
    };
}

/// Implements every kata trait for `$subject` by calling into the crate `$krate`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_impls {
    ($krate:ident, $subject:ident) => {
        $crate::__step1_two_sum!($krate, $subject);
        $crate::__step1_max_subarray!($krate, $subject);
        $crate::__step1_merge_intervals!($krate, $subject);
        $crate::__step1_balanced_brackets!($krate, $subject);
        $crate::__step1_word_frequencies!($krate, $subject);
        $crate::__step1_binary_search!($krate, $subject);
        $crate::__step1_merge_sort!($krate, $subject);
        $crate::__step1_quickselect!($krate, $subject);
        $crate::__step1_kway_merge!($krate, $subject);
        $crate::__step1_top_k!($krate, $subject);
        $crate::__step1_ring_buffer!($krate, $subject);
        $crate::__step1_min_heap!($krate, $subject);
        $crate::__step1_hash_map!($krate, $subject);
        $crate::__step1_lru_cache!($krate, $subject);
        $crate::__step1_trie!($krate, $subject);
        $crate::__step1_union_find!($krate, $subject);
        $crate::__step1_bfs!($krate, $subject);
        $crate::__step1_dijkstra!($krate, $subject);
        $crate::__step1_topo_sort!($krate, $subject);
        $crate::__step1_ordered_map!($krate, $subject);
        $crate::__step1_rate_limiter!($krate, $subject);
        $crate::__step1_consistent_hash!($krate, $subject);
        $crate::__step1_bloom_filter!($krate, $subject);
        $crate::__step1_edit_distance!($krate, $subject);
        $crate::__step1_base62!($krate, $subject);
    };
}

/// Every kata's criterion group: the learner's code `L` beside the reference `R` (and std
/// where it has an equivalent).
pub fn benches<L: Katas, R: Katas>(c: &mut Criterion) {
    two_sum::bench::<L, R>(c);
    max_subarray::bench::<L, R>(c);
    merge_intervals::bench::<L, R>(c);
    balanced_brackets::bench::<L, R>(c);
    word_frequencies::bench::<L, R>(c);
    binary_search::bench::<L, R>(c);
    merge_sort::bench::<L, R>(c);
    quickselect::bench::<L, R>(c);
    kway_merge::bench::<L, R>(c);
    top_k::bench::<L, R>(c);
    ring_buffer::bench::<L, R>(c);
    min_heap::bench::<L, R>(c);
    hash_map::bench::<L, R>(c);
    lru_cache::bench::<L, R>(c);
    trie::bench::<L, R>(c);
    union_find::bench::<L, R>(c);
    bfs::bench::<L, R>(c);
    dijkstra::bench::<L, R>(c);
    topo_sort::bench::<L, R>(c);
    ordered_map::bench::<L, R>(c);
    rate_limiter::bench::<L, R>(c);
    consistent_hash::bench::<L, R>(c);
    bloom_filter::bench::<L, R>(c);
    edit_distance::bench::<L, R>(c);
    base62::bench::<L, R>(c);
}

/// Writes the `main` of `benches/katas.rs`: criterion runs every kata's group with
/// `$learner`'s code, `$reference`'s and std's side by side.
/// Filter as usual: `cargo bench -p step-1 -- binary_search`.
#[macro_export]
macro_rules! bench_step1 {
    ($learner:ident, $reference:ident) => {
        /// The learner's katas.
        struct Learner;
        $crate::__step1_impls!($learner, Learner);
        /// The reference solutions.
        struct Reference;
        $crate::__step1_impls!($reference, Reference);

        fn katas(c: &mut $crate::criterion::Criterion) {
            $crate::step1::benches::<Learner, Reference>(c);
        }
        $crate::criterion::criterion_group!(benches, katas);
        $crate::criterion::criterion_main!(benches);
    };
}
