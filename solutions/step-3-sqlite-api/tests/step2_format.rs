//! The import checks write their sample file themselves (`harness::conduit::checks::import::
//! step2_file`). This test proves it is exactly what the step-2 reference writes: step 2's
//! own type reads it, and writes it back unchanged.

use solution_step_2::model::Data;

#[test]
fn the_import_sample_is_a_step2_data_file() {
    let sample = harness::conduit::checks::import::step2_file();
    let data: Data = serde_json::from_value(sample.clone()).expect("step 2's Data reads it");
    let written = serde_json::to_value(&data).expect("step 2's Data writes it");
    assert_eq!(
        written, sample,
        "step 2 writes the sample back field for field"
    );
}
