//! `cargo bench -p step-1`: every kata's criterion group, with your code, the reference and
//! std side by side. `cargo kit bench [kata]` runs this and prints a ratio table.
harness::bench_step1!(step_1, solution_step_1);
