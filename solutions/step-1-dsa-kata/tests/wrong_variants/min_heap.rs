//! Known-wrong variants of `min_heap`: an unsorted Vec that scans for the minimum on every pop
//! (O(n) pop), a sorted Vec with linear insertion (O(n) push), heaps whose `from_vec` pushes
//! one by one or sorts (O(n log n) heapify), a max-heap, and a sift-down that swaps with the
//! first smaller child instead of the smaller one.

use harness::Plan;
use harness::step1::min_heap::{MinHeap, checks};

/// Generates the `MinHeap` impl for a fixture whose heap type has the kata's methods.
macro_rules! fixture {
    ($name:ident, $heap:ty) => {
        impl MinHeap for $name {
            type Heap<T: Ord> = $heap;
            fn new<T: Ord>() -> Self::Heap<T> {
                <$heap>::from_vec(Vec::new())
            }
            fn from_vec<T: Ord>(items: Vec<T>) -> Self::Heap<T> {
                <$heap>::from_vec(items)
            }
            fn push<T: Ord>(heap: &mut Self::Heap<T>, item: T) {
                heap.push(item)
            }
            fn pop<T: Ord>(heap: &mut Self::Heap<T>) -> Option<T> {
                heap.pop()
            }
            fn peek<T: Ord>(heap: &Self::Heap<T>) -> Option<&T> {
                heap.peek()
            }
            fn len<T: Ord>(heap: &Self::Heap<T>) -> usize {
                heap.items.len()
            }
            fn is_empty<T: Ord>(heap: &Self::Heap<T>) -> bool {
                heap.items.is_empty()
            }
        }
    };
}

/// Correct answers from an unsorted Vec: push is free, pop scans for the minimum (O(n)).
struct LinearScanPop;
struct Unsorted<T> {
    items: Vec<T>,
}
impl<T: Ord> Unsorted<T> {
    fn from_vec(items: Vec<T>) -> Self {
        Unsorted { items }
    }
    fn push(&mut self, item: T) {
        self.items.push(item);
    }
    fn min_index(&self) -> Option<usize> {
        (0..self.items.len()).min_by(|&a, &b| self.items[a].cmp(&self.items[b]))
    }
    fn pop(&mut self) -> Option<T> {
        let index = self.min_index()?;
        Some(self.items.swap_remove(index))
    }
    fn peek(&self) -> Option<&T> {
        self.min_index().map(|index| &self.items[index])
    }
}
fixture!(LinearScanPop, Unsorted<T>);

/// Correct answers from a Vec kept sorted largest first: pop is `Vec::pop`, but push walks
/// the Vec to find its place (O(n)) and `from_vec` sorts (O(n log n)).
struct SortedVec;
struct Sorted<T> {
    items: Vec<T>,
}
impl<T: Ord> Sorted<T> {
    fn from_vec(mut items: Vec<T>) -> Self {
        items.sort_by(|a, b| b.cmp(a));
        Sorted { items }
    }
    fn push(&mut self, item: T) {
        let at = self
            .items
            .iter()
            .position(|x| *x <= item)
            .unwrap_or(self.items.len());
        self.items.insert(at, item);
    }
    fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }
    fn peek(&self) -> Option<&T> {
        self.items.last()
    }
}
fixture!(SortedVec, Sorted<T>);

const PUSH_EACH: u8 = 1;
const SORT: u8 = 2;
const MAX_HEAP: u8 = 3;
const FIRST_SMALLER_CHILD: u8 = 4;

