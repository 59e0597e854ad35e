//! Reference: a binary min-heap stored level by level in a `Vec`.
//!
//! Invariant (the heap property): for every index `i > 0`, `items[(i - 1) / 2] <= items[i]`,
//! so `items[0]` is the minimum. `push` appends and sifts up (one comparison per level),
//! `pop` moves the last item to the root and sifts it down (all the way along the smaller
//! children, then back up: about log2(n) comparisons), and `from_vec` sifts down every
//! parent from the last one back to the root, which costs O(n) in all because most nodes
//! sit near the bottom.

/// A priority queue that pops its smallest item first.
pub struct MinHeap<T> {
    items: Vec<T>,
}

impl<T: Ord> MinHeap<T> {
    /// An empty heap.
    pub fn new() -> Self {
        MinHeap { items: Vec::new() }
    }

    /// A heap of `items`, built in O(n) comparisons (Floyd's heapify).
    pub fn from_vec(items: Vec<T>) -> Self {
        let mut heap = MinHeap { items };
        for parent in (0..heap.items.len() / 2).rev() {
            heap.sift_down(parent);
        }
        heap
    }

    /// Adds `item`, in O(log n) comparisons.
    pub fn push(&mut self, item: T) {
        self.items.push(item);
        self.sift_up(self.items.len() - 1);
    }

    /// Removes and returns the smallest item (`None` when empty), in O(log n) comparisons.
    pub fn pop(&mut self) -> Option<T> {
        if self.items.is_empty() {
            return None;
        }
        // `swap_remove` takes the root out and puts the last item in its place.
        let min = self.items.swap_remove(0);
        if !self.items.is_empty() {
            self.sift_down_to_bottom();
        }
        Some(min)
    }

    /// The smallest item, left in the heap; `None` when empty.
    pub fn peek(&self) -> Option<&T> {
        self.items.first()
    }

    /// How many items the heap holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the heap holds no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Moves the item at `pos` up while it is smaller than its parent.
    fn sift_up(&mut self, mut pos: usize) {
        let items = self.items.as_mut_slice();
        while pos > 0 {
            let parent = (pos - 1) / 2;
            if items[pos] >= items[parent] {
                break;
            }
            items.swap(pos, parent);
            pos = parent;
        }
    }

    /// Sifts the root down after a pop, the way std's `BinaryHeap` does: the item that came
    /// from the bottom almost always belongs near the bottom again, so instead of asking at
    /// every level "is it smaller than the smaller child?" (two comparisons), move it all the
    /// way down along the smaller children (one comparison per level), then sift it up the
    /// level or two it went too far.
    fn sift_down_to_bottom(&mut self) {
        let items = self.items.as_mut_slice();
        let len = items.len();
        let mut pos = 0;
        let mut child = 1;
        while child + 1 < len {
            // The smaller of the two children (the right one only if strictly smaller),
            // computed without a branch: on random data a branch here is a coin flip the
            // CPU mispredicts half the time.
            child += usize::from(items[child + 1] < items[child]);
            items.swap(pos, child);
            pos = child;
            child = 2 * pos + 1;
        }
        if child + 1 == len {
            items.swap(pos, child);
            pos = child;
        }
        self.sift_up(pos);
    }

    /// Moves the item at `pos` down while one of its children is smaller, always swapping
    /// with the smaller child so the parent ends up `<=` both.
    fn sift_down(&mut self, mut pos: usize) {
        let items = self.items.as_mut_slice();
        let len = items.len();
        loop {
            let left = 2 * pos + 1;
            if left >= len {
                break;
            }
            let right = left + 1;
            let child = if right < len && items[right] < items[left] {
                right
            } else {
                left
            };
            if items[child] >= items[pos] {
                break;
            }
            items.swap(pos, child);
            pos = child;
        }
    }
}

impl<T: Ord> Default for MinHeap<T> {
    fn default() -> Self {
        Self::new()
    }
}
