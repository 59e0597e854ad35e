//! A small blocking HTTP client whose failures read like a bug report: the request as a
//! curl command, what was expected, and the status and body that came back.

use std::fmt::Display;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::Method;
use serde_json::Value;

use crate::check::Failure;
use crate::http::curl;
use crate::http::server::labelled;

/// How long one request may take before it is a failure of its own.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(8);

/// Sends requests to one server. Cheap to clone; clones share connections.
#[derive(Debug, Clone)]
pub struct Client {
    base_url: String,
    http: reqwest::blocking::Client,
    /// The server's stderr, shown when a request gets no answer at all.
    server_stderr: Option<Arc<Mutex<String>>>,
    /// Sent with every request that does not set the same header itself (e.g. a token).
    default_headers: Arc<Vec<(String, String)>>,
    /// How to start the server under test by hand, for the curl lines in failures.
    by_hand: Option<Arc<str>>,
}

/// One request, kept as data so that it can be shown as a curl command.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    /// The path and query, e.g. `/api/articles?limit=5`.
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

impl Request {
    pub fn new(method: Method, path: impl Into<String>) -> Request {
        Request {
            method,
            path: path.into(),
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn get(path: impl Into<String>) -> Request {
        Request::new(Method::GET, path)
    }

    pub fn post(path: impl Into<String>) -> Request {
        Request::new(Method::POST, path)
    }

    pub fn put(path: impl Into<String>) -> Request {
        Request::new(Method::PUT, path)
    }

    pub fn delete(path: impl Into<String>) -> Request {
        Request::new(Method::DELETE, path)
    }

    /// A JSON body, with `Content-Type: application/json`.
    pub fn json(self, value: &Value) -> Request {
        self.body("application/json", value.to_string().into_bytes())
    }

    /// Any body, with the given content type.
    pub fn body(mut self, content_type: &str, bytes: impl Into<Vec<u8>>) -> Request {
        self.headers
            .push(("Content-Type".to_string(), content_type.to_string()));
        self.body = Some(bytes.into());
        self
    }

    /// The curl command line that sends this request to `base_url`.
    pub fn curl(&self, base_url: &str) -> String {
        curl::command(
            self.method.as_str(),
            &format!("{base_url}{}", self.path),
            &self.headers,
            self.body.as_deref(),
        )
    }
}

/// What came back, with the request that produced it (as a curl command line).
#[derive(Debug, Clone)]
pub struct Response {
    /// The request as a curl command line, addressed to `"$BASE"`.
    pub curl: String,
    /// How to start a server for that curl line to reach, when known.
    pub by_hand: Option<Arc<str>>,
    pub status: u16,
    pub content_type: Option<String>,
    /// Every response header, names in lower case, in the order they came.
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Response {
    /// A failure about this exchange: the request, what was expected, what came back.
    pub fn fail(&self, expected: impl Display) -> Failure {
        Failure::new(format!(
            "request:  {}\nexpected: {expected}\ngot:      {}\nbody:     {}{}",
            self.curl,
            status_line(self.status),
            shown_body(&self.text),
            by_hand_line(self.by_hand.as_deref())
        ))
    }

    /// Ok when the status is `expected`, a failure showing the exchange otherwise.
    pub fn expect_status(&self, expected: u16) -> Result<&Response, Failure> {
        if self.status == expected {
            Ok(self)
        } else {
            Err(self.fail(status_line(expected)))
        }
    }

    /// The body as JSON, or a failure that shows what it was instead.
    pub fn json(&self) -> Result<Value, Failure> {
        serde_json::from_str(&self.text)
            .map_err(|e| self.fail(format!("a JSON body (it did not parse: {e})")))
    }

    /// `body[key]`, which must be an object: the envelope of a single resource, e.g.
    /// `{"article": {…}}`.
    pub fn envelope(&self, key: &str) -> Result<Value, Failure> {
        let body = self.json()?;
        match body.get(key) {
            Some(inner) if inner.is_object() => Ok(inner.clone()),
            _ => Err(self.fail(format!("a JSON object {{\"{key}\": {{…}}}}"))),
        }
    }

    /// The first value of the response header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(set, _)| set.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// The closing line of an HTTP failure: how to reach a server with the curl line above.
fn by_hand_line(by_hand: Option<&str>) -> String {
    match by_hand {
        Some(command) => format!("\nby hand:  {} {command}", crate::http::curl::BY_HAND),
        None => String::new(),
    }
}

/// `201 Created`, or the bare number for a status without a name.
pub fn status_line(status: u16) -> String {
    match reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

fn shown_body(text: &str) -> String {
    const LIMIT: usize = 600;
    if text.is_empty() {
        "(empty)".to_string()
    } else if text.chars().count() <= LIMIT {
        text.to_string()
    } else {
        let cut: String = text.chars().take(LIMIT).collect();
        format!("{cut}… ({} bytes in all)", text.len())
    }
}

impl Client {
    pub fn new(base_url: String, server_stderr: Option<Arc<Mutex<String>>>) -> Client {
        Client {
            http: http_client(REQUEST_TIMEOUT),
            base_url,
            server_stderr,
            default_headers: Arc::default(),
            by_hand: None,
        }
    }

    /// The same client, telling failures that the server runs by hand with `command`
    /// (its binary and extra environment, after `PORT` and `DATA_DIR`).
    pub fn with_by_hand(&self, command: &str) -> Client {
        Client {
            by_hand: Some(command.into()),
            ..self.clone()
        }
    }

    /// The same client, sending `headers` with every request that does not set them itself.
    pub fn with_headers(&self, headers: &[(String, String)]) -> Client {
        let mut all = Vec::clone(&self.default_headers);
        all.extend(headers.iter().cloned());
        Client {
            default_headers: Arc::new(all),
            ..self.clone()
        }
    }

    /// The same client with `name: value` as a default header instead of any it had by that
    /// name (e.g. `Authorization` for another user).
    pub fn with_header_replaced(&self, name: &str, value: &str) -> Client {
        let mut all: Vec<(String, String)> = self
            .default_headers
            .iter()
            .filter(|(set, _)| !set.eq_ignore_ascii_case(name))
            .cloned()
            .collect();
        all.push((name.to_string(), value.to_string()));
        Client {
            default_headers: Arc::new(all),
            ..self.clone()
        }
    }

    /// The same client without the default header `name` (e.g. signed out).
    pub fn without_header(&self, name: &str) -> Client {
        let all = self
            .default_headers
            .iter()
            .filter(|(set, _)| !set.eq_ignore_ascii_case(name))
            .cloned()
            .collect();
        Client {
            default_headers: Arc::new(all),
            ..self.clone()
        }
    }

    /// `request` with this client's default headers added where it does not set them.
    fn completed(&self, request: &Request) -> Request {
        let mut request = request.clone();
        for (name, value) in self.default_headers.iter().rev() {
            if !request
                .headers
                .iter()
                .any(|(set, _)| set.eq_ignore_ascii_case(name))
            {
                request.headers.insert(0, (name.clone(), value.clone()));
            }
        }
        request
    }

    /// The same client with another per-request timeout: for bursts of concurrent writes,
    /// where the last request waits for every save before it, on a slow disk too.
    pub fn with_timeout(&self, timeout: Duration) -> Client {
        Client {
            http: http_client(timeout),
            ..self.clone()
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Sends `request`. No answer at all (refused, reset, timed out) is a failure that shows
    /// the request and the server's last lines of stderr; any status is a `Response`.
    pub fn send(&self, request: &Request) -> Result<Response, Failure> {
        self.try_send(request).map_err(|error| {
            // Give a server that just panicked a moment to finish writing why.
            std::thread::sleep(Duration::from_millis(200));
            let stderr = self
                .server_stderr
                .as_ref()
                .and_then(|s| s.lock().ok().map(|s| s.clone()))
                .unwrap_or_default();
            Failure::new(format!(
                "request:  {}\ngot:      no response: {error}\n{}",
                request.curl(crate::http::curl::BASE),
                labelled("server stderr", &stderr)
            ))
        })
    }

    /// Sends `request`; `Err` describes why there was no response at all.
    pub fn try_send(&self, request: &Request) -> Result<Response, String> {
        let request = &self.completed(request);
        let url = format!("{}{}", self.base_url, request.path);
        let mut builder = self.http.request(request.method.clone(), &url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let curl = request.curl(crate::http::curl::BASE);
        let response = builder.send().map_err(describe)?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_string(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let text = response
            .text()
            .map_err(|e| format!("the body could not be read: {}", describe(e)))?;
        Ok(Response {
            curl,
            by_hand: self.by_hand.clone(),
            status,
            content_type,
            headers,
            text,
        })
    }
}

fn http_client(timeout: Duration) -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(timeout)
        .build()
        .expect("a reqwest client builds")
}

/// reqwest's error, with its causes, in words a learner can act on.
fn describe(error: reqwest::Error) -> String {
    let mut text = if error.is_timeout() {
        "timed out (a handler that never answers? a lock never released?)".to_string()
    } else if error.is_connect() {
        "could not connect (the server is not running any more?)".to_string()
    } else {
        "the connection closed without an answer (did a handler panic? see the server's \
         stderr below)"
            .to_string()
    };
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}
