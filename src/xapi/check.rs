//! The xAPI 1.0.3 rules a statement must keep, and cmi5's rules for the order of a session's
//! statements. kurs checks every statement it builds in its tests (an LRS may accept worse).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::statement::{SESSION_ID, Verb};

/// Every rule `statement` breaks, each as `place: what is wrong`; empty when it keeps them all.
pub fn check_statement(statement: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut p = |place: &str, what: &str| problems.push(format!("{place}: {what}"));
    let Some(s) = statement.as_object() else {
        p("statement", "not a JSON object");
        return problems;
    };
    match s.get("id").and_then(Value::as_str) {
        Some(id) if is_uuid(id) => {}
        _ => p("id", "not a UUID"),
    }
    match s.get("actor") {
        Some(actor) => check_agent(actor, "actor", &mut p),
        None => p("actor", "missing"),
    }
    match s.get("verb").and_then(Value::as_object) {
        Some(verb) => {
            iri_at(verb, "id", "verb.id", true, &mut p);
            language_map_at(verb, "display", "verb.display", &mut p);
        }
        None => p("verb", "missing"),
    }
    match s.get("object") {
        Some(object) => check_activity(object, "object", &mut p),
        None => p("object", "missing"),
    }
    if let Some(result) = s.get("result") {
        check_result(result, &mut p);
        let definition = s
            .get("object")
            .and_then(|o| o.get("definition"))
            .and_then(Value::as_object);
        if let (Some(response), Some(definition)) =
            (result.get("response").and_then(Value::as_str), definition)
            && !response_fits(definition, response)
        {
            p(
                "result.response",
                "not in the format of the object's interaction type",
            );
        }
    }
    if let Some(context) = s.get("context") {
        check_context(context, &mut p);
    }
    match s.get("timestamp").and_then(Value::as_str) {
        Some(time) if is_timestamp(time) => {}
        _ => p("timestamp", "not an ISO 8601 time with a time zone"),
    }
    if let Some(version) = s.get("version")
        && !version.as_str().is_some_and(|v| v.starts_with("1.0."))
    {
        p("version", "not 1.0.x");
    }
    for key in s.keys() {
        let known = [
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments",
        ];
        if !known.contains(&key.as_str()) {
            p(key, "not a property of a statement");
        }
    }
    problems
}

fn check_agent(agent: &Value, place: &str, p: &mut impl FnMut(&str, &str)) {
    let Some(agent) = agent.as_object() else {
        return p(place, "not an object");
    };
    if let Some(kind) = agent.get("objectType")
        && kind != "Agent"
    {
        p(&format!("{place}.objectType"), "not Agent");
    }
    let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"]
        .iter()
        .filter(|k| agent.contains_key(**k))
        .count();
    if identifiers != 1 {
        p(
            place,
            "must have exactly one identifier (mbox, mbox_sha1sum, openid or account)",
        );
    }
    if let Some(account) = agent.get("account") {
        let Some(account) = account.as_object() else {
            return p(&format!("{place}.account"), "not an object");
        };
        iri_at(
            account,
            "homePage",
            &format!("{place}.account.homePage"),
            true,
            p,
        );
        if account
            .get("name")
            .and_then(Value::as_str)
            .is_none_or(|n| n.is_empty())
        {
            p(&format!("{place}.account.name"), "missing or empty");
        }
    }
    if let Some(name) = agent.get("name")
        && !name.is_string()
    {
        p(&format!("{place}.name"), "not a string");
    }
}

