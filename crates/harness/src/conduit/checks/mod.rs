//! Every Conduit check body, one module per API area. A body is written once and knows
//! nothing of steps: the step tables (e.g. [`crate::conduit::step2`]) pick the checks and
//! give them their grade, file and hint.

use crate::conduit::Def;

pub mod articles;
pub mod articles_authored;
pub mod auth;
pub mod comments;
pub mod comments_authored;
pub mod concurrency;
pub mod database;
pub mod durability;
pub mod errors;
pub mod favorites;
pub mod feed;
pub mod growth;
pub mod import;
pub mod injection;
pub mod production;
pub mod profiles;
pub mod reads;
pub mod runtime;
pub mod server;
pub mod shutdown;
pub mod tags;
pub mod transactions;
pub mod users;

/// Every check, area by area.
pub const ALL: &[&[Def]] = &[
    server::DEFS,
    articles::DEFS,
    comments::DEFS,
    tags::DEFS,
    errors::DEFS,
    durability::DEFS,
    concurrency::DEFS,
    shutdown::DEFS,
    database::DEFS,
    transactions::DEFS,
    injection::DEFS,
    runtime::DEFS,
    growth::DEFS,
    import::DEFS,
    reads::DEFS,
    users::DEFS,
    auth::DEFS,
    profiles::DEFS,
    articles_authored::DEFS,
    comments_authored::DEFS,
    favorites::DEFS,
    feed::DEFS,
    production::DEFS,
];

/// The check `group::name`.
pub fn find(id: &str) -> Option<Def> {
    ALL.iter()
        .flat_map(|defs| defs.iter())
        .copied()
        .find(|def| def.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<String> = ALL
            .iter()
            .flat_map(|defs| defs.iter())
            .map(Def::id)
            .collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "two Conduit checks share an id");
    }
}
