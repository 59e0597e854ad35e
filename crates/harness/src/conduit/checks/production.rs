//! Group `production` (step 4): what makes the service deployable, seen from outside.
//!
//! Configuration errors stop startup and name the variable; `/healthz` and `/readyz`; CORS
//! for browser front-ends;
//! compression; a request id on every response and in the logs; no password, token or
//! secret in the logs; metrics labelled by route, not by raw path; rate limits on login and
//! register; a login that takes as long for an unknown email as for a known one; and an
//! OpenAPI document listing the routes.

use std::collections::{BTreeMap, BTreeSet};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::check::Failure;
use crate::conduit::checks::articles::slug_of;
use crate::conduit::checks::users::expect_refused_login;
use crate::conduit::{Def, Service};
use crate::http::conduit::{Account, expect_error, new_article};
use crate::http::{Launch, Request, Response};

/// The checks of this area (hints, grade and file come from each step's table).
pub const DEFS: &[Def] = &[
    Def::new(
        GROUP,
        "config_errors_stop_startup",
        config_errors_stop_startup,
    )
    .timeout_secs(40),
    Def::new(GROUP, "healthz_and_readyz", healthz_and_readyz),
    Def::new(GROUP, "cors_preflight", cors_preflight),
    Def::new(GROUP, "compression", compression),
    Def::new(GROUP, "request_id", request_id),
    Def::new(GROUP, "secrets_not_logged", secrets_not_logged).timeout_secs(20),
    Def::new(GROUP, "metrics_by_route", metrics_by_route).timeout_secs(60),
    Def::new(GROUP, "rate_limited_429", rate_limited_429).timeout_secs(90),
    Def::new(GROUP, "login_timing", login_timing).timeout_secs(60),
    Def::new(GROUP, "openapi_json", openapi_json),
    Def::new(GROUP, "web_page", web_page),
];

const GROUP: &str = "production";

/// Distinct slugs requested before `/metrics` is read.
const DISTINCT_SLUGS: usize = 1000;

/// At most this many attempts before a rate limit must have answered 429.
const RATE_LIMIT_ATTEMPTS: usize = 120;

/// Timed logins per kind (known and unknown email); the minimum of each is compared.
const TIMING_TRIES: usize = 7;

/// A login for an unknown email may differ from one for a known email by at most this
/// factor (either way): an order of magnitude is what a skipped hash looks like.
const TIMING_RATIO: f64 = 10.0;

fn config_errors_stop_startup(service: &Service) -> Result<(), Failure> {
    for (name, value) in [
        ("JWT_SECRET", "too-short"),
        ("APP_ENV", "staging"),
        ("LOG_FORMAT", "xml"),
        ("PORT", "not-a-port"),
        ("RATE_LIMIT_DISABLED", "maybe"),
    ] {
        let app = service.with_env(name, Some(value)).app()?;
        match app.launch()? {
            Launch::Listening(server) => {
                server.kill();
                return Err(Failure::new(format!(
                    "started:  {}\nexpected: the server refuses to start (a non-zero exit, with \
                     a message naming {name})\ngot:      it started and listens",
                    app.command_line()
                )));
            }
            Launch::Exited {
                status,
                stdout,
                stderr,
            } => {
                if status.success() || !format!("{stdout}{stderr}").contains(name) {
                    return Err(Failure::new(format!(
                        "started:  {}\nexpected: a non-zero exit with a message naming {name}\n\
                         got:      exit {status}\nstdout:   {}\nstderr:   {}",
                        app.command_line(),
                        stdout.trim(),
                        crate::http::server::last_lines(stderr.trim(), 8)
                    )));
                }
            }
        }
    }
    // In development a secret is made up: the server starts without one.
    let dev = service
        .with_env("JWT_SECRET", None)
        .with_env("APP_ENV", Some("dev"));
    let (_app, server) = dev.fresh_signed_out()?;
    server.client().sign_up("jake")?;
    Ok(())
}

