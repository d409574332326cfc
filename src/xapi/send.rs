//! Sending the outbox to the LRS: batches POSTed with their statement ids (so sending twice
//! stores once), HTTP Basic auth, `X-Experience-API-Version: 1.0.3`; a conflict means the LRS
//! has the statement already, a statement the LRS refuses moves to the rejected list and does
//! not hold up the rest. `Courier` does the same in a thread for the player, with back-off.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use base64::Engine;
use serde_json::Value;

use super::config::Lrs;
use super::outbox::{Outbox, OutboxError, Rejected};
use super::statement::VERSION;

/// How many statements go in one request.
pub const BATCH: usize = 50;
/// How long one request may take.
const TIMEOUT: Duration = Duration::from_secs(10);

/// Why sending stopped; everything not sent is still in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendError {
    /// The LRS could not be reached, or answered that it cannot take statements now.
    Unreachable(String),
    /// The LRS refused the username or password.
    Credentials(u16),
    /// Nothing answers as an LRS at the endpoint.
    NotAnLrs(u16),
    /// The outbox could not be read or changed.
    Outbox(OutboxError),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Unreachable(why) => write!(
                f,
                "the LRS could not be reached ({}); the records wait in the outbox",
                crate::safe_text::single_line(why)
            ),
            SendError::Credentials(status) => write!(
                f,
                "the LRS refused the username or password (HTTP {status}); check [lrs] username and password, or KURS_LRS_USERNAME and KURS_LRS_PASSWORD"
            ),
            SendError::NotAnLrs(status) => write!(
                f,
                "the endpoint does not answer as an xAPI LRS (HTTP {status}); check [lrs] endpoint or KURS_LRS_ENDPOINT, which ends before statements/"
            ),
            SendError::Outbox(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for SendError {}

/// A connection to one LRS, for sending (`sync`, `Courier`) and for reading back (`fetch.rs`).
pub struct Client {
    agent: ureq::Agent,
    statements: String,
    /// `https://host:port` of the endpoint: where the LRS's `more` links are relative to.
    origin: String,
    authorization: Option<String>,
}

/// What became of a batch: delivered (stored now or before) and rejected statements.
#[derive(Debug, Default)]
pub struct Delivery {
    pub delivered: BTreeSet<String>,
    pub rejected: Vec<Rejected>,
}

impl Client {
    /// A client for the configured LRS; `password` is the one resolved by the command line.
    pub fn new(lrs: &Lrs, password: Option<&str>) -> Client {
        let loopback = ["://localhost", "://127.0.0.1", "://[::1]"]
            .iter()
            .any(|host| lrs.endpoint.contains(host));
        let mut config = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false);
        if loopback {
            // An LRS on this computer is never reached through a proxy.
            config = config.proxy(None);
        }
        let authorization = lrs.username.as_ref().map(|user| {
            let pair = format!("{user}:{}", password.unwrap_or_default());
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            )
        });
        Client {
            agent: config.build().into(),
            statements: format!("{}statements", lrs.endpoint),
            origin: super::config::origin(&lrs.endpoint).to_string(),
            authorization,
        }
    }

    /// Every request to the LRS carries the xAPI version and, when configured, Basic auth.
    fn authorized<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        let request = request.header("X-Experience-API-Version", VERSION);
        match &self.authorization {
            Some(authorization) => request.header("Authorization", authorization),
            None => request,
        }
    }

    fn request(&self, put_id: Option<&str>, body: &str) -> Result<(u16, String), SendError> {
        let request = match put_id {
            Some(id) => self
                .agent
                .put(format!("{}?statementId={id}", self.statements)),
            None => self.agent.post(&self.statements),
        };
        let mut response = self
            .authorized(request)
            .header("Content-Type", "application/json")
            .send(body)
            .map_err(|error| SendError::Unreachable(error.to_string()))?;
        let status = response.status().as_u16();
        let answer = response
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .read_to_string()
            .unwrap_or_default();
        Ok((status, answer))
    }

    /// The statements resource, `{endpoint}statements`.
    pub fn statements_url(&self) -> &str {
        &self.statements
    }

    /// The endpoint's origin, `https://host:port`, without a trailing `/`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// GET `url` with `query` (percent-encoded here) and the answer's text, read up to `limit`
    /// bytes. Err: the LRS could not be reached, or its answer was larger than `limit`.
    pub fn get(
        &self,
        url: &str,
        query: &[(&str, &str)],
        limit: u64,
    ) -> Result<(u16, String), GetError> {
        let mut request = self
            .authorized(self.agent.get(url))
            .header("Accept", "application/json");
        for (key, value) in query {
            request = request.query(key, value);
        }
        let mut response = request
            .call()
            .map_err(|error| GetError::Unreachable(error.to_string()))?;
        let status = response.status().as_u16();
        let answer = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_string()
            .map_err(|error| match error {
                ureq::Error::BodyExceedsLimit(_) => GetError::TooLarge,
                error => GetError::Unreachable(error.to_string()),
            })?;
        Ok((status, answer))
    }

    /// Sends one batch. A conflict or a refusal of the batch is sorted out one statement at a
    /// time: the LRS may hold some already (sent before a connection broke) or refuse only one.
    pub fn send(&self, batch: &[Value]) -> Result<Delivery, SendError> {
        let mut delivery = Delivery::default();
        if batch.is_empty() {
            return Ok(delivery);
        }
        let body = Value::Array(batch.to_vec()).to_string();
        let (status, answer) = self.request(None, &body)?;
        match status {
            200..=299 => {
                delivery.delivered = ids(batch);
                return Ok(delivery);
            }
            // 422: Ralph's answer to a statement it cannot take (the spec says 400).
            400 | 409 | 413 | 422 => {}
            _ => return Err(failure(status, &answer)),
        }
        for statement in batch {
            let id = statement["id"].as_str().unwrap_or_default();
            let (status, answer) = self.request(Some(id), &statement.to_string())?;
            match status {
                // 409: stored before, by this very id (kurs makes a new id for every statement).
                200..=299 | 409 => {
                    delivery.delivered.insert(id.to_string());
                }
                400 | 413 | 422 => delivery.rejected.push(Rejected {
                    statement: statement.clone(),
                    status,
                    answer: crate::safe_text::single_line(&answer),
                }),
                _ => return Err(failure(status, &answer)),
            }
        }
        Ok(delivery)
    }
}

