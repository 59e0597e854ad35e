//! Known-wrong variants of `union_find`: naive linking without union by size or path
//! compression (right answers, O(n) finds on a chain), a union that does not notice that
//! both elements are already joined, a `set_size` that reads a non-root's stale size, and
//! one that lets `Vec` indexing panic instead of the documented "out of range" panic.

use harness::Plan;
use harness::step1::union_find::{UnionFind, checks};

/// A forest of parent pointers; what each fixture does with it is set by its [`Flaws`].
struct Forest<I> {
    parent: Vec<I>,
    size: Vec<usize>,
    sets: usize,
}

/// The mistakes a fixture makes.
#[derive(Clone, Copy)]
struct Flaws {
    /// Links `find(a)` under `find(b)` whatever the sizes.
    no_balancing: bool,
    /// `find` never compresses the path it walked.
    no_compression: bool,
    /// Merges (and counts one set less) even when both are already in one set.
    always_merges: bool,
    /// `set_size(x)` reads `size[x]`, not the size at `x`'s root.
    size_of_element: bool,
    /// No range check: `parent[i]` panics with Vec's own message.
    unchecked: bool,
}

const NONE: Flaws = Flaws {
    no_balancing: false,
    no_compression: false,
    always_merges: false,
    size_of_element: false,
    unchecked: false,
};

impl<I: Copy + Eq + From<usize> + Into<usize>> Forest<I> {
    fn new(n: usize) -> Self {
        Forest {
            parent: (0..n).map(I::from).collect(),
            size: vec![1; n],
            sets: n,
        }
    }

    fn index(&self, x: I, flaws: Flaws) -> usize {
        let i = x.into();
        if !flaws.unchecked {
            assert!(i < self.parent.len(), "element {i} out of range");
        }
        i
    }

    fn find(&mut self, x: I, flaws: Flaws) -> I {
        let mut root = x;
        loop {
            let parent = self.parent[self.index(root, flaws)];
            if parent == root {
                break;
            }
            root = parent;
        }
        if !flaws.no_compression {
            let mut node = x;
            while node != root {
                let i = node.into();
                node = self.parent[i];
                self.parent[i] = root;
            }
        }
        root
    }

    fn union(&mut self, a: I, b: I, flaws: Flaws) -> bool {
        let (ra, rb) = (self.find(a, flaws), self.find(b, flaws));
        if ra == rb && !flaws.always_merges {
            return false;
        }
        let (ia, ib): (usize, usize) = (ra.into(), rb.into());
        if flaws.no_balancing {
            self.parent[ia] = rb;
            self.size[ib] += self.size[ia];
        } else if ia != ib {
            let (big, small) = if self.size[ia] >= self.size[ib] {
                (ia, ib)
            } else {
                (ib, ia)
            };
            self.parent[small] = I::from(big);
            self.size[big] += self.size[small];
        }
        self.sets -= 1;
        true
    }

    fn set_size(&mut self, x: I, flaws: Flaws) -> usize {
        let root = self.find(x, flaws);
        if flaws.size_of_element {
            self.size[x.into()]
        } else {
            self.size[root.into()]
        }
    }
}

/// Declares a fixture type that runs [`Forest`] with the given flaws.
macro_rules! fixture {
    ($name:ident, $flaws:expr) => {
        struct $name;

        impl UnionFind for $name {
            type Sets<I: Copy + Eq + From<usize> + Into<usize>> = Forest<I>;

            fn new<I: Copy + Eq + From<usize> + Into<usize>>(n: usize) -> Forest<I> {
                Forest::new(n)
            }

            fn find<I: Copy + Eq + From<usize> + Into<usize>>(sets: &mut Forest<I>, x: I) -> I {
                sets.find(x, $flaws)
            }

            fn union<I: Copy + Eq + From<usize> + Into<usize>>(
                sets: &mut Forest<I>,
                a: I,
                b: I,
            ) -> bool {
                sets.union(a, b, $flaws)
            }

            fn connected<I: Copy + Eq + From<usize> + Into<usize>>(
                sets: &mut Forest<I>,
                a: I,
                b: I,
            ) -> bool {
                sets.find(a, $flaws) == sets.find(b, $flaws)
            }

            fn set_size<I: Copy + Eq + From<usize> + Into<usize>>(
                sets: &mut Forest<I>,
                x: I,
            ) -> usize {
                sets.set_size(x, $flaws)
            }

            fn set_count<I: Copy + Eq + From<usize> + Into<usize>>(sets: &Forest<I>) -> usize {
                sets.sets
            }

            fn len<I: Copy + Eq + From<usize> + Into<usize>>(sets: &Forest<I>) -> usize {
                sets.parent.len()
            }

            fn is_empty<I: Copy + Eq + From<usize> + Into<usize>>(sets: &Forest<I>) -> bool {
                sets.parent.is_empty()
            }
        }
    };
}

fixture!(
    Naive,
    Flaws {
        no_balancing: true,
        no_compression: true,
        ..NONE
    }
);
fixture!(
    CompressionOnly,
    Flaws {
        no_balancing: true,
        ..NONE
    }
);
fixture!(
    SizeOnly,
    Flaws {
        no_compression: true,
        ..NONE
    }
);
fixture!(
    AlwaysMerges,
    Flaws {
        always_merges: true,
        ..NONE
    }
);
fixture!(
    SizeOfElement,
    Flaws {
        size_of_element: true,
        ..NONE
    }
);
fixture!(
    Unchecked,
    Flaws {
        unchecked: true,
        ..NONE
    }
);

pub fn add(plan: Plan) -> Plan {
    // Each half of the lesson alone passes the chains of the near-constant gate.
    let plan = crate::accept(
        plan,
        "compression_only",
        checks::<CompressionOnly>(),
        "union_find::near_constant_gate",
    );
    let plan = crate::accept(
        plan,
        "size_only",
        checks::<SizeOnly>(),
        "union_find::near_constant_gate",
    );
    plan.reject(
        "compression_only",
        checks::<CompressionOnly>(),
        "union_find::smaller_set_goes_under",
        "the larger set's root must stay the root",
    )
    .reject(
        "size_only",
        checks::<SizeOnly>(),
        "union_find::deep_find_gate",
        "too many index comparisons + conversions per find of the deepest elements",
    )
    .reject(
        "naive",
        checks::<Naive>(),
        "union_find::near_constant_gate",
        "too many index comparisons + conversions per operation",
    )
    .reject(
        "always_merges",
        checks::<AlwaysMerges>(),
        "union_find::examples",
        "union(1, 0);\nexpected: false",
    )
    .reject(
        "always_merges",
        checks::<AlwaysMerges>(),
        "union_find::matches_model",
        "a random input failed",
    )
    .reject(
        "size_of_element",
        checks::<SizeOfElement>(),
        "union_find::examples",
        "set_size(1);\nexpected: 2",
    )
    .reject(
        "size_of_element",
        checks::<SizeOfElement>(),
        "union_find::matches_model",
        "a random input failed",
    )
    .reject(
        "unchecked",
        checks::<Unchecked>(),
        "union_find::out_of_range",
        "index out of bounds",
    )
}