fn healthz_and_readyz(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    client.healthz()?.expect_status(200)?;
    client.send(&Request::get("/readyz"))?.expect_status(200)?;
    Ok(())
}

fn cors_preflight(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let origin = "http://localhost:5173";
    let mut preflight = Request::new(reqwest::Method::OPTIONS, "/api/articles");
    preflight.headers = vec![
        ("Origin".to_string(), origin.to_string()),
        (
            "Access-Control-Request-Method".to_string(),
            "POST".to_string(),
        ),
        (
            "Access-Control-Request-Headers".to_string(),
            "authorization,content-type".to_string(),
        ),
    ];
    let response = client.send(&preflight)?;
    let allows = |header: &str, wanted: &str| {
        response.header(header).is_some_and(|value| {
            value
                .split(',')
                .map(str::trim)
                .any(|item| item == "*" || item.eq_ignore_ascii_case(wanted))
        })
    };
    if !response.is_success()
        || !allows("access-control-allow-origin", origin)
        || !allows("access-control-allow-methods", "POST")
        || !allows("access-control-allow-headers", "authorization")
    {
        return Err(response.fail(format!(
            "a 2xx preflight answer with Access-Control-Allow-Origin ({origin} or *), \
             -Allow-Methods with POST and -Allow-Headers with authorization (got the headers \
             {:?})",
            cors_headers(&response)
        )));
    }
    let mut get = Request::get("/api/articles");
    get.headers = vec![("Origin".to_string(), origin.to_string())];
    let response = client.send(&get)?;
    if response.header("access-control-allow-origin").is_none() {
        return Err(response.fail(
            "200 OK with Access-Control-Allow-Origin: a browser hides the answer without it",
        ));
    }
    Ok(())
}

fn compression(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let body = "Compressible text, repeated. ".repeat(700);
    let slug = slug_of(&client.create_article_ok(&new_article("Long Read", "d", &body, &[]))?);
    let path = format!("/api/articles/{slug}");
    let mut gzip = Request::get(path.clone());
    gzip.headers = vec![("Accept-Encoding".to_string(), "gzip".to_string())];
    let response = client.send(&gzip)?;
    response.expect_status(200)?;
    if response.header("content-encoding") != Some("gzip") {
        return Err(Failure::new(format!(
            "request:  {}\nexpected: 200 OK with Content-Encoding: gzip (a 20 KB article, and \
             the client accepts gzip)\ngot:      Content-Encoding: {:?}",
            response.curl,
            response.header("content-encoding")
        )));
    }
    let mut identity = Request::get(path);
    identity.headers = vec![("Accept-Encoding".to_string(), "identity".to_string())];
    let response = client.send(&identity)?;
    if response
        .header("content-encoding")
        .is_some_and(|e| e != "identity")
    {
        return Err(response.fail("no Content-Encoding: this client accepts none"));
    }
    Ok(())
}

