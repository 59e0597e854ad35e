//! Reference: union-find with union by size and path compression.
//!
//! `parent` makes a forest; each tree is a set and its root, the one element that is its own
//! parent, names it. `size[r]` is the number of elements in the tree of root `r` (stale for
//! non-roots).
//!
//! Invariants: following `parent` from any element reaches a root; union hangs the smaller
//! tree under the larger, so a tree of height h has at least 2^h elements; `find` re-points
//! every element on the path it walked straight at the root. Together: O(α(n)) amortised
//! per operation.

/// Disjoint sets over the elements `0..n`, stored as `I` (use `usize`).
pub struct UnionFind<I = usize> {
    parent: Vec<I>,
    size: Vec<usize>,
    sets: usize,
}

impl<I: Copy + Eq + From<usize> + Into<usize>> UnionFind<I> {
    /// `n` elements, `0..n`, each in a set of its own.
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).map(I::from).collect(),
            size: vec![1; n],
            sets: n,
        }
    }

    /// The root of `x`'s set: the same element for every member of the set until the next
    /// union that merges it. Compresses the path it walks.
    /// Panics ("… out of range …") if `x` is not in `0..n`.
    pub fn find(&mut self, x: I) -> I {
        let mut root = x;
        loop {
            let parent = self.parent[self.index(root)];
            if parent == root {
                break;
            }
            root = parent;
        }
        // Second pass: point every element on the path straight at the root.
        let mut node = x;
        while node != root {
            let i = node.into();
            node = self.parent[i];
            self.parent[i] = root;
        }
        root
    }

    /// Merges the sets of `a` and `b`. Returns `false` (and changes nothing) if they were
    /// already in the same set. Panics ("… out of range …") if either is not in `0..n`.
    pub fn union(&mut self, a: I, b: I) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        // Union by size: the smaller tree goes under the larger tree's root.
        let (ia, ib): (usize, usize) = (ra.into(), rb.into());
        let (big, small) = if self.size[ia] >= self.size[ib] {
            (ia, ib)
        } else {
            (ib, ia)
        };
        self.parent[small] = I::from(big);
        self.size[big] += self.size[small];
        self.sets -= 1;
        true
    }

    /// Whether `a` and `b` are in the same set. Panics ("… out of range …") if either is
    /// not in `0..n`.
    pub fn connected(&mut self, a: I, b: I) -> bool {
        self.find(a) == self.find(b)
    }

    /// How many elements are in `x`'s set (`x` included). Panics ("… out of range …") if
    /// `x` is not in `0..n`.
    pub fn set_size(&mut self, x: I) -> usize {
        let root = self.find(x);
        self.size[root.into()]
    }

    /// How many disjoint sets there are: `n` at first, one less after each union that
    /// merges two sets.
    pub fn set_count(&self) -> usize {
        self.sets
    }

    /// The number of elements, `n`.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// Whether there are no elements (`n == 0`).
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// `x` as an index into `parent`, after checking that it is one.
    fn index(&self, x: I) -> usize {
        let i = x.into();
        let n = self.parent.len();
        assert!(i < n, "union-find element {i} out of range (0..{n})");
        i
    }
}
