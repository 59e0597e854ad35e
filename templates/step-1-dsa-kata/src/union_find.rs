//! # Kata: union-find, disjoint sets (grade 3)
//!
//! Elements `0..n` start in sets of their own; `union(a, b)` merges the sets of `a` and `b`;
//! `connected(a, b)` asks whether they are in the same set now. Backends meet this shape
//! when they merge duplicate accounts that share an email or a phone number, group servers
//! that can reach each other, find clusters in a "related items" graph, or run Kruskal's
//! minimum spanning tree. Each set is a tree of parent pointers; its root names the set.
//!
//! ```text
//! let mut s = UnionFind::new(5);     // {0} {1} {2} {3} {4}
//! s.set_count()      == 5
//! s.union(0, 1)      == true         // {0 1} {2} {3} {4}
//! s.union(1, 0)      == false        // already in the same set: nothing changes
//! s.union(2, 3)      == true         // {0 1} {2 3} {4}
//! s.connected(0, 3)  == false
//! s.union(3, 1)      == true         // {0 1 2 3} {4}
//! s.connected(0, 2)  == true
//! s.set_size(2)      == 4
//! s.set_count()      == 2
//! s.find(0) == s.find(3)             // the same root; which element it is is up to you
//! s.union(4, 4)      == false        // an element is always in its own set
//! UnionFind::new(0).set_count() == 0
//! ```
//!
//! **Out of range:** every method that takes an element panics when it is not in `0..n`, with
//! a message that contains `out of range`, e.g.
//! `union-find element 7 out of range (0..5)`. An unknown element is a bug in the caller, as
//! with slice indexing, so this is a panic rather than an `Option`; the grader calls each
//! method with a bad element and reads the message. (A bare `parent[i]` panics too, but with
//! Vec's own "index out of bounds" message: check first.)
//!
//! **Why is it generic?** `UnionFind<I>` stores its elements as `I`: `usize` in real use
//! (the default: `let mut s: UnionFind = UnionFind::new(5);`), and in the grader an index
//! type that counts how often it is compared (`==`) or converted (`i.into()`, `I::from(i)`),
//! so the grader can count the steps your `find` takes without a clock. Use `I` like a
//! `usize` that you must convert to index a `Vec`: `let i: usize = x.into();`. Keep the
//! parent pointers as `I` values (`parent: Vec<I>`) and compare them as `I`: that is what
//! is counted. (Sizes can be a plain `Vec<usize>`.)
//!
//! **Required:** nearly O(1) amortised per operation. The grader builds, over 256 and then
//! 4 096 elements, long chains of unions (the worst case for naive linking) followed by as
//! many finds, connected and set_size queries; the comparisons and conversions of `I` per
//! operation must not grow with n. Without balancing or compression a find walks the whole
//! chain: n/4 steps on average. Each trick alone is not enough, and the grader checks both:
//! after `union` the root of the larger set must still be the root (the smaller set goes
//! under it, whichever argument it came from); and on 256 and 65 536 elements joined in
//! rounds of equal-sized sets (the deepest trees union by size allows, log2(n) levels), the
//! deepest elements are found again and again: with path compression each repeat costs a
//! step or two, without it every find climbs all the levels again.
//!
//! **Where to start:** `parent[i]` is `i`'s parent; a root is its own parent. `find` walks
//! up to the root, then walks the same path again pointing every node straight at the root
//! (path compression). `union` finds both roots; if they differ, hang the root of the
//! smaller set under the root of the larger (union by size: a tree's height stays
//! O(log n)), add the sizes, and count one set less. Together the two tricks make every
//! operation cost almost nothing (the inverse Ackermann function, at most 4 for any n you
//! will meet).

use std::marker::PhantomData;

/// Disjoint sets over the elements `0..n`, stored as `I` (use `usize`).
pub struct UnionFind<I = usize> {
    // Replace with your fields (parent pointers, set sizes, the number of sets).
    _todo: PhantomData<I>,
}

impl<I: Copy + Eq + From<usize> + Into<usize>> UnionFind<I> {
    /// `n` elements, `0..n`, each in a set of its own.
    pub fn new(n: usize) -> Self {
        let _ = n;
        todo!()
    }

    /// The root of `x`'s set: the same element for every member of the set until the next
    /// union that merges it. Compresses the path it walks.
    /// Panics ("… out of range …") if `x` is not in `0..n`.
    pub fn find(&mut self, x: I) -> I {
        let _ = x;
        todo!()
    }

    /// Merges the sets of `a` and `b`. Returns `false` (and changes nothing) if they were
    /// already in the same set. Panics ("… out of range …") if either is not in `0..n`.
    pub fn union(&mut self, a: I, b: I) -> bool {
        let _ = (a, b);
        todo!()
    }

    /// Whether `a` and `b` are in the same set. Panics ("… out of range …") if either is
    /// not in `0..n`.
    pub fn connected(&mut self, a: I, b: I) -> bool {
        let _ = (a, b);
        todo!()
    }

    /// How many elements are in `x`'s set (`x` included). Panics ("… out of range …") if
    /// `x` is not in `0..n`.
    pub fn set_size(&mut self, x: I) -> usize {
        let _ = x;
        todo!()
    }

    /// How many disjoint sets there are: `n` at first, one less after each union that
    /// merges two sets.
    pub fn set_count(&self) -> usize {
        todo!()
    }

    /// The number of elements, `n`.
    pub fn len(&self) -> usize {
        todo!()
    }

    /// Whether there are no elements (`n == 0`).
    pub fn is_empty(&self) -> bool {
        todo!()
    }
}
