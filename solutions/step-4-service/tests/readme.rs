//! The README's "Deploy it" session is real: every endpoint has a curl example, and the
//! whole block runs against the reference without a single error status (`curl -f`).

use harness::http::{App, Target};
use solution_step_4::routes::ROUTES;

const MARKER: &str = "<!-- tested: solutions/step-4-service/tests/readme.rs";

fn session() -> String {
    let path = harness::paths::workspace_root()
        .join(harness::steps::step(4).crate_dir)
        .join("README.md");
    let readme = std::fs::read_to_string(&path).expect("the step's README");
    let after = readme
        .split_once(MARKER)
        .unwrap_or_else(|| panic!("{} has no `{MARKER}` marker", path.display()))
        .1;
    let block = after
        .split_once("```sh\n")
        .expect("a ```sh block after the marker")
        .1;
    block
        .split_once("\n```")
        .expect("the block ends")
        .0
        .to_string()
}

/// `(method, path)` of every curl line, the path as written (`$SLUG` and all).
fn curl_calls(session: &str) -> Vec<(String, String)> {
    session
        .lines()
        .filter(|line| line.contains("curl "))
        .map(|line| {
            let method = line
                .split_once("-X ")
                .map(|(_, rest)| rest.split_whitespace().next().unwrap().to_string())
                .unwrap_or_else(|| "GET".to_string());
            let path = line
                .split_once("\"$CONDUIT")
                .expect("each curl line calls \"$CONDUIT/...\"")
                .1
                .split(['"', '?'])
                .next()
                .unwrap()
                .to_string();
            (method.to_lowercase(), path)
        })
        .collect()
}

/// Whether `path` (`$SLUG`, `bob`) fits `route` (`{slug}`, `{username}`).
fn fits(route: &str, path: &str) -> bool {
    let route: Vec<&str> = route.split('/').collect();
    let path: Vec<&str> = path.split('/').collect();
    route.len() == path.len()
        && route
            .iter()
            .zip(&path)
            .all(|(r, p)| r == p || (r.starts_with('{') && !p.is_empty()))
}

#[test]
fn every_route_has_a_curl_example() {
    let calls = curl_calls(&session());
    let missing: Vec<_> = ROUTES
        .iter()
        .filter(|(method, route)| !calls.iter().any(|(m, p)| m == method && fits(route, p)))
        .collect();
    assert!(
        missing.is_empty(),
        "no curl example in the README for {missing:?}"
    );
}

#[test]
fn the_session_runs_against_the_reference() {
    for tool in ["bash", "curl", "jq"] {
        if std::process::Command::new(tool)
            .arg("--version")
            .output()
            .is_err()
        {
            panic!("{tool} is needed to run the README's session (apt-get install {tool})");
        }
    }
    let target = Target::new(env!("CARGO_BIN_EXE_solution-step-4"))
        .env("JWT_SECRET", "readme-test-secret-readme-test-secret")
        .env("RUST_LOG", "warn");
    let app = App::new(&target).expect("a data directory");
    let server = app.start().expect("the reference starts");
    let output = std::process::Command::new("bash")
        .args(["-euo", "pipefail", "-c", &session()])
        .env("CONDUIT", server.base_url())
        .output()
        .expect("bash runs");
    let stderr = server.stderr_tail(20);
    server.terminate().expect("the reference stops");
    assert!(
        output.status.success(),
        "the README's session failed ({}):\n{}\nserver log:\n{stderr}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}