fn check_activity(activity: &Value, place: &str, p: &mut impl FnMut(&str, &str)) {
    let Some(activity) = activity.as_object() else {
        return p(place, "not an object");
    };
    if let Some(kind) = activity.get("objectType")
        && kind != "Activity"
    {
        p(&format!("{place}.objectType"), "not Activity");
    }
    iri_at(activity, "id", &format!("{place}.id"), true, p);
    let Some(definition) = activity.get("definition") else {
        return;
    };
    let Some(definition) = definition.as_object() else {
        return p(&format!("{place}.definition"), "not an object");
    };
    let at = |key: &str| format!("{place}.definition.{key}");
    if definition.contains_key("type") {
        iri_at(definition, "type", &at("type"), true, p);
    }
    for key in ["name", "description"] {
        if definition.contains_key(key) {
            language_map_at(definition, key, &at(key), p);
        }
    }
    if let Some(kind) = definition.get("interactionType") {
        let kinds = [
            "true-false",
            "choice",
            "fill-in",
            "long-fill-in",
            "matching",
            "performance",
            "sequencing",
            "likert",
            "numeric",
            "other",
        ];
        if !kind.as_str().is_some_and(|k| kinds.contains(&k)) {
            p(&at("interactionType"), "not an xAPI interaction type");
        }
    }
    if let Some(patterns) = definition.get("correctResponsesPattern")
        && !patterns
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string))
    {
        p(&at("correctResponsesPattern"), "not a list of strings");
    }
    for key in ["choices", "scale", "source", "target", "steps"] {
        let Some(list) = definition.get(key) else {
            continue;
        };
        let Some(list) = list.as_array() else {
            p(&at(key), "not a list");
            continue;
        };
        let mut ids = BTreeSet::new();
        for (i, component) in list.iter().enumerate() {
            let place = format!("{}[{i}]", at(key));
            let Some(component) = component.as_object() else {
                p(&place, "not an object");
                continue;
            };
            match component.get("id").and_then(Value::as_str) {
                Some(id) if !id.is_empty() && !id.contains(char::is_whitespace) => {
                    if !ids.insert(id.to_string()) {
                        p(&format!("{place}.id"), "used twice");
                    }
                }
                _ => p(&format!("{place}.id"), "missing, empty or with white space"),
            }
            if component.contains_key("description") {
                language_map_at(component, "description", &format!("{place}.description"), p);
            }
        }
    }
    check_interaction(definition, &at, p);
}

/// The rules of the response patterns kurs uses beyond the common ones: a matching
/// interaction's `source[.]target` pairs name its own components, a numeric one's patterns
/// are a number or a range `min[:]max` (either end may be left open).
fn check_interaction(
    definition: &Map<String, Value>,
    at: &dyn Fn(&str) -> String,
    p: &mut impl FnMut(&str, &str),
) {
    let patterns: Vec<&str> = definition
        .get("correctResponsesPattern")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    match definition.get("interactionType").and_then(Value::as_str) {
        Some("matching") => {
            for key in ["source", "target"] {
                if component_ids(definition, key).is_empty() {
                    p(&at(key), "missing for a matching interaction");
                }
            }
            if patterns
                .iter()
                .any(|pattern| !matching_fits(definition, pattern))
            {
                p(
                    &at("correctResponsesPattern"),
                    "not source[.]target pairs of the interaction's own ids",
                );
            }
        }
        Some("numeric") if patterns.iter().any(|pattern| !is_numeric_pattern(pattern)) => {
            p(
                &at("correctResponsesPattern"),
                "not a number or a range min[:]max",
            );
        }
        _ => {}
    }
}

