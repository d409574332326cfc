//! Reading statements back from the LRS for `kurs report`: GET `statements` about one activity
//! and everything related to it (`related_activities`), or every statement for an LRS that does
//! not apply that filter, page by page along the LRS's `more` links, through the same client
//! (agent, auth, version header) that sends. Bounded in pages, statements and bytes, so a huge
//! or looping LRS cannot keep kurs reading forever.

use std::collections::HashSet;

use serde_json::Value;

use super::send::{Client, GetError, SendError, failure};

/// How far kurs reads before it stops and says the report is incomplete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub pages: usize,
    pub statements: usize,
    /// The largest answer read for one page.
    pub page_bytes: u64,
}

/// A school's course has a few thousand statements; a job centre's cohort a few hundred
/// thousand. Past this the report says it is incomplete rather than read on.
pub const BOUNDS: Bounds = Bounds {
    pages: 20_000,
    statements: 1_000_000,
    page_bytes: 32 * 1024 * 1024,
};

/// Reading every statement of an LRS (`every_statement`) stops sooner: it is the way round an
/// LRS that does not filter, not the way to read a large one.
pub const EVERY_STATEMENT_BOUNDS: Bounds = Bounds {
    pages: 5_000,
    statements: 200_000,
    ..BOUNDS
};

/// What was read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fetched {
    pub pages: usize,
    pub statements: usize,
    /// `false` when reading stopped at a bound with the LRS offering more.
    pub complete: bool,
}

/// Why reading stopped without a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The LRS could not be reached or did not answer in time, or answered with a server error.
    Unreachable(String),
    /// The LRS refused the username or password, or may not let them read statements.
    Credentials(u16),
    /// Nothing answers as an LRS at the endpoint.
    NotAnLrs(u16),
    /// The LRS answered with something other than a page of statements.
    Answer(String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Unreachable(why) => write!(
                f,
                "the LRS could not be reached ({}); try again when it is",
                crate::safe_text::single_line(why)
            ),
            FetchError::Credentials(status) => write!(
                f,
                "the LRS refused to show statements to this account (HTTP {status}); set [lrs] username and password (or KURS_LRS_USERNAME and KURS_LRS_PASSWORD) to an account that may read statements"
            ),
            FetchError::NotAnLrs(status) => write!(
                f,
                "the endpoint does not answer as an xAPI LRS (HTTP {status}); check [lrs] endpoint or KURS_LRS_ENDPOINT, which ends before statements/"
            ),
            FetchError::Answer(why) => write!(
                f,
                "the LRS's answer cannot be read as statements: {}",
                crate::safe_text::single_line(why)
            ),
        }
    }
}

impl std::error::Error for FetchError {}

impl From<SendError> for FetchError {
    fn from(error: SendError) -> FetchError {
        match error {
            SendError::Unreachable(why) => FetchError::Unreachable(why),
            SendError::Credentials(status) => FetchError::Credentials(status),
            SendError::NotAnLrs(status) => FetchError::NotAnLrs(status),
            SendError::Outbox(error) => FetchError::Answer(error.to_string()),
        }
    }
}

/// Every statement the LRS holds about `activity` or an activity related to it (its object or
/// one of its context activities), handed to `each` page by page (`page_size` asked for per page).
pub fn statements_about(
    client: &Client,
    activity: &str,
    page_size: u32,
    bounds: Bounds,
    each: impl FnMut(&Value),
) -> Result<Fetched, FetchError> {
    let query = [("activity", activity), ("related_activities", "true")];
    statements(client, &query, page_size, bounds, each)
}

/// Every statement the LRS holds (that this account may read), for an LRS whose activity filter
/// leaves out what it should not; the caller keeps what it needs.
pub fn every_statement(
    client: &Client,
    page_size: u32,
    bounds: Bounds,
    each: impl FnMut(&Value),
) -> Result<Fetched, FetchError> {
    statements(client, &[], page_size, bounds, each)
}

