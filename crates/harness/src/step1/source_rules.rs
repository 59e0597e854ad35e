//! Rules a kata's doc states about the code itself ("don't call `partition_point`", "don't
//! wrap a `VecDeque`"): the check parses the learner's file with `syn` and names the line
//! that breaks one.
//!
//! What counts as a use: a method call (`items.sort()`), a path with the name as one of its
//! segments (`slice::sort`, `<[T]>::partition_point`, `BinaryHeap::new`, a type
//! `VecDeque<T>`), and a `use` of it. Comments, doc text and `#[cfg(test)]` code are not looked at, and a
//! name the file defines itself (its own `fn sort`, `struct BinaryHeap`) is the learner's.

use std::collections::HashSet;

use syn::visit::{self, Visit};

use crate::check::{Check, Failure, Group};
use crate::step1::learner;

/// A name the doc of a kata forbids, and why.
#[derive(Debug, Clone, Copy)]
pub struct Forbidden {
    pub names: &'static [&'static str],
    /// Finishes "the doc asks you not to use `name`: …".
    pub why: &'static str,
}

/// The sorting methods of slices and `Vec`s.
pub const SORTS: &[&str] = &[
    "sort",
    "sort_unstable",
    "sort_by",
    "sort_by_key",
    "sort_unstable_by",
    "sort_unstable_by_key",
    "sort_by_cached_key",
];

/// One use of a forbidden name: its line (1-based) and the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub line: usize,
    pub name: String,
}

/// Every use of a forbidden name in `source`, in order. A file `syn` cannot parse (newer
/// syntax than it knows) has none: the rule is not worth refusing a correct answer for.
pub fn uses(source: &str, forbidden: &Forbidden) -> Vec<Use> {
    let Ok(file) = syn::parse_file(source) else {
        return Vec::new();
    };
    let mut defined = Definitions::default();
    defined.visit_file(&file);
    let names: HashSet<&str> = forbidden
        .names
        .iter()
        .copied()
        .filter(|name| !defined.names.contains(*name))
        .collect();
    let mut finder = Finder {
        names,
        found: Vec::new(),
    };
    finder.visit_file(&file);
    finder.found.sort_by_key(|u| u.line);
    finder.found
}

/// The check `no_std_shortcut` of `group`: its file's `source` uses none of the forbidden
/// names. It reads a finished solution: while the file still has its `todo!()`, there is
/// nothing to judge yet and the check fails, so a pristine stub never counts it as passed.
/// For the registered crate under test (`source` is [`learner::REGISTERED_SOURCE`]), the
/// text is the one the grade macro registered.
pub fn no_std_shortcut(group: Group, source: &'static str, forbidden: Forbidden) -> Check {
    group.check("no_std_shortcut", forbidden.why, move |_| {
        let source = learner::resolve_source(group.name, source);
        check(group.file, source, &forbidden)
    })
}

/// The text of the kata file `$kata.rs` of the crate that expands this (the crate under
/// test, in a grade file): what the rules of [`no_std_shortcut`] read.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_source {
    ($kata:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/", $kata, ".rs"))
    };
}

/// Fails on the first use of a forbidden name in `source` (the learner's `file`).
pub fn check(file: &str, source: &str, forbidden: &Forbidden) -> Result<(), Failure> {
    if let Some(line) = source
        .lines()
        .position(|line| !line.trim_start().starts_with("//") && line.contains("todo!("))
    {
        return Err(Failure::new(format!(
            "{file}:{}: the `todo!()` is still there: this check reads your finished \
             solution, so write the kata first",
            line + 1
        )));
    }
    let found = uses(source, forbidden);
    let Some(first) = found.first() else {
        return Ok(());
    };
    let text = source.lines().nth(first.line - 1).unwrap_or("").trim();
    let more = match found.len() {
        1 => String::new(),
        n => format!(" (and {} more use{})", n - 1, if n == 2 { "" } else { "s" }),
    };
    Err(Failure::new(format!(
        "{file}:{}: `{text}`\nthe doc asks you not to use `{}`: {}{more}",
        first.line, first.name, forbidden.why
    )))
}

/// Is this item test-only code (`#[cfg(test)]` or `#[test]`)?
fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("test")
            || (attr.path().is_ident("cfg")
                && attr
                    .parse_args::<syn::Ident>()
                    .is_ok_and(|ident| ident == "test"))
    })
}