fn ids(batch: &[Value]) -> BTreeSet<String> {
    batch
        .iter()
        .filter_map(|s| s["id"].as_str().map(str::to_string))
        .collect()
}

/// Why a GET brought no answer to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GetError {
    Unreachable(String),
    /// The answer was larger than the limit asked for.
    TooLarge,
}

/// What an HTTP status other than success means: the credentials, the endpoint, or the LRS.
pub(super) fn failure(status: u16, answer: &str) -> SendError {
    match status {
        401 | 403 => SendError::Credentials(status),
        404 | 405 => SendError::NotAnLrs(status),
        _ => {
            let answer: String = crate::safe_text::single_line(answer)
                .chars()
                .take(200)
                .collect();
            SendError::Unreachable(format!("HTTP {status}: {answer}"))
        }
    }
}

/// What one pass over the outbox did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Synced {
    pub sent: usize,
    pub rejected: usize,
    /// Still in the outbox afterwards.
    pub waiting: usize,
    /// Why sending stopped before the end, if it did.
    pub error: Option<SendError>,
}

/// Sends everything waiting, batch by batch, taking each batch out of the outbox as soon as
/// the LRS has it; stops at the first batch the LRS cannot take.
pub fn sync(outbox: &Outbox, client: &Client) -> Synced {
    let mut synced = Synced::default();
    let pending = match outbox.pending() {
        Ok(pending) => pending,
        Err(error) => {
            synced.error = Some(SendError::Outbox(error));
            return synced;
        }
    };
    let mut left = pending.len();
    for batch in pending.chunks(BATCH) {
        match client.send(batch) {
            Ok(delivery) => {
                if let Err(error) = outbox.remove(&delivery.delivered, &delivery.rejected) {
                    synced.error = Some(SendError::Outbox(error));
                    break;
                }
                synced.sent += delivery.delivered.len();
                synced.rejected += delivery.rejected.len();
                left -= batch.len();
            }
            Err(error) => {
                synced.error = Some(error);
                break;
            }
        }
    }
    // Statements recorded meanwhile count as waiting too.
    synced.waiting = outbox.count().unwrap_or(left);
    synced
}

