//! Several name filters, as cargo's own test harness takes them:
//! `cargo test -p step-1 -- two_sum lru` runs the checks whose names contain `two_sum` or
//! `lru`. libtest-mimic takes one filter, so the runner takes the filters out of the
//! arguments first and applies them itself.

/// libtest options that take a value in the next argument (`--skip lru`).
const OPTIONS_WITH_A_VALUE: [&str; 6] = [
    "--test-threads",
    "--logfile",
    "--skip",
    "--color",
    "--format",
    "-Z",
];

/// The command line split into the arguments for libtest-mimic (program name first) and
/// the name filters.
pub fn split(args: impl IntoIterator<Item = String>) -> (Vec<String>, Vec<String>) {
    let mut args = args.into_iter();
    let mut options: Vec<String> = args.next().into_iter().collect();
    let mut filters = Vec::new();
    let mut only_filters_follow = false;
    while let Some(arg) = args.next() {
        if only_filters_follow || !arg.starts_with('-') {
            filters.push(arg);
        } else if arg == "--" {
            only_filters_follow = true;
        } else {
            let takes_value = OPTIONS_WITH_A_VALUE.contains(&arg.as_str());
            options.push(arg);
            if takes_value && let Some(value) = args.next() {
                options.push(value);
            }
        }
    }
    (options, filters)
}

/// Whether the check labelled `label` is selected by `filters` (every check when there are
/// none). With `exact`, a filter must be the whole label.
pub fn selects(filters: &[String], exact: bool, label: &str) -> bool {
    filters.is_empty()
        || filters.iter().any(|filter| {
            if exact {
                label == filter
            } else {
                label.contains(filter.as_str())
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn several_filters_are_taken_out_and_options_keep_their_values() {
        let (options, filters) = split(strings(&[
            "grade",
            "two_sum",
            "--skip",
            "gate",
            "-q",
            "lru",
            "--test-threads=1",
        ]));
        assert_eq!(
            options,
            strings(&["grade", "--skip", "gate", "-q", "--test-threads=1"])
        );
        assert_eq!(filters, strings(&["two_sum", "lru"]));
    }

    #[test]
    fn a_check_is_selected_by_any_filter() {
        let filters = strings(&["two_sum", "lru"]);
        assert!(selects(&filters, false, "lru_cache::examples"));
        assert!(selects(&filters, false, "two_sum::gate"));
        assert!(!selects(&filters, false, "trie::examples"));
        assert!(selects(&[], false, "trie::examples"));
        assert!(!selects(&filters, true, "two_sum::gate"));
        assert!(selects(&strings(&["two_sum::gate"]), true, "two_sum::gate"));
    }
}