/// The statements that answer `query`. Follows `more` on the endpoint's origin only: a link
/// elsewhere would take the password to another site.
fn statements(
    client: &Client,
    query: &[(&str, &str)],
    page_size: u32,
    bounds: Bounds,
    mut each: impl FnMut(&Value),
) -> Result<Fetched, FetchError> {
    let mut fetched = Fetched::default();
    let limit = page_size.to_string();
    let mut first = query.to_vec();
    first.push(("limit", limit.as_str()));
    let mut next: Option<String> = None;
    let mut seen = HashSet::new();
    loop {
        let answer = match &next {
            None => client.get(client.statements_url(), &first, bounds.page_bytes),
            Some(url) => client.get(url, &[], bounds.page_bytes),
        };
        let (status, body) = answer.map_err(|error| match error {
            GetError::Unreachable(why) => FetchError::Unreachable(why),
            GetError::TooLarge => FetchError::Answer(format!(
                "one page is larger than {} MB; ask for fewer with --page-size",
                bounds.page_bytes / (1024 * 1024)
            )),
        })?;
        if !(200..=299).contains(&status) {
            return Err(failure(status, &body).into());
        }
        let page: Value = serde_json::from_str(&body)
            .map_err(|error| FetchError::Answer(format!("not JSON ({error})")))?;
        let Some(statements) = page.get("statements").and_then(Value::as_array) else {
            return Err(FetchError::Answer(
                "it has no \"statements\" list".to_string(),
            ));
        };
        fetched.pages += 1;
        for statement in statements {
            each(statement);
        }
        fetched.statements += statements.len();
        let more = page.get("more").and_then(Value::as_str).unwrap_or_default();
        // An empty page ends the reading whatever `more` says: Ralph offers one more, empty,
        // page when the statements fill the last page exactly, and a page without statements
        // cannot bring the report further.
        if more.is_empty() || statements.is_empty() {
            fetched.complete = true;
            return Ok(fetched);
        }
        let url = follow(client.origin(), more)?;
        // A link already followed would go round in circles.
        if !seen.insert(url.clone()) {
            fetched.complete = true;
            return Ok(fetched);
        }
        if fetched.pages >= bounds.pages || fetched.statements >= bounds.statements {
            return Ok(fetched);
        }
        next = Some(url);
    }
}

