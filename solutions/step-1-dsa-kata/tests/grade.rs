//! Grades the reference solutions of step 1 with the same suite as the learner's crate.
harness::grade_step1!(solution_step_1);