fn request_id(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let mut ids = BTreeSet::new();
    for _ in 0..3 {
        let response = client.list_articles("")?;
        match response.header("x-request-id") {
            Some(id) if !id.is_empty() => {
                ids.insert(id.to_string());
            }
            _ => {
                return Err(response.fail(
                    "a response header x-request-id: the id of this request, also in its log lines",
                ));
            }
        }
    }
    if ids.len() != 3 {
        return Err(Failure::new(format!(
            "three requests got the request ids {ids:?}: every request needs its own"
        )));
    }
    let Some(id) = ids.iter().next().cloned() else {
        return Ok(());
    };
    let deadline = Instant::now() + Duration::from_secs(3);
    while !server.output().contains(&id) {
        if Instant::now() > deadline {
            return Err(Failure::new(format!(
                "the request id {id} (from the x-request-id of a response) is in none of the \
                 server's log lines; log each request inside a span that carries its id\n\
                 server output (last lines):\n{}",
                crate::http::server::last_lines(&server.output(), 8)
            )));
        }
        thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

fn secrets_not_logged(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let account = client.register_ok(&Account::named("jake"))?;
    let jake = client.as_account(&account);
    let login = client.login(&account.email, &account.password)?;
    login.expect_status(200)?;
    let login_token = login.envelope("user")?["token"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    expect_refused_login(&client.login(&account.email, "wrong-password-Zebra-7")?)?;
    let new_password = "second-password-Walrus-8";
    jake.update_user(&json!({ "password": new_password }))?
        .expect_status(200)?;
    jake.create_article_ok(&new_article("Logged", "d", "b", &[]))?;
    jake.current_user()?.expect_status(200)?;
    thread::sleep(Duration::from_millis(300));
    let output = server.output();
    let secret = service.env(crate::conduit::checks::auth::JWT_SECRET);
    let secrets = [
        ("the password", Some(account.password.as_str())),
        (
            "a wrong password tried at login",
            Some("wrong-password-Zebra-7"),
        ),
        ("the new password", Some(new_password)),
        ("a token", Some(account.token.as_str())),
        ("a token", Some(login_token.as_str())),
        ("JWT_SECRET", secret),
    ];
    for (what, value) in secrets {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            continue;
        };
        if let Some(line) = output.lines().find(|line| line.contains(value)) {
            return Err(Failure::new(format!(
                "the server's logs hold {what} ({value:?}), in the line:\n  {line}\nLogs are \
                 read by many and kept for long: never log bodies of /api/users*, the \
                 Authorization header or the configuration's secrets"
            )));
        }
    }
    Ok(())
}

fn metrics_by_route(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh()?;
    let client = server.client();
    let slug = slug_of(&client.create_article_ok(&new_article("Measured", "d", "b", &[]))?);
    client.get_article_ok(&slug)?;
    for i in 0..DISTINCT_SLUGS {
        let response = client.get_article(&format!("no-such-article-{i}"))?;
        if response.status != 404 {
            return Err(response.fail("404 Not Found"));
        }
    }
    let response = client.send(&Request::get("/metrics"))?;
    response.expect_status(200)?;
    let labels = label_values(&response.text);
    // The route may be labelled by its path pattern or by a name of its own.
    if !labels
        .values()
        .flatten()
        .any(|value| value.contains("article"))
    {
        return Err(response.fail(
            "Prometheus metrics of the requests served, labelled by route (e.g. \
             http_requests_total{route=\"/api/articles/{slug}\",status=\"404\"} 1000)",
        ));
    }
    for (label, values) in &labels {
        let raw: Vec<&String> = values
            .iter()
            .filter(|value| value.contains("no-such-article-"))
            .collect();
        if !raw.is_empty() || values.len() > DISTINCT_SLUGS / 10 {
            let example = raw
                .first()
                .copied()
                .or(values.iter().next())
                .map(String::as_str)
                .unwrap_or_default();
            return Err(Failure::new(format!(
                "request:  {}\nsent:     {DISTINCT_SLUGS} requests for distinct slugs first \
                 (GET /api/articles/no-such-article-N)\nexpected: label values that do not \
                 grow with the URLs: label by the matched route (/api/articles/{{slug}}), \
                 never the raw path, or every new URL is a new time series kept forever\n\
                 got:      the label {label:?} with {} distinct values, e.g. {example:?}",
                response.curl,
                values.len(),
            )));
        }
    }
    Ok(())
}

fn rate_limited_429(service: &Service) -> Result<(), Failure> {
    let limited = service.with_env("RATE_LIMIT_DISABLED", None);
    for (endpoint, attempt) in [
        (
            "POST /api/users/login",
            // One email for every try: a limit per client and a limit per account both apply.
            &(|client: &crate::http::Client, _: usize| {
                client.login("target@example.com", "wrong-password")
            }) as &dyn Fn(&crate::http::Client, usize) -> Result<Response, Failure>,
        ),
        ("POST /api/users", &|client: &crate::http::Client,
                              i: usize| {
            client.register(
                &format!("user{i}"),
                &format!("user{i}@example.com"),
                "a-password-1234",
            )
        }),
    ] {
        let (_app, server) = limited.fresh_signed_out()?;
        let client = server.client();
        let mut limited_response = None;
        for i in 0..RATE_LIMIT_ATTEMPTS {
            let response = attempt(&client, i)?;
            if response.status == 429 {
                limited_response = Some(response);
                break;
            }
        }
        let Some(response) = limited_response else {
            return Err(Failure::new(format!(
                "{RATE_LIMIT_ATTEMPTS} requests to {endpoint} in a row from one client, and none \
                 was answered 429 Too Many Requests: limit login and register (started without \
                 RATE_LIMIT_DISABLED)"
            )));
        };
        expect_error(&response, 429)?;
        let retry_after = response.header("retry-after").unwrap_or_default().trim();
        // Seconds, or an HTTP date (RFC 9110 allows both).
        if retry_after.parse::<u64>().is_err() && !retry_after.ends_with("GMT") {
            return Err(response.fail(format!(
                "429 with a Retry-After header in seconds (got {retry_after:?}): it tells the \
                 client when to try again"
            )));
        }
    }
    Ok(())
}

fn login_timing(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let client = server.client();
    let known = client.register_ok(&Account::named("jake"))?;
    let timed = |email: &str| -> Result<Duration, Failure> {
        let started = Instant::now();
        let response = client.login(email, "not-the-password")?;
        let took = started.elapsed();
        expect_refused_login(&response)?;
        Ok(took)
    };
    // Warm up both paths (connections, caches), then keep the fastest of several tries.
    timed(&known.email)?;
    timed("nobody@example.com")?;
    let mut best_known = Duration::MAX;
    let mut best_unknown = Duration::MAX;
    for i in 0..TIMING_TRIES {
        best_known = best_known.min(timed(&known.email)?);
        best_unknown = best_unknown.min(timed(&format!("nobody{i}@example.com"))?);
    }
    let (fast, slow) = if best_known < best_unknown {
        (best_known, best_unknown)
    } else {
        (best_unknown, best_known)
    };
    let ratio = slow.as_secs_f64() / fast.as_secs_f64().max(1e-6);
    if ratio > TIMING_RATIO {
        return Err(Failure::new(format!(
            "a refused login took {:.2} ms for a known email and {:.2} ms for an unknown one \
             (fastest of {TIMING_TRIES} each): {ratio:.0}× apart, so the time tells which emails \
             have accounts. Verify a password hash either way (a fixed dummy hash when the email \
             is unknown)",
            best_known.as_secs_f64() * 1000.0,
            best_unknown.as_secs_f64() * 1000.0
        )));
    }
    Ok(())
}

/// The Conduit routes and their methods, as `/api/...` paths.
const ROUTES: &[(&str, &[&str])] = &[
    ("/api/users", &["post"]),
    ("/api/users/login", &["post"]),
    ("/api/user", &["get", "put"]),
    ("/api/profiles/{}", &["get"]),
    ("/api/profiles/{}/follow", &["post", "delete"]),
    ("/api/articles", &["get", "post"]),
    ("/api/articles/feed", &["get"]),
    ("/api/articles/{}", &["get", "put", "delete"]),
    ("/api/articles/{}/favorite", &["post", "delete"]),
    ("/api/articles/{}/comments", &["get", "post"]),
    ("/api/articles/{}/comments/{}", &["delete"]),
    ("/api/tags", &["get"]),
];

fn openapi_json(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let response = server.client().send(&Request::get("/openapi.json"))?;
    response.expect_status(200)?;
    let document = response.json()?;
    if !document["openapi"]
        .as_str()
        .is_some_and(|v| v.starts_with('3'))
    {
        return Err(response.fail("an OpenAPI 3 document: {\"openapi\": \"3.1.0\", …}"));
    }
    let Some(paths) = document["paths"].as_object() else {
        return Err(response.fail("an OpenAPI document with \"paths\""));
    };
    // Paths may be written relative to a server URL ending in /api, as the RealWorld spec does.
    let under_api = document["servers"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|s| {
            s["url"]
                .as_str()
                .is_some_and(|u| u.trim_end_matches('/').ends_with("/api"))
        });
    let documented: BTreeMap<String, &Value> = paths
        .iter()
        .map(|(path, item)| {
            let full = if under_api && !path.starts_with("/api/") {
                format!("/api{path}")
            } else {
                path.clone()
            };
            (without_parameter_names(&full), item)
        })
        .collect();
    for (route, methods) in ROUTES {
        let Some(item) = documented.get(*route) else {
            return Err(response.fail(format!(
                "the route {route} (parameters in braces, any names) in \"paths\"; documented: \
                 {:?}",
                documented.keys().collect::<Vec<_>>()
            )));
        };
        for method in *methods {
            if item.get(*method).is_none() {
                return Err(response.fail(format!(
                    "the operation {} {route} in \"paths\"",
                    method.to_uppercase()
                )));
            }
        }
    }
    Ok(())
}

fn web_page(service: &Service) -> Result<(), Failure> {
    let (_app, server) = service.fresh_signed_out()?;
    let response = server.client().send(&Request::get("/"))?;
    response.expect_status(200)?;
    let html = response
        .content_type
        .as_deref()
        .is_some_and(|t| t.starts_with("text/html"));
    let text = response.text.to_ascii_lowercase();
    if !html || !(text.contains("<!doctype html") || text.contains("<html")) {
        return Err(response.fail("200 OK with Content-Type: text/html: the web page"));
    }
    Ok(())
}

/// `/api/articles/{slug}` → `/api/articles/{}`.
fn without_parameter_names(path: &str) -> String {
    let mut out = String::new();
    let mut in_braces = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_braces = true;
                out.push_str("{}");
            }
            '}' => in_braces = false,
            _ if in_braces => {}
            _ => out.push(c),
        }
    }
    out
}

