//! Known-wrong variants of `edit_distance`. PLACEHOLDER: none written yet.

use harness::Plan;

pub fn add(plan: Plan) -> Plan {
    plan
}
