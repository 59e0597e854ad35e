//! The kit's self-test of the pristine step-1 stubs: every non-trivial check must fail,
//! because a stub that already passes a check leaves the learner nothing to learn there.
harness::grade_step1!(template_step_1, stub);