/// A binary heap with one deliberate mistake, chosen by `BUG` (Floyd's heapify otherwise).
struct Heap<T, const BUG: u8> {
    items: Vec<T>,
}
impl<T: Ord, const BUG: u8> Heap<T, BUG> {
    /// Whether `a` belongs above `b` (the max-heap variant has it backwards).
    fn above(a: &T, b: &T) -> bool {
        if BUG == MAX_HEAP { a > b } else { a < b }
    }
    fn from_vec(items: Vec<T>) -> Self {
        match BUG {
            PUSH_EACH => {
                let mut heap = Heap { items: Vec::new() };
                for item in items {
                    heap.push(item);
                }
                heap
            }
            SORT => {
                // A sorted Vec is a valid min-heap, but sorting costs O(n log n).
                let mut items = items;
                items.sort();
                Heap { items }
            }
            _ => {
                let mut heap = Heap { items };
                for parent in (0..heap.items.len() / 2).rev() {
                    heap.sift_down(parent);
                }
                heap
            }
        }
    }
    fn push(&mut self, item: T) {
        self.items.push(item);
        let mut pos = self.items.len() - 1;
        while pos > 0 {
            let parent = (pos - 1) / 2;
            if !Self::above(&self.items[pos], &self.items[parent]) {
                break;
            }
            self.items.swap(pos, parent);
            pos = parent;
        }
    }
    fn pop(&mut self) -> Option<T> {
        if self.items.is_empty() {
            return None;
        }
        let top = self.items.swap_remove(0);
        self.sift_down(0);
        Some(top)
    }
    fn peek(&self) -> Option<&T> {
        self.items.first()
    }
    fn sift_down(&mut self, mut pos: usize) {
        let len = self.items.len();
        loop {
            let (left, right) = (2 * pos + 1, 2 * pos + 2);
            if left >= len {
                break;
            }
            let child = if BUG == FIRST_SMALLER_CHILD {
                // Takes the left child whenever it beats the parent, even if the right one
                // is smaller still: the right child ends up above a smaller item.
                if Self::above(&self.items[left], &self.items[pos]) || right >= len {
                    left
                } else {
                    right
                }
            } else if right < len && Self::above(&self.items[right], &self.items[left]) {
                right
            } else {
                left
            };
            if !Self::above(&self.items[child], &self.items[pos]) {
                break;
            }
            self.items.swap(pos, child);
            pos = child;
        }
    }
}

/// Correct heap, but `from_vec` pushes every item: O(n log n).
struct PushEachHeapify;
fixture!(PushEachHeapify, Heap<T, PUSH_EACH>);

/// Correct heap, but `from_vec` sorts: O(n log n).
struct SortHeapify;
fixture!(SortHeapify, Heap<T, SORT>);

/// Pops the largest item first.
struct MaxHeap;
fixture!(MaxHeap, Heap<T, MAX_HEAP>);

/// Sift-down swaps with the left child whenever it is smaller than the parent.
struct FirstSmallerChild;
fixture!(FirstSmallerChild, Heap<T, FIRST_SMALLER_CHILD>);

/// Right answers from std's `BinaryHeap` of `Reverse` items: the heap the kata asks for.
struct StdBinaryHeap;

impl MinHeap for StdBinaryHeap {
    const SOURCE: &'static str = include_str!("min_heap.rs");
    type Heap<T: Ord> = std::collections::BinaryHeap<std::cmp::Reverse<T>>;
    fn new<T: Ord>() -> Self::Heap<T> {
        std::collections::BinaryHeap::new()
    }
    fn from_vec<T: Ord>(items: Vec<T>) -> Self::Heap<T> {
        items.into_iter().map(std::cmp::Reverse).collect()
    }
    fn push<T: Ord>(heap: &mut Self::Heap<T>, item: T) {
        heap.push(std::cmp::Reverse(item));
    }
    fn pop<T: Ord>(heap: &mut Self::Heap<T>) -> Option<T> {
        heap.pop().map(|std::cmp::Reverse(item)| item)
    }
    fn peek<T: Ord>(heap: &Self::Heap<T>) -> Option<&T> {
        heap.peek().map(|std::cmp::Reverse(item)| item)
    }
    fn len<T: Ord>(heap: &Self::Heap<T>) -> usize {
        heap.len()
    }
    fn is_empty<T: Ord>(heap: &Self::Heap<T>) -> bool {
        heap.is_empty()
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = plan.reject(
        "std_binary_heap",
        checks::<StdBinaryHeap>(),
        "min_heap::no_std_shortcut",
        "not to use `BinaryHeap`",
    );
    plan.reject(
        "linear_scan_pop",
        checks::<LinearScanPop>(),
        "min_heap::pop_gate",
        "too many comparisons per pop",
    )
    .reject(
        "sorted_vec",
        checks::<SortedVec>(),
        "min_heap::push_gate",
        "too many comparisons per push",
    )
    .reject(
        "sorted_vec",
        checks::<SortedVec>(),
        "min_heap::heapify_gate",
        "too many comparisons in from_vec",
    )
    .reject(
        "push_each_heapify",
        checks::<PushEachHeapify>(),
        "min_heap::heapify_gate",
        "too many comparisons in from_vec",
    )
    .reject(
        "sort_heapify",
        checks::<SortHeapify>(),
        "min_heap::heapify_gate",
        "too many comparisons in from_vec",
    )
    .reject(
        "max_heap",
        checks::<MaxHeap>(),
        "min_heap::examples",
        "expected: Some(3)",
    )
    .reject(
        "max_heap",
        checks::<MaxHeap>(),
        "min_heap::matches_std",
        "a random input failed",
    )
    .reject(
        "first_smaller_child",
        checks::<FirstSmallerChild>(),
        "min_heap::matches_std",
        "a random input failed",
    )
}
