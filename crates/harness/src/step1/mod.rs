//! The step-1 suite: two dozen katas in five grades, one module per kata.
//!
//! Each kata module holds a trait (the kata's API as the suite sees it), its `checks`, a
//! hidden macro that implements the trait for the crate under test, and `register`, which
//! hands that implementation's functions to [`learner::Learner`]. [`grade_step1!`] puts
//! them together, so a grade file is one line:
//!
//! ```ignore
//! harness::grade_step1!(step_1);          // grade the learner's crate
//! harness::grade_step1!(template_step_1, stub);  // the pristine stub must fail
//! ```
//!
//! The checks are compiled once, here, at `Learner` ([`learner_suite`]); a grade crate
//! compiles only the delegate impls, the registrations and `main`, so an edit of a kata
//! file rebuilds seconds less. Fixtures still call `checks::<Fixture>()` directly.

use criterion::Criterion;

use crate::check::Group;
use crate::suite::Suite;

pub mod inputs;
pub mod learner;
pub mod source_rules;

/// THE list of katas, in suite order: one row per kata, `name: Trait, grade g, delegate;`.
/// Everything else is generated from it: the module list, the [`Katas`] bounds, the suite,
/// the [`GROUPS`] (name, grade and file `src/<name>.rs` of each kata), the delegate impls of
/// the grade macros, the benches, and the fixture modules of the reference's self-test.
/// Adding a kata is one row here plus its files (see ARCHITECTURE.md, "Adding a kata").
///
/// It hands the rows to the macro `$callback` of this crate, after `$args` and a `;`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_table {
    ($callback:ident $(, $args:tt)*) => {
        $crate::$callback! {
            $($args),* ;
            two_sum: TwoSum, grade 1, __step1_two_sum;
            max_subarray: MaxSubarray, grade 1, __step1_max_subarray;
            merge_intervals: MergeIntervals, grade 1, __step1_merge_intervals;
            balanced_brackets: BalancedBrackets, grade 1, __step1_balanced_brackets;
            word_frequencies: WordFrequencies, grade 1, __step1_word_frequencies;
            binary_search: BinarySearch, grade 2, __step1_binary_search;
            merge_sort: MergeSort, grade 2, __step1_merge_sort;
            quickselect: Quickselect, grade 2, __step1_quickselect;
            kway_merge: KwayMerge, grade 2, __step1_kway_merge;
            top_k: TopK, grade 2, __step1_top_k;
            ring_buffer: RingBuffer, grade 3, __step1_ring_buffer;
            min_heap: MinHeap, grade 3, __step1_min_heap;
            hash_map: HashMapKata, grade 3, __step1_hash_map;
            lru_cache: LruCache, grade 3, __step1_lru_cache;
            trie: Trie, grade 3, __step1_trie;
            union_find: UnionFind, grade 3, __step1_union_find;
            bfs: Bfs, grade 4, __step1_bfs;
            dijkstra: Dijkstra, grade 4, __step1_dijkstra;
            topo_sort: TopoSort, grade 4, __step1_topo_sort;
            ordered_map: OrderedMap, grade 4, __step1_ordered_map;
            rate_limiter: RateLimiter, grade 5, __step1_rate_limiter;
            consistent_hash: ConsistentHash, grade 5, __step1_consistent_hash;
            bloom_filter: BloomFilter, grade 5, __step1_bloom_filter;
            edit_distance: EditDistance, grade 5, __step1_edit_distance;
            base62: Base62, grade 5, __step1_base62;
        }
    };
}

