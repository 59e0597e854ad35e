//! What a check is: one graded question about the learner's code, with the hint that helps
//! when the answer is wrong.
//!
//! A check body returns `Ok(())` or a [`Failure`] that says what was called, what was
//! expected and what came back. A panic inside a body is a failure too: the runner catches
//! it and shows its message.

use std::fmt::{Debug, Display};
use std::sync::Arc;
use std::time::Duration;

/// What a check body receives: the seed for anything random it does.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// Derived from the suite's seed and the check's name, so a check sees the same random
    /// inputs whatever else runs and in whatever order.
    pub seed: u64,
}

/// Why a check failed, written for the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
        }
    }
}

impl Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure { message }
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure::new(message)
    }
}

/// The body of a check. `Arc` so the runner can share it with the thread that runs it.
pub type CheckBody = Arc<dyn Fn(&Context) -> Result<(), Failure> + Send + Sync>;

/// One graded check.
#[derive(Clone)]
pub struct Check {
    /// The kata or API area, e.g. `binary_search` or `articles`.
    pub group: &'static str,
    /// The check's own name, e.g. `examples`; the full id is `group::name`.
    pub name: &'static str,
    /// The grade of the group: checks run and are reported in grade order.
    pub grade: u8,
    /// The file the learner edits to make this check pass, relative to the step's crate.
    pub file: &'static str,
    /// What to try next when the check fails.
    pub hint: &'static str,
    /// A check still running after this long fails as `timed out`.
    pub timeout: Duration,
    /// A trivial check may pass on the untouched stub (e.g. "the server starts").
    pub trivial: bool,
    pub body: CheckBody,
}

impl Check {
    /// `group::name`, the id used for filtering, reports and the child protocol.
    pub fn id(&self) -> String {
        format!("{}::{}", self.group, self.name)
    }

    /// Changes the timeout (the group's default is 10 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Marks the check as one an untouched stub may pass.
    pub fn trivial(mut self) -> Self {
        self.trivial = true;
        self
    }
}

impl Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Check")
            .field("id", &self.id())
            .field("grade", &self.grade)
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

/// What the checks of one group share: name, grade and the file to edit.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    pub name: &'static str,
    pub grade: u8,
    pub file: &'static str,
}

impl Group {
    pub const fn new(name: &'static str, grade: u8, file: &'static str) -> Self {
        Group { name, grade, file }
    }

    /// A check in this group, with its hint and a 10 s timeout.
    pub fn check(
        &self,
        name: &'static str,
        hint: &'static str,
        body: impl Fn(&Context) -> Result<(), Failure> + Send + Sync + 'static,
    ) -> Check {
        Check {
            group: self.name,
            name,
            grade: self.grade,
            file: self.file,
            hint,
            timeout: Duration::from_secs(10),
            trivial: false,
            body: Arc::new(body),
        }
    }
}

/// Compares what came back with what was expected, and says which call it was.
///
/// ```
/// use harness::expect_eq;
/// assert!(expect_eq("lower_bound(&[1, 3], &3)", 1, 1).is_ok());
/// let failure = expect_eq("lower_bound(&[1, 3], &3)", 1, 0).unwrap_err();
/// assert!(failure.message.contains("expected: 1"));
/// ```
pub fn expect_eq<T: PartialEq + Debug>(
    call: impl Display,
    expected: T,
    got: T,
) -> Result<(), Failure> {
    if expected == got {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "called:   {call}\nexpected: {}\ngot:      {}",
            show(&expected),
            show(&got)
        )))
    }
}

/// `Debug` output cut to a readable length: a failure about a 10 000-element input
/// should still fit on a screen.
pub fn show<T: Debug + ?Sized>(value: &T) -> String {
    const LIMIT: usize = 300;
    let text = format!("{value:?}");
    if text.chars().count() <= LIMIT {
        text
    } else {
        let cut: String = text.chars().take(LIMIT).collect();
        format!("{cut}… ({} chars in all)", text.chars().count())
    }
}
