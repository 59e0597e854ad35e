//! # Kata: binary min-heap (grade 3)
//!
//! A priority queue hands out the smallest item first, whatever the order it went in: the
//! job with the earliest deadline, the timer that fires next, the cheapest path so far in
//! Dijkstra. A binary heap does it with a plain `Vec`: the items form a complete binary
//! tree stored level by level, the children of index `i` are `2i + 1` and `2i + 2`, its
//! parent is `(i - 1) / 2`, and the **heap property** holds: every parent is `<=` its
//! children. So the minimum is always at index 0.
//!
//! ```text
//! push 5, 3, 8, 1           [1, 3, 8, 5]          1
//!                                               /   \
//!                                              3     8
//!                                             /
//!                                            5
//! peek()  == Some(&1)
//! pop()   == Some(1)        [3, 5, 8]   (5 moved to the root, then sifted down below 3)
//! pop(), pop(), pop()       Some(3), Some(5), Some(8), then None
//!
//! from_vec(vec![4, 1, 3, 2, 16, 9, 10, 14, 8, 7])   pops 1, 2, 3, 4, 7, 8, 9, 10, 14, 16
//! duplicates all come out: push 2, 2, 1  →  pops 1, 2, 2
//! ```
//!
//! **Required:** `push` and `pop` make O(log n) comparisons, `from_vec` makes O(n). The grader
//! counts every comparison (`<`, `cmp`, `==`, …) on items it gives you: on a heap of 64 000
//! items a push or pop may make a few dozen, not thousands (a linear scan for the minimum
//! costs 64 000); turning 64 000 items into a heap may cost about 3 comparisons per item,
//! while pushing them one by one or sorting them costs 13 to 17 per item. `peek`, `len` and
//! `is_empty` make none. Don't wrap std's `BinaryHeap`: it is the answer already, and writing
//! the sifts is the lesson (the grader reads your file and names the line that uses one).
//!
//! **Edge cases:** `pop` and `peek` on an empty heap return `None`; `from_vec(vec![])` is an
//! empty heap; equal items are all kept and come out one after another.
//!
//! **Where to start:** `push` appends the item and **sifts it up**: while it is smaller than
//! its parent, swap them. `pop` swaps the root with the last item, pops the `Vec` (that is the
//! minimum), then **sifts the new root down**: while one of its children is smaller, swap it
//! with the *smaller* child. `from_vec` (Floyd's heapify) sifts down every parent, from the
//! last one (`len / 2 - 1`) back to the root: half the nodes are leaves and never move, a
//! quarter sift down at most one level, and so on, which adds up to O(n). `Vec::swap` moves
//! items without cloning them.

/// A priority queue that pops its smallest item first.
// The field below is a suggestion: change it as you like (and then remove this line).
#[allow(dead_code)]
pub struct MinHeap<T> {
    items: Vec<T>,
}

impl<T: Ord> MinHeap<T> {
    /// An empty heap.
    pub fn new() -> Self {
        todo!()
    }

    /// A heap of `items`, built in O(n) comparisons.
    pub fn from_vec(items: Vec<T>) -> Self {
        let _ = items;
        todo!()
    }

    /// Adds `item`, in O(log n) comparisons.
    pub fn push(&mut self, item: T) {
        let _ = item;
        todo!()
    }

    /// Removes and returns the smallest item (`None` when empty), in O(log n) comparisons.
    pub fn pop(&mut self) -> Option<T> {
        todo!()
    }

    /// The smallest item, left in the heap; `None` when empty.
    pub fn peek(&self) -> Option<&T> {
        todo!()
    }

    /// How many items the heap holds.
    pub fn len(&self) -> usize {
        todo!()
    }

    /// Whether the heap holds no item.
    pub fn is_empty(&self) -> bool {
        todo!()
    }
}

impl<T: Ord> Default for MinHeap<T> {
    fn default() -> Self {
        Self::new()
    }
}