/// Declares the kata modules, [`Katas`], [`GROUPS`], [`suite`] and [`benches`] from the
/// rows of [`__step1_table`].
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_declare {
    (; $($kata:ident: $Trait:ident, grade $grade:literal, $delegate:ident;)*) => {
        $(pub mod $kata;)*

        /// Every kata's trait: what a crate under test must provide for the whole suite.
        pub trait Katas: $($kata::$Trait +)* {}

        impl<K> Katas for K where K: $($kata::$Trait +)* {}

        /// Each kata's name, grade and file, one field per kata.
        #[derive(Debug, Clone, Copy)]
        pub struct Groups {
            $(pub $kata: Group,)*
        }

        /// Each kata's [`Group`]: its module's `GROUP` reads it from here.
        pub const GROUPS: Groups = Groups {
            $($kata: Group::new(stringify!($kata), $grade, concat!("src/", stringify!($kata), ".rs")),)*
        };

        /// The whole step-1 suite for the crate under test `K`, whose manifest directory is
        /// `manifest_dir`.
        pub fn suite<K: Katas + 'static>(manifest_dir: &str) -> Suite {
            Suite::new($crate::steps::step(1), manifest_dir)
                $(.with($kata::checks::<K>()))*
                .ordered()
        }

        /// Every kata's criterion group: the learner's code `L` beside the reference `R` (and
        /// std where it has an equivalent).
        pub fn benches<L: Katas, R: Katas>(c: &mut Criterion) {
            $($kata::bench::<L, R>(c);)*
        }
    };
}

__step1_table!(__step1_declare);

/// The whole step-1 suite for the crate that the grade macro registered (`register_subject`): the checks are
/// instantiated here, once, at [`learner::Learner`], not in every grade crate.
pub fn learner_suite(manifest_dir: &str) -> Suite {
    suite::<learner::Learner>(manifest_dir)
}

/// Writes the `main` of a step-1 grade file for the crate `$krate`: grades it, or with
/// `stub`, checks that it fails every non-trivial check.
#[macro_export]
macro_rules! grade_step1 {
    ($krate:ident) => {
        $crate::__step1_subject!($krate);
        fn main() -> std::process::ExitCode {
            register_subject();
            $crate::grade($crate::step1::learner_suite(env!("CARGO_MANIFEST_DIR")))
        }
    };
    ($krate:ident, stub) => {
        $crate::__step1_subject!($krate);
        fn main() -> std::process::ExitCode {
            register_subject();
            $crate::expect_stub_fails($crate::step1::learner_suite(env!("CARGO_MANIFEST_DIR")))
        }
    };
}

/// Declares `Subject`, the crate under test as the suite sees it, `register_subject`, which
/// hands its functions to [`learner::Learner`] (each kata's `register`), and the counting
/// allocator that allocation gates read.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_subject {
    ($krate:ident) => {
        /// The crate under test, seen through the suite's kata traits.
        struct Subject;
        $crate::__step1_impls!($krate, Subject);
        $crate::__step1_table!(__step1_register_each);
        #[global_allocator]
        static ALLOCATOR: $crate::counting::CountingAllocator = $crate::counting::CountingAllocator;
    };
}

/// Implements every kata trait for `$subject` by calling into the crate `$krate`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_impls {
    ($krate:ident, $subject:ident) => {
        $crate::__step1_table!(__step1_impl_each, $krate, $subject);
    };
}

/// `register_subject()`: every kata's `register::<Subject>()`, in the grade crate (where the
/// learner's types are known, so their bounds hold).
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_register_each {
    (; $($kata:ident: $Trait:ident, grade $grade:literal, $delegate:ident;)*) => {
        /// Hands the crate under test's functions to the suite's `Learner`.
        fn register_subject() {
            $($crate::step1::$kata::register::<Subject>();)*
        }
    };
}

/// One delegate impl per row of [`__step1_table`].
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_impl_each {
    ($krate:ident, $subject:ident; $($kata:ident: $Trait:ident, grade $grade:literal, $delegate:ident;)*) => {
        $($crate::$delegate!($krate, $subject);)*
    };
}

/// Declares one fixture module per kata (`mod <kata>;`, the file `<kata>.rs` beside the
/// caller) and `add_fixtures(plan)`, which adds every module's fixtures with its `add`.
/// The `main` of the reference's `tests/wrong_variants/main.rs` calls it.
#[macro_export]
macro_rules! step1_fixture_modules {
    () => {
        $crate::__step1_table!(__step1_fixture_each);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __step1_fixture_each {
    (; $($kata:ident: $Trait:ident, grade $grade:literal, $delegate:ident;)*) => {
        $(mod $kata;)*

        /// Every kata module's fixtures, in suite order.
        fn add_fixtures(plan: $crate::Plan) -> $crate::Plan {
            $(let plan = $kata::add(plan);)*
            plan
        }
    };
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
