//! Deterministic cost measures for performance gates: comparisons, hashes and clones through
//! an instrumented key type, and allocations through a counting global allocator.
//!
//! Counts are process-wide atomics. That is safe because the runner gives every check a
//! process of its own, and it still counts work the learner's code does on other threads.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

static COMPARISONS: AtomicU64 = AtomicU64::new(0);
static HASHES: AtomicU64 = AtomicU64::new(0);
static CLONES: AtomicU64 = AtomicU64::new(0);
static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static ALLOCATED_BYTES: AtomicU64 = AtomicU64::new(0);

/// A snapshot of every counter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Calls to `cmp`, `partial_cmp` and `eq` on [`Counted`] values.
    pub comparisons: u64,
    /// Calls to `hash` on [`Counted`] values.
    pub hashes: u64,
    /// Calls to `clone` on [`Counted`] values.
    pub clones: u64,
    /// Allocations through [`CountingAllocator`] (when the test binary installs it).
    pub allocations: u64,
    pub allocated_bytes: u64,
}

/// Reads every counter.
pub fn counts() -> Counts {
    Counts {
        comparisons: COMPARISONS.load(Relaxed),
        hashes: HASHES.load(Relaxed),
        clones: CLONES.load(Relaxed),
        allocations: ALLOCATIONS.load(Relaxed),
        allocated_bytes: ALLOCATED_BYTES.load(Relaxed),
    }
}

/// Runs `work` and returns how much it counted (and its result).
pub fn measure<R>(work: impl FnOnce() -> R) -> (Counts, R) {
    let before = counts();
    let result = work();
    let after = counts();
    let delta = Counts {
        comparisons: after.comparisons - before.comparisons,
        hashes: after.hashes - before.hashes,
        clones: after.clones - before.clones,
        allocations: after.allocations - before.allocations,
        allocated_bytes: after.allocated_bytes - before.allocated_bytes,
    };
    (delta, result)
}

/// Runs `work` without counting its allocations: the grader's own bookkeeping (the box that
/// holds a learner's data structure, see `step1::learner::erase`) is not the learner's cost.
pub fn uncounted<R>(work: impl FnOnce() -> R) -> R {
    let before = counts();
    let result = work();
    let after = counts();
    ALLOCATIONS.fetch_sub(after.allocations - before.allocations, Relaxed);
    ALLOCATED_BYTES.fetch_sub(after.allocated_bytes - before.allocated_bytes, Relaxed);
    result
}

/// A value that counts how often it is compared, hashed and cloned.
///
/// Katas are generic (`fn lower_bound<T: Ord>`), so the same learner code runs on plain
/// integers for correctness and on `Counted` integers for the performance gate.
/// Deliberately not `Copy`: every copy of a key goes through `clone` and is counted.
#[derive(Debug, Default)]
pub struct Counted<T>(pub T);

impl<T: Clone> Clone for Counted<T> {
    fn clone(&self) -> Self {
        CLONES.fetch_add(1, Relaxed);
        Counted(self.0.clone())
    }
}

impl<T: PartialEq> PartialEq for Counted<T> {
    fn eq(&self, other: &Self) -> bool {
        COMPARISONS.fetch_add(1, Relaxed);
        self.0 == other.0
    }
}

impl<T: Eq> Eq for Counted<T> {}

impl<T: Ord> PartialOrd for Counted<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Ord> Ord for Counted<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        COMPARISONS.fetch_add(1, Relaxed);
        self.0.cmp(&other.0)
    }
}

impl<T: Hash> Hash for Counted<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        HASHES.fetch_add(1, Relaxed);
        self.0.hash(state);
    }
}

/// A global allocator that counts allocations. A test binary opts in with
/// `#[global_allocator] static ALLOC: harness::counting::CountingAllocator = CountingAllocator;`
/// (the grade macros do this for you).
#[derive(Debug, Default)]
pub struct CountingAllocator;

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are atomics
// and allocate nothing themselves.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        ALLOCATED_BYTES.fetch_add(layout.size() as u64, Relaxed);
        // SAFETY: the caller upholds `alloc`'s contract, which we pass on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` through `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        ALLOCATED_BYTES.fetch_add(layout.size() as u64, Relaxed);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        ALLOCATED_BYTES.fetch_add(new_size as u64, Relaxed);
        // SAFETY: the caller upholds `realloc`'s contract, which we pass on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_and_hashes_are_counted() {
        let (delta, _) = measure(|| {
            let a = Counted(1);
            let b = Counted(2);
            let _ = a < b;
            let _ = a == b;
            let mut hasher = std::hash::DefaultHasher::new();
            a.hash(&mut hasher);
        });
        // Other unit tests may run in parallel threads of this process: count at least.
        assert!(delta.comparisons >= 2, "{delta:?}");
        assert!(delta.hashes >= 1, "{delta:?}");
    }
}
