//! Grades your step-1 katas: `cargo test -p step-1` (filter: `cargo test -p step-1 -- binary_search`).
harness::grade_step1!(step_1);
