use crate::check::Check; use crate::step2::Binary; pub fn checks(_b: &Binary) -> Vec<Check> { vec![] }