/// Every label of a Prometheus text exposition with its distinct values.
pub fn label_values(exposition: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in exposition.lines() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        let Some(open) = line.find('{') else { continue };
        let mut rest = &line[open + 1..];
        // name="value" pairs, separated by commas, values with \" \\ \n escapes.
        loop {
            rest = rest.trim_start_matches([',', ' ']);
            if rest.starts_with('}') || rest.is_empty() {
                break;
            }
            let Some(eq) = rest.find('=') else { break };
            let name = rest[..eq].trim().to_string();
            rest = &rest[eq + 1..];
            let Some(body) = rest.strip_prefix('"') else {
                break;
            };
            let mut value = String::new();
            let mut chars = body.char_indices();
            let mut end = body.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            value.push(if escaped == 'n' { '\n' } else { escaped });
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    _ => value.push(c),
                }
            }
            labels.entry(name).or_default().insert(value);
            rest = &body[end.min(body.len())..];
        }
    }
    labels
}

fn cors_headers(response: &Response) -> Vec<(String, String)> {
    response
        .headers
        .iter()
        .filter(|(name, _)| name.starts_with("access-control-"))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_label_values() {
        let text = "# HELP x\n# TYPE x counter\n\
                    x{route=\"/api/articles/{slug}\",status=\"404\"} 3\n\
                    x{route=\"/a,\\\"b\\\"\"} 1\nup 1\n";
        let labels = label_values(text);
        assert_eq!(
            labels["route"],
            BTreeSet::from(["/api/articles/{slug}".to_string(), "/a,\"b\"".to_string()])
        );
        assert_eq!(labels["status"], BTreeSet::from(["404".to_string()]));
    }

    #[test]
    fn forgets_parameter_names() {
        assert_eq!(
            without_parameter_names("/api/articles/{slug}/comments/{id}"),
            "/api/articles/{}/comments/{}"
        );
    }

    #[test]
    fn routes_are_distinct() {
        // Every documented route is distinct.
        let routes: BTreeSet<&str> = ROUTES.iter().map(|(r, _)| *r).collect();
        assert_eq!(routes.len(), ROUTES.len());
    }
}