/// The names of the functions, types and traits the file defines.
#[derive(Default)]
struct Definitions {
    names: HashSet<String>,
}

impl<'ast> Visit<'ast> for Definitions {
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.names.insert(item.sig.ident.to_string());
        visit::visit_item_fn(self, item);
    }
    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        self.names.insert(item.sig.ident.to_string());
        visit::visit_impl_item_fn(self, item);
    }
    fn visit_item_struct(&mut self, item: &'ast syn::ItemStruct) {
        self.names.insert(item.ident.to_string());
    }
    fn visit_item_enum(&mut self, item: &'ast syn::ItemEnum) {
        self.names.insert(item.ident.to_string());
    }
    fn visit_item_type(&mut self, item: &'ast syn::ItemType) {
        self.names.insert(item.ident.to_string());
    }
    fn visit_item_trait(&mut self, item: &'ast syn::ItemTrait) {
        self.names.insert(item.ident.to_string());
        visit::visit_item_trait(self, item);
    }
}

struct Finder<'n> {
    names: HashSet<&'n str>,
    found: Vec<Use>,
}

impl Finder<'_> {
    fn note(&mut self, ident: &syn::Ident) {
        let name = ident.to_string();
        if self.names.contains(name.as_str()) {
            self.found.push(Use {
                line: ident.span().start().line,
                name,
            });
        }
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if !is_test_only(&item.attrs) {
            visit::visit_item_mod(self, item);
        }
    }
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test_only(&item.attrs) {
            visit::visit_item_fn(self, item);
        }
    }
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.note(&call.method);
        visit::visit_expr_method_call(self, call);
    }
    fn visit_path(&mut self, path: &'ast syn::Path) {
        for segment in &path.segments {
            self.note(&segment.ident);
        }
        visit::visit_path(self, path);
    }
    fn visit_use_name(&mut self, name: &'ast syn::UseName) {
        self.note(&name.ident);
    }
    fn visit_use_rename(&mut self, rename: &'ast syn::UseRename) {
        self.note(&rename.ident);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_SORT: Forbidden = Forbidden {
        names: &["sort", "sort_unstable", "partition_point", "VecDeque"],
        why: "writing it is the lesson",
    };

    fn lines(source: &str) -> Vec<usize> {
        uses(source, &NO_SORT).into_iter().map(|u| u.line).collect()
    }

    #[test]
    fn method_calls_paths_types_and_uses_are_found_with_their_line() {
        let source = "use std::collections::VecDeque;\n\
                      fn f(v: &mut Vec<u8>) {\n\
                      \x20   v.sort();\n\
                      \x20   <[u8]>::sort_unstable(v);\n\
                      \x20   let q: VecDeque<u8> = VecDeque::new();\n\
                      }\n";
        assert_eq!(lines(source), vec![1, 3, 4, 5, 5]);
        let failure = check("src/k.rs", source, &NO_SORT).unwrap_err();
        assert!(
            failure
                .message
                .starts_with("src/k.rs:1: `use std::collections::VecDeque;`")
        );
        assert!(
            failure.message.contains("not to use `VecDeque`"),
            "{failure}"
        );
        assert!(failure.message.contains("(and 4 more uses)"), "{failure}");
    }

    #[test]
    fn comments_tests_and_the_files_own_names_are_left_alone() {
        let source = "/// Unlike `partition_point`, this…\n\
                      fn sort(v: &mut [u8]) { // not v.sort()\n\
                      \x20   v.reverse();\n\
                      }\n\
                      fn g(v: &mut [u8]) { sort(v); v.sort(); }\n\
                      #[cfg(test)]\n\
                      mod tests { fn t(v: &mut Vec<u8>) { v.sort_unstable(); } }\n";
        assert!(lines(source).is_empty(), "{:?}", uses(source, &NO_SORT));
        assert!(check("src/k.rs", source, &NO_SORT).is_ok());
        assert!(lines("this is not Rust {").is_empty());
    }

    #[test]
    fn an_unfinished_kata_is_not_judged_yet() {
        let stub = "// todo!() in a comment does not count\nfn f() {\n    todo!(\"write it\")\n}\n";
        let failure = check("src/k.rs", stub, &NO_SORT).unwrap_err();
        assert!(
            failure.message.starts_with("src/k.rs:3: the `todo!()`"),
            "{failure}"
        );
    }
}