/// The ids of the components under `key` (`choices`, `source`, `target`, …).
fn component_ids(definition: &Map<String, Value>, key: &str) -> BTreeSet<String> {
    definition
        .get(key)
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|c| c.get("id").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// `s1[.]t2[,]s2[.]t1`: pairs of a source id and a target id of the interaction, each source
/// at most once; empty for no pair.
fn matching_fits(definition: &Map<String, Value>, response: &str) -> bool {
    if response.is_empty() {
        return true;
    }
    let (sources, targets) = (
        component_ids(definition, "source"),
        component_ids(definition, "target"),
    );
    let mut seen = BTreeSet::new();
    response.split("[,]").all(|pair| {
        pair.split_once("[.]").is_some_and(|(source, target)| {
            sources.contains(source) && targets.contains(target) && seen.insert(source)
        })
    })
}

/// `42`, `41.5[:]42.5`, `[:]5` or `3[:]`, with the lower end not above the upper.
fn is_numeric_pattern(pattern: &str) -> bool {
    let number = |text: &str| text.parse::<f64>().ok().filter(|n| n.is_finite());
    match pattern.split_once("[:]") {
        None => number(pattern).is_some(),
        Some((min, max)) => match (min, max) {
            ("", "") => false,
            ("", max) => number(max).is_some(),
            (min, "") => number(min).is_some(),
            (min, max) => matches!((number(min), number(max)), (Some(a), Some(b)) if a <= b),
        },
    }
}

/// Whether a `result.response` has the form its interaction type asks for (only the types
/// with a form of their own are looked at).
fn response_fits(definition: &Map<String, Value>, response: &str) -> bool {
    match definition.get("interactionType").and_then(Value::as_str) {
        Some("matching") => matching_fits(definition, response),
        Some("numeric") => response.parse::<f64>().is_ok_and(f64::is_finite),
        Some("true-false") => response == "true" || response == "false",
        Some("choice" | "sequencing") => {
            let ids = component_ids(definition, "choices");
            response.is_empty() || response.split("[,]").all(|id| ids.contains(id))
        }
        _ => true,
    }
}

fn check_result(result: &Value, p: &mut impl FnMut(&str, &str)) {
    let Some(result) = result.as_object() else {
        return p("result", "not an object");
    };
    for key in ["success", "completion"] {
        if result.get(key).is_some_and(|v| !v.is_boolean()) {
            p(&format!("result.{key}"), "not true or false");
        }
    }
    if result.get("response").is_some_and(|v| !v.is_string()) {
        p("result.response", "not a string");
    }
    if let Some(duration) = result.get("duration")
        && !duration.as_str().is_some_and(is_duration)
    {
        p("result.duration", "not an ISO 8601 duration");
    }
    if let Some(score) = result.get("score") {
        let Some(score) = score.as_object() else {
            return p("result.score", "not an object");
        };
        let number = |key: &str| score.get(key).and_then(Value::as_f64);
        for key in ["scaled", "raw", "min", "max"] {
            if score.contains_key(key) && number(key).is_none() {
                p(&format!("result.score.{key}"), "not a number");
            }
        }
        if let Some(scaled) = number("scaled")
            && !(-1.0..=1.0).contains(&scaled)
        {
            p("result.score.scaled", "not within -1 and 1");
        }
        let (min, max, raw) = (number("min"), number("max"), number("raw"));
        if let (Some(min), Some(max)) = (min, max)
            && min >= max
        {
            p("result.score", "min is not below max");
        }
        if let Some(raw) = raw
            && (min.is_some_and(|min| raw < min) || max.is_some_and(|max| raw > max))
        {
            p("result.score.raw", "not within min and max");
        }
    }
}

fn check_context(context: &Value, p: &mut impl FnMut(&str, &str)) {
    let Some(context) = context.as_object() else {
        return p("context", "not an object");
    };
    if let Some(registration) = context.get("registration")
        && !registration.as_str().is_some_and(is_uuid)
    {
        p("context.registration", "not a UUID");
    }
    if let Some(language) = context.get("language")
        && !language.as_str().is_some_and(is_language_tag)
    {
        p("context.language", "not a BCP 47 language tag");
    }
    if let Some(extensions) = context.get("extensions") {
        check_extensions(extensions, "context.extensions", p);
    }
    if let Some(activities) = context.get("contextActivities") {
        let Some(activities) = activities.as_object() else {
            return p("context.contextActivities", "not an object");
        };
        for (key, list) in activities {
            let place = format!("context.contextActivities.{key}");
            if !["parent", "grouping", "category", "other"].contains(&key.as_str()) {
                p(&place, "not parent, grouping, category or other");
            }
            match list {
                Value::Array(list) => {
                    for (i, activity) in list.iter().enumerate() {
                        check_activity(activity, &format!("{place}[{i}]"), p);
                    }
                }
                other => check_activity(other, &place, p),
            }
        }
    }
}

fn check_extensions(extensions: &Value, place: &str, p: &mut impl FnMut(&str, &str)) {
    let Some(extensions) = extensions.as_object() else {
        return p(place, "not an object");
    };
    for key in extensions.keys() {
        if !is_iri(key) {
            p(&format!("{place}.{key}"), "key is not an IRI with a scheme");
        }
    }
}

fn iri_at(
    object: &Map<String, Value>,
    key: &str,
    place: &str,
    needed: bool,
    p: &mut impl FnMut(&str, &str),
) {
    match object.get(key).and_then(Value::as_str) {
        Some(iri) if is_iri(iri) => {}
        Some(_) => p(place, "not an IRI with a scheme"),
        None if needed => p(place, "missing"),
        None => {}
    }
}

fn language_map_at(
    object: &Map<String, Value>,
    key: &str,
    place: &str,
    p: &mut impl FnMut(&str, &str),
) {
    let Some(map) = object.get(key).and_then(Value::as_object) else {
        return p(place, "not a language map");
    };
    if map.is_empty() {
        p(place, "an empty language map");
    }
    for (tag, text) in map {
        if !is_language_tag(tag) {
            p(&format!("{place}.{tag}"), "not a BCP 47 language tag");
        }
        if !text.is_string() {
            p(&format!("{place}.{tag}"), "not a string");
        }
    }
}

/// A UUID in its canonical hyphenated form (xAPI compares them as strings).
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && uuid::Uuid::try_parse(text)
            .is_ok_and(|u| u.hyphenated().to_string() == text.to_lowercase())
}