/// The player's sender: a thread that sends the outbox when woken and every little while,
/// waiting longer after each failure, so no key ever waits for the network.
pub struct Courier {
    wake: Option<mpsc::Sender<()>>,
    waiting: Arc<AtomicUsize>,
    unreachable: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// The first wait after a failure, doubled each time up to `MAX_BACKOFF`.
const FIRST_BACKOFF: Duration = Duration::from_secs(2);
const MAX_BACKOFF: Duration = Duration::from_secs(120);
/// How often the thread looks at the outbox when all went well.
const IDLE: Duration = Duration::from_secs(30);

impl Courier {
    pub fn start(outbox: Outbox, client: Client) -> Courier {
        let (wake, woken) = mpsc::channel::<()>();
        let waiting = Arc::new(AtomicUsize::new(0));
        let unreachable = Arc::new(AtomicBool::new(false));
        let (count, down) = (waiting.clone(), unreachable.clone());
        let thread = std::thread::spawn(move || {
            let mut pause = Duration::ZERO;
            let mut backoff = FIRST_BACKOFF;
            loop {
                // A wake-up sends at once, except while backing off after a failure.
                let until = std::time::Instant::now() + pause;
                let last = loop {
                    let left = until.saturating_duration_since(std::time::Instant::now());
                    match woken.recv_timeout(left) {
                        Ok(()) if down.load(Ordering::Relaxed) => continue,
                        Ok(()) | Err(mpsc::RecvTimeoutError::Timeout) => break false,
                        Err(mpsc::RecvTimeoutError::Disconnected) => break true,
                    }
                };
                let synced = sync(&outbox, &client);
                count.store(synced.waiting, Ordering::Relaxed);
                if last {
                    return;
                }
                if synced.error.is_some() {
                    down.store(true, Ordering::Relaxed);
                    pause = backoff;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                } else {
                    down.store(false, Ordering::Relaxed);
                    pause = IDLE;
                    backoff = FIRST_BACKOFF;
                }
            }
        });
        Courier {
            wake: Some(wake),
            waiting,
            unreachable,
            thread: Some(thread),
        }
    }

    /// Something new is in the outbox.
    pub fn wake(&self) {
        if let Some(wake) = &self.wake {
            let _ = wake.send(());
        }
    }

    /// How many statements wait, when the LRS could not be reached at the last try.
    pub fn waiting_unsent(&self) -> Option<usize> {
        let waiting = self.waiting.load(Ordering::Relaxed);
        (self.unreachable.load(Ordering::Relaxed) && waiting > 0).then_some(waiting)
    }

    /// One last try at the end of the session, waited for at most `wait`; what is not sent
    /// then waits in the outbox for the next session or `kurs sync`.
    pub fn finish(mut self, wait: Duration) {
        drop(self.wake.take());
        let Some(thread) = self.thread.take() else {
            return;
        };
        let give_up = std::time::Instant::now() + wait;
        while !thread.is_finished() && std::time::Instant::now() < give_up {
            std::thread::sleep(Duration::from_millis(10));
        }
        if thread.is_finished() {
            let _ = thread.join();
        }
    }
}
