//! Input generators shared by several katas' checks: fixed pseudo-random streams and
//! permutations (the same input on every run), and the ordered shapes real data has
//! (already sorted, reversed, nearly sorted) that break naive pivot and balancing rules.

/// A small pseudo-random stream (a 64-bit LCG): deterministic, no dependency.
#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The stream from the raw state `state` (no mixing with the seed constant): what a
    /// gate uses to keep the exact numbers its thresholds were set on.
    pub fn from_state(state: u64) -> Self {
        Lcg(state)
    }

    /// The next 31 pseudo-random bits.
    pub fn next_bits(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A pseudo-random number in `0..bound` (`bound > 0`).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_bits() % bound
    }
}

/// A fixed pseudo-random permutation of `0..n` (Fisher-Yates driven by [`Lcg`]).
pub fn shuffled(n: usize, seed: u64) -> Vec<u64> {
    let mut items: Vec<u64> = (0..n as u64).collect();
    let mut rng = Lcg::new(seed);
    for i in (1..n).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    items
}

/// `0..n` with one pair in a hundred swapped: data that is "almost sorted already".
pub fn nearly_sorted(n: usize, seed: u64) -> Vec<u64> {
    let mut items: Vec<u64> = (0..n as u64).collect();
    let mut rng = Lcg::new(seed);
    for _ in 0..n / 100 {
        let (i, j) = (rng.below(n as u64) as usize, rng.below(n as u64) as usize);
        items.swap(i, j);
    }
    items
}

/// The ordered shapes of `0..n` that real inputs often have, each with its name for a
/// failure message: ascending, descending, nearly sorted, and two sorted runs one after
/// the other (a log appended to twice).
pub fn ordered_shapes(n: usize) -> Vec<(&'static str, Vec<u64>)> {
    let half = n as u64 / 2;
    vec![
        ("ascending", (0..n as u64).collect()),
        ("descending", (0..n as u64).rev().collect()),
        ("nearly sorted", nearly_sorted(n, 5)),
        ("two sorted runs", (half..n as u64).chain(0..half).collect()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generator_gives_a_permutation() {
        let mut all = vec![("shuffled", shuffled(1_000, 3))];
        all.extend(ordered_shapes(1_000));
        for (name, mut items) in all {
            items.sort_unstable();
            assert_eq!(items, (0..1_000).collect::<Vec<u64>>(), "{name}");
        }
        assert_ne!(shuffled(100, 1), shuffled(100, 2));
    }
}