/// An absolute IRI: a scheme (a letter, then letters, digits, `+-.`), a colon, and something
/// after it without white space or the characters IRIs exclude.
pub fn is_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !rest
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
}

/// A well-formed BCP 47 tag (RFC 5646 syntax): a language of 2–3 (or 5–8) letters, then
/// subtags of 1–8 letters or digits; `und` counts. Private-use and grandfathered tags aside.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(language) = parts.next() else {
        return false;
    };
    let language_ok = matches!(language.len(), 2 | 3 | 5..=8)
        && language.chars().all(|c| c.is_ascii_alphabetic());
    language_ok
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// An ISO 8601 time with date, time and zone, as xAPI requires (`2026-12-02T15:40:00.123Z`).
pub fn is_timestamp(text: &str) -> bool {
    let has_zone = text.ends_with('Z')
        || text
            .get(text.len().saturating_sub(6)..)
            .is_some_and(|z| z.starts_with(['+', '-']) && z.as_bytes().get(3) == Some(&b':'));
    has_zone && text.parse::<jiff::Timestamp>().is_ok()
}

/// An ISO 8601 duration (`P1DT2H3M4.5S`, `PT0S`, `P2W`): every part a number and its unit, in
/// order, at least one part, a fraction only on the last.
pub fn is_duration(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('P') else {
        return false;
    };
    if let Some(weeks) = rest.strip_suffix('W') {
        return !weeks.is_empty() && weeks.chars().all(|c| c.is_ascii_digit());
    }
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    let parts_ok = |text: &str, units: &str| -> Option<usize> {
        let mut count = 0;
        let mut units = units.chars();
        let mut number = String::new();
        let mut fraction_seen = false;
        for c in text.chars() {
            if c.is_ascii_digit() || (c == '.' && !number.is_empty() && !number.contains('.')) {
                number.push(c);
                continue;
            }
            if number.is_empty() || number.ends_with('.') || fraction_seen {
                return None;
            }
            // Units must come in order; skipped ones are fine.
            units.by_ref().find(|&u| u == c)?;
            fraction_seen = number.contains('.');
            number.clear();
            count += 1;
        }
        number.is_empty().then_some(count)
    };
    let Some(date_parts) = parts_ok(date, "YMD") else {
        return false;
    };
    match time {
        None => date_parts > 0,
        Some(time) => parts_ok(time, "HMS").is_some_and(|n| n > 0),
    }
}

