//! The deploy templates (`templates/step-4-service/deploy/`) parse, and agree with the
//! service and with each other: the port they set is the port they probe, the probes are
//! `/healthz` and `/readyz`, nothing runs as root, the stop deadline outlasts the
//! service's own shutdown deadline, and every variable they set is one the service reads.
//!
//! Where the tool is installed, the files also pass it: `systemd-analyze verify` for the
//! unit, `hadolint` for the Dockerfile (the CI script installs both).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use serde::Deserialize;
use serde_json::Value;
use solution_step_4::config::VARIABLES;

fn deploy_dir() -> PathBuf {
    harness::paths::workspace_root()
        .join(harness::steps::step(4).template_dir)
        .join("deploy")
}

fn read(name: &str) -> String {
    let path = deploy_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn known(variable: &str, file: &str) {
    assert!(
        VARIABLES.contains(&variable),
        "{file} sets {variable}, which the service does not read (config.rs reads {VARIABLES:?})"
    );
}

/// The service's own shutdown deadline as a template sets it.
fn shutdown_seconds(value: &str) -> u64 {
    value.parse().expect("SHUTDOWN_TIMEOUT_SECONDS is a number")
}

#[test]
fn dockerfile_is_multi_stage_slim_and_not_root() {
    let text = read("Dockerfile");
    let instructions: Vec<(String, String)> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (word, rest) = line.split_once(' ')?;
            word.chars()
                .all(|c| c.is_ascii_uppercase())
                .then(|| (word.to_string(), rest.trim().to_string()))
        })
        .collect();
    let froms: Vec<&String> = instructions
        .iter()
        .filter(|(word, _)| word == "FROM")
        .map(|(_, rest)| rest)
        .collect();
    assert!(
        froms.len() >= 2,
        "a build stage and a runtime stage: {froms:?}"
    );
    let runtime = froms.last().unwrap();
    assert!(
        runtime.contains("slim"),
        "the runtime image is slim: {runtime}"
    );
    assert!(
        instructions
            .iter()
            .any(|(word, rest)| word == "COPY" && rest.starts_with("--from=")),
        "the binary is copied from the build stage"
    );
    let user = instructions
        .iter()
        .rev()
        .find(|(word, _)| word == "USER")
        .map(|(_, rest)| rest.as_str())
        .expect("a USER instruction");
    let name = user.split(':').next().unwrap();
    assert!(name != "root" && name != "0", "runs as {user}");

    let env: BTreeMap<String, String> = text
        .split("ENV ")
        .nth(1)
        .expect("an ENV instruction")
        .split('\n')
        .take_while(|line| !line.trim().is_empty())
        .flat_map(|line| {
            line.trim()
                .trim_end_matches('\\')
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter_map(|pair| {
            pair.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    for name in env.keys() {
        known(name, "Dockerfile");
    }
    assert!(
        !env.contains_key("JWT_SECRET"),
        "no secret baked into the image"
    );
    assert_eq!(env.get("HOST").map(String::as_str), Some("0.0.0.0"));
    let port = env.get("PORT").expect("ENV PORT");
    assert!(
        instructions.contains(&("EXPOSE".to_string(), port.clone())),
        "EXPOSE {port}"
    );

    if let Some(report) = run_if_installed("hadolint", &[deploy_dir().join("Dockerfile")]) {
        assert!(report.0, "hadolint:\n{}", report.1);
    }
}

#[test]
fn systemd_unit_runs_unprivileged_and_stops_after_the_service() {
    let text = read("conduit.service");
    let mut service: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_string();
        } else if let Some((key, value)) = line.split_once('=')
            && !line.starts_with('#')
            && section == "[Service]"
        {
            service
                .entry(key.to_string())
                .or_default()
                .push(value.to_string());
        }
    }
    let one = |key: &str| -> &str {
        service
            .get(key)
            .and_then(|values| values.last())
            .map(String::as_str)
            .unwrap_or_else(|| panic!("[Service] has no {key}="))
    };
    assert!(one("ExecStart").starts_with('/'));
    assert!(
        service.contains_key("User") || one("DynamicUser") == "yes",
        "the unit names an unprivileged user"
    );
    assert_eq!(one("KillSignal"), "SIGTERM");
    let environment: BTreeMap<&str, &str> = service["Environment"]
        .iter()
        .filter_map(|pair| pair.split_once('='))
        .collect();
    for name in environment.keys() {
        known(name, "conduit.service");
    }
    assert!(
        !environment.contains_key("JWT_SECRET"),
        "the secret is in EnvironmentFile"
    );
    let stop: u64 = one("TimeoutStopSec")
        .parse()
        .expect("TimeoutStopSec in seconds");
    assert!(stop > shutdown_seconds(environment["SHUTDOWN_TIMEOUT_SECONDS"]));
    assert!(environment["DATA_DIR"].ends_with(one("StateDirectory")));

    // `systemd-analyze verify` wants ExecStart to exist: point it at the built reference.
    let copy = tempfile_path("conduit.service");
    let binary = env!("CARGO_BIN_EXE_solution-step-4");
    std::fs::write(
        &copy,
        text.replace(one("ExecStart"), binary).replace(
            "EnvironmentFile=/etc/conduit/env",
            "EnvironmentFile=-/etc/conduit/env",
        ),
    )
    .unwrap();
    if let Some((ok, output)) =
        run_if_installed("systemd-analyze", &["verify".into(), copy.clone()])
    {
        let complaints: Vec<&str> = output
            .lines()
            .filter(|line| line.contains("conduit.service"))
            .collect();
        assert!(
            ok && complaints.is_empty(),
            "systemd-analyze verify:\n{output}"
        );
    }
    let _ = std::fs::remove_file(copy);
}

#[derive(Debug, Deserialize)]
struct Fly {
    kill_signal: String,
    kill_timeout: u64,
    env: BTreeMap<String, String>,
    mounts: Vec<FlyMount>,
    http_service: FlyService,
}

#[derive(Debug, Deserialize)]
struct FlyMount {
    destination: String,
}

#[derive(Debug, Deserialize)]
struct FlyService {
    internal_port: u16,
    checks: Vec<FlyCheck>,
}

#[derive(Debug, Deserialize)]
struct FlyCheck {
    path: String,
}

#[test]
fn fly_toml_probes_the_port_it_sets() {
    let fly: Fly = toml::from_str(&read("fly.toml")).expect("fly.toml parses");
    for name in fly.env.keys() {
        known(name, "fly.toml");
    }
    assert_eq!(fly.env["PORT"], fly.http_service.internal_port.to_string());
    assert_eq!(fly.env["HOST"], "0.0.0.0");
    assert_eq!(fly.kill_signal, "SIGTERM");
    assert!(fly.kill_timeout > shutdown_seconds(&fly.env["SHUTDOWN_TIMEOUT_SECONDS"]));
    assert!(
        fly.mounts
            .iter()
            .any(|m| m.destination == fly.env["DATA_DIR"])
    );
    assert!(
        fly.http_service
            .checks
            .iter()
            .any(|check| check.path == "/readyz" || check.path == "/healthz")
    );
}

#[test]
fn kubernetes_deployment_probes_healthz_and_readyz_on_its_port() {
    let text = read("kubernetes.yaml");
    let documents: Vec<Value> = serde_norway::Deserializer::from_str(&text)
        .map(|document| Value::deserialize(document).expect("a YAML document"))
        .collect();
    let of_kind = |kind: &str| {
        documents
            .iter()
            .find(|d| d["kind"] == kind)
            .unwrap_or_else(|| panic!("kubernetes.yaml has no {kind}"))
    };
    let deployment = of_kind("Deployment");
    let service = of_kind("Service");
    let pod = &deployment["spec"]["template"]["spec"];
    let container = &pod["containers"][0];

    assert_eq!(deployment["spec"]["replicas"], 1, "SQLite: one writer");
    assert_eq!(deployment["spec"]["strategy"]["type"], "Recreate");
    assert_eq!(pod["securityContext"]["runAsNonRoot"], true);

    let env: BTreeMap<&str, &Value> = container["env"]
        .as_array()
        .expect("env is a list")
        .iter()
        .map(|e| (e["name"].as_str().unwrap(), e))
        .collect();
    for name in env.keys() {
        known(name, "kubernetes.yaml");
    }
    assert!(
        env["JWT_SECRET"].get("value").is_none(),
        "JWT_SECRET comes from a Secret, not a literal"
    );
    let port = &container["ports"][0];
    assert_eq!(
        env["PORT"]["value"],
        port["containerPort"].as_u64().unwrap().to_string()
    );
    let port_name = &port["name"];

    for (probe, path) in [("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")] {
        let get = &container[probe]["httpGet"];
        assert_eq!(get["path"], path, "{probe}");
        assert!(
            get["port"] == *port_name || get["port"] == port["containerPort"],
            "{probe} probes the container's port"
        );
    }
    let shutdown = shutdown_seconds(env["SHUTDOWN_TIMEOUT_SECONDS"]["value"].as_str().unwrap());
    assert!(pod["terminationGracePeriodSeconds"].as_u64().unwrap() > shutdown);

    assert_eq!(
        service["spec"]["selector"],
        deployment["spec"]["selector"]["matchLabels"]
    );
    let target = &service["spec"]["ports"][0]["targetPort"];
    assert!(target == port_name || *target == port["containerPort"]);
}

fn tempfile_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("backend-path-{}-{name}", std::process::id()))
}

/// Runs `tool` when it is on PATH: `Some((success, stdout + stderr))`, or `None` (and a
/// note) when it is not installed.
fn run_if_installed(tool: &str, args: &[PathBuf]) -> Option<(bool, String)> {
    match Command::new(tool).args(args).output() {
        Ok(output) => Some((
            output.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        )),
        Err(_) => {
            eprintln!("note: {tool} is not installed; skipped");
            None
        }
    }
}
