//! [`Learner`]: the crate under test as the step-1 checks see it, behind function pointers.
//!
//! Every kata's checks are generic over the kata's trait (`checks::<K: BinarySearch>()`).
//! Instantiated in the learner's grade crate, all of them would be compiled again after
//! every edit of a kata file: seconds of waiting for code the learner never changed.
//! Instead the harness instantiates them once, at `Learner`, a type whose trait methods call
//! function pointers looked up in each kata's [`Table`]. The grade macro fills the tables:
//! each kata module's `register::<Subject>()` takes the addresses of the crate under test's
//! functions at the concrete types its checks use (`lower_bound::<i32>`, …), so the grade
//! crate compiles only those few instantiations and a `main`.
//!
//! Data structures (a heap, a map…) travel as [`Erased`] boxes (made by [`erase`], whose
//! allocation no gate counts); the registered functions [`down`]cast them back to the
//! learner's type. Counted values (`Counted<u64>`, a kata's own counting types) pass through
//! unchanged, so every count a gate reads is the one it read before.
//!
//! A check that calls a method at a type the kata's `register` does not list panics with
//! the method and type to add there: the reference's grade run (`cargo test -p
//! solution-step-1`) finds it. The kata traits' generic parameters are `'static` (a
//! function pointer is found by its type's `TypeId`).

use std::any::{Any, TypeId, type_name};
use std::marker::PhantomData;
use std::sync::{Mutex, OnceLock};

/// The crate under test, as registered by the grade macro. Implements every kata trait.
pub struct Learner;

/// A data structure of the crate under test (its `MinHeap<T>`, its `LruCache<K, V>`…),
/// boxed so that the harness can hold it without knowing its type.
pub type Erased = Box<dyn Any>;

/// The value `SOURCE` of every kata trait for [`Learner`]: the kata's rules then read the
/// file's text that the grade macro registered with [`register_source`].
pub const REGISTERED_SOURCE: &str = "\0the kata file's text, registered at run time\0";

static SOURCES: Mutex<Vec<(&str, &str)>> = Mutex::new(Vec::new());

/// Registers the text of `kata`'s file in the crate under test.
pub fn register_source(kata: &'static str, text: &'static str) {
    let mut sources = SOURCES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    sources.retain(|(name, _)| *name != kata);
    sources.push((kata, text));
}

/// `source` itself, or the registered text of `kata`'s file when `source` is
/// [`REGISTERED_SOURCE`].
pub fn resolve_source(kata: &str, source: &'static str) -> &'static str {
    if source != REGISTERED_SOURCE {
        return source;
    }
    let sources = SOURCES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    sources
        .iter()
        .find(|(name, _)| *name == kata)
        .map_or("", |(_, text)| *text)
}

/// One kata's registered functions, filled once by the kata's `register`.
pub struct Table {
    kata: &'static str,
    fns: OnceLock<Fns>,
}

/// What a kata's `register` hands to [`Table::fill`]: its functions.
#[derive(Default)]
pub struct Fns {
    entries: Vec<Entry>,
}

struct Entry {
    method: &'static str,
    id: TypeId,
    function: Box<dyn Any + Send + Sync>,
}

impl Fns {
    /// Registers `function` (a function pointer, e.g. `fn(&[i32], &i32) -> usize`) as the
    /// kata's `method` at the types in its signature.
    pub fn add<F: Copy + Send + Sync + 'static>(&mut self, method: &'static str, function: F) {
        self.add_at::<(), F>(method, function);
    }

    /// Registers `function` as the kata's `method` at the generic parameters `P`: for the
    /// methods of a data structure, whose signatures say `Erased` where the type was (the
    /// `len` of a `MinHeap<i32>` and of a `MinHeap<String>` are both `fn(&Erased) -> usize`).
    pub fn add_at<P: ?Sized + 'static, F: Copy + Send + Sync + 'static>(
        &mut self,
        method: &'static str,
        function: F,
    ) {
        self.entries.push(Entry {
            method,
            id: TypeId::of::<(PhantomData<P>, F)>(),
            function: Box::new(function),
        });
    }
}

impl Table {
    pub const fn new(kata: &'static str) -> Self {
        Table {
            kata,
            fns: OnceLock::new(),
        }
    }

    /// Fills the table once (later calls keep the first filling).
    pub fn fill(&self, register: impl FnOnce(&mut Fns)) {
        self.fns.get_or_init(|| {
            let mut fns = Fns::default();
            register(&mut fns);
            fns
        });
    }

    /// The registered `method` of signature `F`.
    pub fn get<F: Copy + 'static>(&self, method: &'static str) -> F {
        self.get_at::<(), F>(method)
    }

    /// The registered `method` of signature `F` at the generic parameters `P`.
    pub fn get_at<P: ?Sized + 'static, F: Copy + 'static>(&self, method: &'static str) -> F {
        let id = TypeId::of::<(PhantomData<P>, F)>();
        let found = self.fns.get().and_then(|fns| {
            fns.entries
                .iter()
                .find(|entry| entry.id == id && entry.method == method)
        });
        match found.and_then(|entry| entry.function.downcast_ref::<F>()) {
            Some(function) => *function,
            None => panic!(
                "harness bug: kata `{kata}` has no registered `{method}` of type `{ty}` at \
                 `{params}`: add it to `register` in crates/harness/src/step1/{kata}.rs",
                kata = self.kata,
                ty = type_name::<F>(),
                params = type_name::<P>(),
            ),
        }
    }
}

/// Boxes a data structure of the crate under test. The box's allocation is not counted:
/// allocation gates see exactly what they saw before the structure was boxed.
pub fn erase<T: 'static>(value: T) -> Erased {
    crate::counting::uncounted(|| Box::new(value))
}

/// The learner's data structure inside `erased`.
pub fn down<T: 'static>(erased: &Erased) -> &T {
    erased.downcast_ref().unwrap_or_else(|| wrong_type::<T>())
}

/// The learner's data structure inside `erased`, mutably.
pub fn down_mut<T: 'static>(erased: &mut Erased) -> &mut T {
    erased.downcast_mut().unwrap_or_else(|| wrong_type::<T>())
}

fn wrong_type<T>() -> ! {
    panic!(
        "harness bug: a boxed data structure is not a `{}`",
        type_name::<T>()
    )
}
