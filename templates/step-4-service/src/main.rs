//! Step 4 (service): not open yet. Its suite and starting code come with its own issue;
//! until then `cargo kit` lists the step as "not open yet".

fn main() {
    eprintln!(
        "step 4 (service) is not open yet: finish the earlier steps first (run `cargo kit`)."
    );
    std::process::exit(1);
}