/// cmi5's rules for the statements of each session (by the `sessionid` extension), in the
/// order recorded: every statement has a session; `initialized` comes first and once,
/// `terminated` last and once, with a duration; times do not go back; an activity is `passed`
/// and `completed` at most once, and not `failed` after it was `passed`.
pub fn check_sessions(statements: &[Value]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut sessions: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for (i, statement) in statements.iter().enumerate() {
        match statement
            .pointer("/context/extensions")
            .and_then(|e| e.get(SESSION_ID))
            .and_then(Value::as_str)
        {
            Some(session) => sessions
                .entry(session.to_string())
                .or_default()
                .push(statement),
            None => problems.push(format!("statement {i}: no session id")),
        }
    }
    for (session, list) in &sessions {
        let verb = |s: &Value| {
            s.pointer("/verb/id")
                .and_then(Value::as_str)
                .and_then(Verb::of_iri)
        };
        let mut p = |what: String| problems.push(format!("session {session}: {what}"));
        if list.first().map(|s| verb(s)) != Some(Some(Verb::Initialized)) {
            p("does not begin with initialized".into());
        }
        if list.last().map(|s| verb(s)) != Some(Some(Verb::Terminated)) {
            p("does not end with terminated".into());
        }
        let mut last_time = None;
        let mut seen: BTreeMap<(Verb, String), usize> = BTreeMap::new();
        for (i, statement) in list.iter().enumerate() {
            let Some(v) = verb(statement) else {
                p(format!("statement {i} has a verb kurs does not use"));
                continue;
            };
            let object = statement
                .pointer("/object/id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let count = seen.entry((v, object.clone())).or_default();
            *count += 1;
            let twice = matches!(
                v,
                Verb::Initialized | Verb::Terminated | Verb::Passed | Verb::Completed
            );
            if twice && *count == 2 {
                p(format!("{} twice for {object}", v.word()));
            }
            if v == Verb::Failed && seen.contains_key(&(Verb::Passed, object.clone())) {
                p(format!("failed after passed for {object}"));
            }
            if v == Verb::Terminated && statement.pointer("/result/duration").is_none() {
                p("terminated without a duration".into());
            }
            let time = statement
                .get("timestamp")
                .and_then(Value::as_str)
                .and_then(|t| t.parse::<jiff::Timestamp>().ok());
            if let (Some(before), Some(now)) = (last_time, time)
                && now < before
            {
                p(format!("statement {i} is earlier than the one before it"));
            }
            last_time = time.or(last_time);
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::xapi::statement::tests::every_statement;

    /// The first attempt's statement, after the seven answers.
    fn broken(change: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut statement = every_statement()[9].clone();
        change(&mut statement);
        check_statement(&statement)
    }

    /// The statement of the answer to question `n` (from 1), changed.
    fn answered(n: usize, change: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut statement = every_statement()[n + 1].clone();
        change(&mut statement);
        check_statement(&statement)
    }

    #[test]
    fn a_matching_response_must_pair_the_interaction_s_own_ids() {
        assert_eq!(answered(6, |_| {}), Vec::<String>::new());
        assert_eq!(
            answered(6, |s| s["result"]["response"] = json!("s1[.]t9")),
            ["result.response: not in the format of the object's interaction type"]
        );
        assert_eq!(
            answered(
                6,
                |s| s["object"]["definition"]["correctResponsesPattern"] =
                    json!(["s1[.]t1[,]s1[.]t2"])
            ),
            [
                "object.definition.correctResponsesPattern: not source[.]target pairs of the interaction's own ids"
            ]
        );
    }

    #[test]
    fn a_numeric_pattern_is_a_number_or_a_range_and_its_response_a_number() {
        assert_eq!(answered(7, |_| {}), Vec::<String>::new());
        assert_eq!(
            answered(
                7,
                |s| s["object"]["definition"]["correctResponsesPattern"] = json!(["5[:]1"])
            ),
            ["object.definition.correctResponsesPattern: not a number or a range min[:]max"]
        );
        assert_eq!(
            answered(7, |s| s["result"]["response"] = json!("3,5")),
            ["result.response: not in the format of the object's interaction type"]
        );
        assert!(
            is_numeric_pattern("[:]5") && is_numeric_pattern("3.5") && !is_numeric_pattern("[:]")
        );
    }

    #[test]
    fn an_agent_with_two_identifiers_is_refused() {
        let problems = broken(|s| s["actor"]["mbox"] = json!("mailto:a@example.org"));
        assert_eq!(
            problems,
            ["actor: must have exactly one identifier (mbox, mbox_sha1sum, openid or account)"]
        );
    }

    #[test]
    fn an_iri_without_a_scheme_is_refused() {
        assert_eq!(
            broken(|s| s["object"]["id"] = json!("kurs/m1")),
            ["object.id: not an IRI with a scheme"]
        );
        assert!(!is_iri("urn kurs"));
        assert!(is_iri("urn:kurs:a/b#section-1"));
    }

    #[test]
    fn a_bad_uuid_timestamp_or_duration_is_refused() {
        assert_eq!(broken(|s| s["id"] = json!("1234")), ["id: not a UUID"]);
        assert_eq!(
            broken(|s| s["timestamp"] = json!("2026-12-02 15:00")),
            ["timestamp: not an ISO 8601 time with a time zone"]
        );
        assert_eq!(
            broken(|s| s["result"]["duration"] = json!("61 s")),
            ["result.duration: not an ISO 8601 duration"]
        );
        for good in ["PT0S", "P1DT2H", "PT1.5S", "P2W", "P1Y2M3DT4H5M6.7S"] {
            assert!(is_duration(good), "{good}");
        }
        for bad in ["P", "PT", "PT1.5M2S", "PT2S1M", "P1H", "1S", "PT.5S"] {
            assert!(!is_duration(bad), "{bad}");
        }
    }

    #[test]
    fn a_scaled_score_outside_minus_one_to_one_is_refused() {
        assert_eq!(
            broken(|s| s["result"]["score"]["scaled"] = json!(1.5)),
            ["result.score.scaled: not within -1 and 1"]
        );
        assert_eq!(
            broken(|s| s["result"]["score"]["raw"] = json!(9)),
            ["result.score.raw: not within min and max"]
        );
    }

    #[test]
    fn a_language_map_with_a_bad_tag_is_refused() {
        assert_eq!(
            broken(|s| s["verb"]["display"] = json!({"en_US": "failed"})),
            ["verb.display.en_US: not a BCP 47 language tag"]
        );
        assert!(is_language_tag("de"));
        assert!(is_language_tag("zh-Hant-TW"));
        assert!(!is_language_tag("deutsch-"));
    }

    #[test]
    fn a_session_out_of_order_is_named() {
        let mut statements = every_statement();
        statements.swap(0, 1);
        // The seven answers are statements 2 to 8, then failed (9) and passed (10).
        let passed = statements[10].clone();
        statements.insert(11, passed);
        let failed = statements[9].clone();
        statements.insert(12, failed);
        let problems = check_sessions(&statements);
        let session = statements[0]["context"]["extensions"][SESSION_ID]
            .as_str()
            .unwrap()
            .to_string();
        let module = "urn:kurs:sicher-online/m%201";
        assert_eq!(
            problems,
            [
                format!("session {session}: does not begin with initialized"),
                format!("session {session}: statement 1 is earlier than the one before it"),
                format!("session {session}: passed twice for {module}"),
                format!("session {session}: failed after passed for {module}"),
                format!("session {session}: statement 12 is earlier than the one before it"),
            ]
        );
    }
}
