//! Fixed, printed, overridable seeds: the same code always gets the same verdict, and a
//! learner can try other random inputs with `BACKEND_PATH_SEED=7 cargo test -p step-1`.

/// The environment variable that overrides the suite's seed.
pub const SEED_VAR: &str = "BACKEND_PATH_SEED";

/// The seed used when the environment says nothing.
pub const DEFAULT_SEED: u64 = 20_261_121;

/// The suite's seed: `BACKEND_PATH_SEED` if set, the fixed default otherwise.
/// An unparsable value is an error that says what to write instead.
pub fn suite_seed() -> Result<u64, String> {
    match std::env::var(SEED_VAR) {
        Err(_) => Ok(DEFAULT_SEED),
        Ok(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("{SEED_VAR}={text:?} is not a whole number; try {SEED_VAR}=42")),
    }
}

/// A check's own seed: the suite's seed mixed with the check's id (`group::name`), so each
/// check's random inputs do not depend on which other checks run, nor on whether the check
/// grades the learner, the stub or a fixture.
pub fn check_seed(suite_seed: u64, check_id: &str) -> u64 {
    // FNV-1a: tiny, and stable across platforms and toolchains.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in suite_seed.to_le_bytes().iter().chain(check_id.as_bytes()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
