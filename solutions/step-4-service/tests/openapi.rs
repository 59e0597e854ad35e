//! The OpenAPI document is the contract: it must parse, and list exactly the routes the
//! router answers (method and path), no more, no fewer.

use std::collections::BTreeSet;

use serde_json::Value;
use solution_step_4::handlers::meta::{OPENAPI_JSON, OPENAPI_YAML};
use solution_step_4::routes::ROUTES;

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch", "head", "options"];

fn documented() -> BTreeSet<(String, String)> {
    let document: Value = serde_norway::from_str(OPENAPI_YAML).expect("openapi.yml parses");
    let paths = document["paths"]
        .as_object()
        .expect("the document has paths");
    paths
        .iter()
        .flat_map(|(path, item)| {
            let item = item.as_object().expect("a path item is an object");
            item.keys()
                .filter(|key| METHODS.contains(&key.as_str()))
                .map(|method| (method.clone(), path.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_document_lists_every_route_and_no_other() {
    let routed: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(method, path)| (method.to_string(), path.to_string()))
        .collect();
    let documented = documented();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty() && unrouted.is_empty(),
        "routes missing from openapi.yml: {undocumented:?}; documented but not routed: {unrouted:?}"
    );
    assert_eq!(
        routed.len(),
        24,
        "the Conduit API's 19 operations and 5 of our own"
    );
}

#[test]
fn every_reference_resolves_and_every_operation_documents_its_errors() {
    let document = &*OPENAPI_JSON;
    assert_eq!(document["openapi"], "3.1.0");
    let text = serde_json::to_string(document).unwrap();
    // Every `$ref` points at something defined.
    for reference in text.split("\"$ref\":\"").skip(1) {
        let target = reference.split('"').next().unwrap();
        let pointer = target.trim_start_matches('#');
        assert!(
            document.pointer(pointer).is_some(),
            "$ref {target} points at nothing"
        );
    }
    // Secured operations can answer 401; operations with a body can answer 422.
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let secured = operation["security"]
                .as_array()
                .is_some_and(|schemes| !schemes.is_empty());
            if secured {
                assert!(responses.contains_key("401"), "{method} {path} lacks 401");
            }
            if operation.get("requestBody").is_some() {
                assert!(responses.contains_key("422"), "{method} {path} lacks 422");
            }
        }
    }
}