/// The address of a `more` link: xAPI makes it relative to the LRS's origin (a path with its
/// query); an absolute one is followed only on the same origin.
fn follow(origin: &str, more: &str) -> Result<String, FetchError> {
    if more.starts_with('/') && !more.starts_with("//") {
        return Ok(format!("{origin}{more}"));
    }
    if let Some(rest) = more.strip_prefix(origin)
        && rest.starts_with('/')
    {
        return Ok(more.to_string());
    }
    Err(FetchError::Answer(format!(
        "its link to the next page `{more}` leads away from {origin}"
    )))
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;
    use std::sync::mpsc;

    use serde_json::json;

    use super::*;
    use crate::xapi::config::Lrs;

    /// A stand-in LRS on loopback: answers each request with the next of `answers` and hands the
    /// request's head (request line and headers) to the test.
    fn lrs(answers: Vec<(u16, String)>) -> (Client, mpsc::Receiver<String>) {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let (heads, received) = mpsc::channel();
        std::thread::spawn(move || {
            for (status, body) in answers {
                let Ok((stream, _)) = listener.accept() else {
                    return;
                };
                let mut reader = BufReader::new(stream);
                let mut head = String::new();
                while reader.read_line(&mut head).is_ok_and(|n| n > 2) {}
                let _ = heads.send(head);
                let _ = write!(
                    reader.get_mut(),
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        let config = Lrs {
            endpoint: format!("http://127.0.0.1:{port}/xAPI/"),
            username: Some("trainer".into()),
            password: None,
            homepage: "https://lernen.example.org".into(),
            learner_id: None,
            share_name: false,
        };
        (Client::new(&config, Some("geheim")), received)
    }

    fn page(ids: &[u32], more: &str) -> (u16, String) {
        let statements: Vec<Value> = ids.iter().map(|id| json!({"id": id})).collect();
        (
            200,
            json!({"statements": statements, "more": more}).to_string(),
        )
    }

    fn read(client: &Client, bounds: Bounds) -> (Result<Fetched, FetchError>, Vec<u64>) {
        let mut ids = Vec::new();
        let fetched = statements_about(client, "urn:kurs:probe", 2, bounds, |s| {
            ids.push(s["id"].as_u64().unwrap());
        });
        (fetched, ids)
    }

    #[test]
    fn every_page_is_read_along_the_more_links_with_the_version_and_the_password() {
        let (client, heads) = lrs(vec![
            page(&[1, 2], "/xAPI/statements?after=2"),
            page(&[3, 4], "/xAPI/statements?after=4"),
            page(&[5], ""),
        ]);
        let (fetched, ids) = read(&client, BOUNDS);
        assert_eq!(
            fetched,
            Ok(Fetched {
                pages: 3,
                statements: 5,
                complete: true
            })
        );
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        let heads: Vec<String> = heads.try_iter().collect();
        assert!(
            heads[0].starts_with(
                "GET /xAPI/statements?activity=urn%3Akurs%3Aprobe&related_activities=true&limit=2 HTTP/1.1"
            ),
            "{}",
            heads[0]
        );
        assert!(
            heads[1].starts_with("GET /xAPI/statements?after=2 "),
            "{}",
            heads[1]
        );
        for head in &heads {
            let head = head.to_ascii_lowercase();
            assert!(head.contains("x-experience-api-version: 1.0.3"), "{head}");
            // "trainer:geheim" in Base64.
            assert!(
                head.contains("authorization: basic dhjhaw5lcjpnzwhlaw0="),
                "{head}"
            );
        }
    }

    #[test]
    fn every_statement_is_asked_for_without_a_filter() {
        let (client, heads) = lrs(vec![page(&[1], "")]);
        let fetched = every_statement(&client, 7, BOUNDS, |_| {});
        assert_eq!(fetched.map(|f| f.statements), Ok(1));
        let head = heads.recv().unwrap();
        assert!(head.starts_with("GET /xAPI/statements?limit=7 "), "{head}");
    }

    #[test]
    fn an_empty_page_or_a_link_seen_before_ends_the_reading() {
        let (client, _) = lrs(vec![page(&[1, 2], "/next"), page(&[], "/next-again")]);
        assert_eq!(read(&client, BOUNDS).0.map(|f| f.complete), Ok(true));
        let (client, _) = lrs(vec![page(&[1, 2], "/same"), page(&[3, 4], "/same")]);
        let (fetched, ids) = read(&client, BOUNDS);
        assert_eq!(fetched.map(|f| (f.pages, f.complete)), Ok((2, true)));
        assert_eq!(ids, [1, 2, 3, 4]);
    }

    #[test]
    fn reading_stops_at_the_bound_and_says_it_is_incomplete() {
        let (client, _) = lrs(vec![
            page(&[1, 2], "/a"),
            page(&[3, 4], "/b"),
            page(&[5], ""),
        ]);
        let bounds = Bounds { pages: 2, ..BOUNDS };
        assert_eq!(
            read(&client, bounds).0,
            Ok(Fetched {
                pages: 2,
                statements: 4,
                complete: false
            })
        );
    }

    #[test]
    fn a_refused_password_and_an_answer_that_is_not_statements_are_errors() {
        let (client, _) = lrs(vec![(401, "{}".into())]);
        assert_eq!(read(&client, BOUNDS).0, Err(FetchError::Credentials(401)));
        let (client, _) = lrs(vec![(200, "<html>".into())]);
        assert!(matches!(
            read(&client, BOUNDS).0,
            Err(FetchError::Answer(_))
        ));
        let (client, _) = lrs(vec![(200, "{\"more\": \"\"}".into())]);
        assert!(matches!(
            read(&client, BOUNDS).0,
            Err(FetchError::Answer(_))
        ));
    }

    #[test]
    fn a_page_larger_than_the_bound_is_refused_with_what_to_do() {
        let (client, _) = lrs(vec![page(&[1, 2], "")]);
        let bounds = Bounds {
            page_bytes: 10,
            ..BOUNDS
        };
        let error = read(&client, bounds).0.unwrap_err().to_string();
        assert!(error.contains("--page-size"), "{error}");
    }

    #[test]
    fn a_more_link_is_relative_to_the_endpoints_origin() {
        assert_eq!(
            follow(
                "http://127.0.0.1:8100",
                "/xAPI/statements?activity=x&search_after=1"
            )
            .unwrap(),
            "http://127.0.0.1:8100/xAPI/statements?activity=x&search_after=1"
        );
        assert_eq!(
            follow("https://lrs.example.org", "https://lrs.example.org/s?p=2").unwrap(),
            "https://lrs.example.org/s?p=2"
        );
    }

    #[test]
    fn a_more_link_to_another_site_is_not_followed() {
        for more in [
            "https://evil.example.org/s",
            "//evil.example.org/s",
            "https://lrs.example.org.evil.example.org/s",
            "statements?page=2",
        ] {
            assert!(
                matches!(
                    follow("https://lrs.example.org", more),
                    Err(FetchError::Answer(_))
                ),
                "{more}"
            );
        }
    }

    #[test]
    fn refusals_name_the_settings_to_fix() {
        let credentials = FetchError::from(failure(401, "")).to_string();
        assert!(
            credentials.contains("[lrs] username and password"),
            "{credentials}"
        );
        let endpoint = FetchError::from(failure(404, "")).to_string();
        assert!(endpoint.contains("[lrs] endpoint"), "{endpoint}");
        assert!(matches!(
            FetchError::from(failure(503, "busy")),
            FetchError::Unreachable(_)
        ));
    }
}
