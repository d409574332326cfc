//! The xAPI 1.0.3 statements kurs sends, shaped after cmi5 where cmi5 has a rule: who (an
//! Agent with an account), what (the verbs below), on which activity (stable IRIs), when and how.
//! Pure: the id and the time of each statement are given, so a test builds the exact statement.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::course::{Course, Module, NumberRange, Question, QuestionKind, partner};
use crate::progress::Points;
use crate::quiz::{Answer, Credit};

/// The cmi5 context extension that ties every statement of one player session together.
pub const SESSION_ID: &str = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
/// The cmi5 context extension with the pass mark (0..1) of a quiz's `passed`/`failed`.
pub const MASTERY_SCORE: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
/// The cmi5 category of the statements whose verbs cmi5 defines.
pub const CMI5_CATEGORY: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
/// The cmi5 category of `passed`, `failed` and `completed` (they may satisfy "move on").
pub const MOVE_ON_CATEGORY: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
/// The xAPI version kurs speaks, sent as `X-Experience-API-Version` and in every statement.
pub const VERSION: &str = "1.0.3";

/// The verbs kurs uses, all from ADL's vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verb {
    Initialized,
    Terminated,
    Experienced,
    Answered,
    Passed,
    Failed,
    Completed,
}

impl Verb {
    pub const ALL: [Verb; 7] = [
        Verb::Initialized,
        Verb::Terminated,
        Verb::Experienced,
        Verb::Answered,
        Verb::Passed,
        Verb::Failed,
        Verb::Completed,
    ];

    /// The verb's word, as in its IRI and its English display.
    pub fn word(self) -> &'static str {
        match self {
            Verb::Initialized => "initialized",
            Verb::Terminated => "terminated",
            Verb::Experienced => "experienced",
            Verb::Answered => "answered",
            Verb::Passed => "passed",
            Verb::Failed => "failed",
            Verb::Completed => "completed",
        }
    }

    pub fn iri(self) -> String {
        format!("http://adlnet.gov/expapi/verbs/{}", self.word())
    }

    /// The verb of a statement's `verb.id`, when it is one of kurs's.
    pub fn of_iri(iri: &str) -> Option<Verb> {
        Verb::ALL.into_iter().find(|v| v.iri() == iri)
    }

    /// Whether cmi5 defines the verb (those statements carry the cmi5 category).
    pub fn is_cmi5(self) -> bool {
        !matches!(self, Verb::Experienced | Verb::Answered)
    }
}

/// The learner as the LRS sees them: an account on the organisation's home page, and a name
/// only when the learner chose to share it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub home_page: String,
    /// The learner id: configured, or the installation's random UUID.
    pub account: String,
    pub name: Option<String>,
}

impl Actor {
    pub fn to_json(&self) -> Value {
        let mut agent = json!({
            "objectType": "Agent",
            "account": {"homePage": self.home_page, "name": self.account},
        });
        if let Some(name) = &self.name {
            agent["name"] = json!(name);
        }
        agent
    }
}

/// Where a course's activity IRIs begin: the course's `xapi_activity_base`, else
/// `urn:kurs:<course-id>`.
pub fn course_iri(base: Option<&str>, course_id: &str) -> String {
    match base {
        Some(base) => base.trim_end_matches('/').to_string(),
        None => format!("urn:kurs:{}", iri_segment(course_id)),
    }
}

pub fn module_iri(course: &str, module_id: &str) -> String {
    format!("{course}/{}", iri_segment(module_id))
}

pub fn question_iri(course: &str, module_id: &str, question_id: &str) -> String {
    format!(
        "{}/{}",
        module_iri(course, module_id),
        iri_segment(question_id)
    )
}

/// Sections have no ids; their place (counted from 1) is what the learner sees.
pub fn section_iri(course: &str, module_id: &str, section: usize) -> String {
    format!("{}#section-{}", module_iri(course, module_id), section + 1)
}

/// An id as one IRI path segment: letters, digits and `-._~` stay, everything else is
/// percent-encoded, so no id can reach into another activity's IRI.
fn iri_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// The language of a course's names: its tag when well formed, else `und` (undetermined).
pub fn language_tag(tag: &str) -> String {
    if super::check::is_language_tag(tag) {
        tag.to_string()
    } else {
        "und".to_string()
    }
}

/// An activity's kind, as its `definition.type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityKind {
    Course,
    Module,
    /// A section of a module's text.
    Section,
    Question,
}

impl ActivityKind {
    pub fn iri(self) -> &'static str {
        match self {
            ActivityKind::Course => "http://adlnet.gov/expapi/activities/course",
            ActivityKind::Module => "http://adlnet.gov/expapi/activities/module",
            ActivityKind::Section => "http://id.tincanapi.com/activitytype/section",
            ActivityKind::Question => "http://adlnet.gov/expapi/activities/cmi.interaction",
        }
    }
}

/// An activity with its definition: the object of a statement or its context.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    pub id: String,
    pub kind: ActivityKind,
    pub name: String,
    /// The language of `name`.
    pub lang: String,
    /// For questions: the interaction's type and choices, as `definition` fields.
    pub interaction: Option<Map<String, Value>>,
}

impl Activity {
    pub fn course(base: Option<&str>, course: &Course) -> Activity {
        Activity {
            id: course_iri(base, &course.id),
            kind: ActivityKind::Course,
            name: course.title.clone(),
            lang: language_tag(&course.language),
            interaction: None,
        }
    }

    pub fn module(course: &Activity, module: &Module) -> Activity {
        Activity {
            id: module_iri(&course.id, &module.id),
            kind: ActivityKind::Module,
            name: Course::module_label(module),
            lang: course.lang.clone(),
            interaction: None,
        }
    }

    pub fn section(course: &Activity, module: &Module, section: usize) -> Activity {
        let title = module
            .sections
            .get(section)
            .map_or_else(|| format!("{}", section + 1), |s| s.title.clone());
        Activity {
            id: section_iri(&course.id, &module.id, section),
            kind: ActivityKind::Section,
            name: title,
            lang: course.lang.clone(),
            interaction: None,
        }
    }

    pub fn question(course: &Activity, module: &Module, question: &Question) -> Activity {
        Activity {
            id: question_iri(&course.id, &module.id, &question.id),
            kind: ActivityKind::Question,
            name: question.prompt.clone(),
            lang: course.lang.clone(),
            interaction: Some(interaction(question, &course.lang)),
        }
    }

    pub fn to_json(&self) -> Value {
        let mut definition = Map::new();
        definition.insert("type".into(), json!(self.kind.iri()));
        definition.insert("name".into(), json!({ &self.lang: self.name }));
        if let Some(interaction) = &self.interaction {
            definition.extend(interaction.clone());
        }
        json!({"objectType": "Activity", "id": self.id, "definition": definition})
    }
}

/// Choice and item ids in interactions: `c1`, `c2`, … by position, as the trainer wrote them.
fn component_id(index: usize) -> String {
    format!("c{}", index + 1)
}

fn components(texts: impl Iterator<Item = String>, lang: &str) -> Value {
    Value::Array(
        texts
            .enumerate()
            .map(|(i, text)| json!({"id": component_id(i), "description": { lang: text }}))
            .collect(),
    )
}

/// The interaction fields of a question's definition (xAPI's cmi.interaction types).
fn interaction(question: &Question, lang: &str) -> Map<String, Value> {
    let ids = |indexes: Vec<usize>| {
        indexes
            .into_iter()
            .map(component_id)
            .collect::<Vec<_>>()
            .join("[,]")
    };
    let (kind, pattern, extra) = match &question.kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
            let right: Vec<usize> = (0..choices.len()).filter(|&i| choices[i].correct).collect();
            let texts = choices.iter().map(|c| c.text.clone());
            (
                "choice",
                vec![ids(right)],
                Some(("choices", components(texts, lang))),
            )
        }
        QuestionKind::TrueFalse { answer } => ("true-false", vec![answer.to_string()], None),
        // Only the fully right answers are correct responses; partly right ones earn a score.
        QuestionKind::Text { accept } => (
            "fill-in",
            accept
                .iter()
                .filter(|a| a.credit >= 100)
                .map(|a| a.text.clone())
                .collect(),
            None,
        ),
        QuestionKind::Order { items } => (
            "sequencing",
            vec![ids((0..items.len()).collect())],
            Some(("choices", components(items.iter().cloned(), lang))),
        ),
        QuestionKind::Match { pairs, distractors } => {
            let mut fields = Map::new();
            fields.insert("interactionType".into(), json!("matching"));
            let pattern = (0..pairs.len())
                .map(|i| format!("{}[.]{}", source_id(i), target_id(i)))
                .collect::<Vec<_>>()
                .join("[,]");
            fields.insert("correctResponsesPattern".into(), json!([pattern]));
            let lefts = pairs.iter().map(|p| p.left.clone());
            fields.insert("source".into(), labelled(lefts, source_id, lang));
            let partners = (0..pairs.len() + distractors.len())
                .filter_map(|i| partner(pairs, distractors, i).map(str::to_owned));
            fields.insert("target".into(), labelled(partners, target_id, lang));
            return fields;
        }
        QuestionKind::Numeric { right, .. } => ("numeric", vec![numeric_pattern(*right)], None),
    };
    let mut fields = Map::new();
    fields.insert("interactionType".into(), json!(kind));
    fields.insert("correctResponsesPattern".into(), json!(pattern));
    if let Some((key, value)) = extra {
        fields.insert(key.into(), value);
    }
    fields
}

/// A match question's items in interactions: `s1`, `s2`, … as written.
fn source_id(index: usize) -> String {
    format!("s{}", index + 1)
}

/// A match question's partners: `t1`, `t2`, …, the pairs' right items first, then the
/// distractors (as `course::partner` counts them).
fn target_id(index: usize) -> String {
    format!("t{}", index + 1)
}

fn labelled(texts: impl Iterator<Item = String>, id: fn(usize) -> String, lang: &str) -> Value {
    Value::Array(
        texts
            .enumerate()
            .map(|(i, text)| json!({"id": id(i), "description": { lang: text }}))
            .collect(),
    )
}

/// The right numbers as xAPI writes a numeric response pattern: `42`, or `41.5[:]42.5`.
fn numeric_pattern(range: NumberRange) -> String {
    match range {
        NumberRange::Around {
            answer,
            tolerance: 0.0,
        } => format!("{answer}"),
        range => {
            let (min, max) = range.bounds();
            let (min, max) = (tidy(min), tidy(max));
            if min == max {
                format!("{min}")
            } else {
                format!("{min}[:]{max}")
            }
        }
    }
}

/// A sum such as 4.7 − 0.1 to 13 significant digits: `4.6`, not the `4.6000000000000005`
/// that binary fractions make of it (grading allows the same hair of slack, see
/// `NumberRange::contains`).
fn tidy(value: f64) -> f64 {
    format!("{value:.12e}").parse().unwrap_or(value)
}

/// The learner's answer in the interaction's response format.
pub fn response(answer: &Answer) -> String {
    match answer {
        Answer::Single(i) => component_id(*i),
        Answer::Multiple(picked) => picked
            .iter()
            .map(|&i| component_id(i))
            .collect::<Vec<_>>()
            .join("[,]"),
        Answer::TrueFalse(value) => value.to_string(),
        Answer::Text(text) => text.clone(),
        Answer::Order(order) => order
            .iter()
            .map(|&i| component_id(i))
            .collect::<Vec<_>>()
            .join("[,]"),
        Answer::Match(picked) => picked
            .iter()
            .enumerate()
            .filter_map(|(item, p)| p.map(|p| format!("{}[.]{}", source_id(item), target_id(p))))
            .collect::<Vec<_>>()
            .join("[,]"),
        Answer::Number(value) => format!("{value}"),
    }
}

/// An attempt's score for `result.score`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub points: Points,
    pub max: u32,
}

impl Score {
    /// The points, whole where they are whole (as before partial credit).
    pub fn raw(self) -> Value {
        if self.points.is_whole() {
            json!(self.points.parts().0)
        } else {
            json!(self.points.as_f64())
        }
    }

    /// Within 0..1 as xAPI wants it; an empty quiz scores 0.
    pub fn scaled(self) -> f64 {
        if self.max == 0 {
            0.0
        } else {
            (self.points.as_f64() / f64::from(self.max)).clamp(0.0, 1.0)
        }
    }
}

/// What happened, with what the statement needs beyond its object.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The first statement of a player session in a course.
    Initialized,
    /// The last statement, with the session's length.
    Terminated { duration_ms: u64 },
    /// A section was read.
    Experienced,
    /// A question answered: `success` only when fully right; a partly right answer also
    /// carries its score (of one point).
    Answered { credit: Credit, response: String },
    /// A quiz attempt ended; `pass_percent` is the quiz's mark.
    Attempt {
        passed: bool,
        score: Score,
        pass_percent: u8,
        duration_ms: Option<u64>,
    },
    /// "Gelernt".
    Completed,
}

impl Event {
    pub fn verb(&self) -> Verb {
        match self {
            Event::Initialized => Verb::Initialized,
            Event::Terminated { .. } => Verb::Terminated,
            Event::Experienced => Verb::Experienced,
            Event::Answered { .. } => Verb::Answered,
            Event::Attempt { passed: true, .. } => Verb::Passed,
            Event::Attempt { passed: false, .. } => Verb::Failed,
            Event::Completed => Verb::Completed,
        }
    }
}

/// What every statement of one session in one course shares.
#[derive(Clone, Debug)]
pub struct SessionFacts {
    pub actor: Actor,
    pub session: Uuid,
    /// The learner's registration in the course (the same in every session).
    pub registration: Uuid,
    pub course: Activity,
}

/// One statement, ready to store and send.
pub fn statement(
    facts: &SessionFacts,
    event: &Event,
    object: &Activity,
    id: Uuid,
    timestamp: jiff::Timestamp,
) -> Value {
    let verb = event.verb();
    let mut result = Map::new();
    let mut extensions = Map::new();
    extensions.insert(SESSION_ID.into(), json!(facts.session.to_string()));
    match event {
        Event::Initialized | Event::Experienced => {}
        Event::Terminated { duration_ms } => {
            result.insert("duration".into(), json!(duration(*duration_ms)));
        }
        Event::Answered { credit, response } => {
            if credit.is_partial() {
                let scaled = f64::from(credit.percent()) / 100.0;
                result.insert(
                    "score".into(),
                    json!({"scaled": scaled, "raw": scaled, "min": 0, "max": 1}),
                );
            }
            result.insert("success".into(), json!(credit.is_full()));
            result.insert("response".into(), json!(response));
        }
        Event::Attempt {
            passed,
            score,
            pass_percent,
            duration_ms,
        } => {
            result.insert(
                "score".into(),
                json!({
                    "scaled": score.scaled(),
                    "raw": score.raw(),
                    "min": 0,
                    "max": score.max,
                }),
            );
            result.insert("success".into(), json!(passed));
            if let Some(ms) = duration_ms {
                result.insert("duration".into(), json!(duration(*ms)));
            }
            let mastery = (f64::from(*pass_percent) / 100.0).clamp(0.0, 1.0);
            extensions.insert(MASTERY_SCORE.into(), json!(mastery));
        }
        Event::Completed => {
            result.insert("completion".into(), json!(true));
        }
    }
    let mut activities = Map::new();
    if object.id != facts.course.id {
        activities.insert("parent".into(), json!([facts.course.to_json()]));
    }
    let mut categories = Vec::new();
    if verb.is_cmi5() {
        categories.push(json!({"id": CMI5_CATEGORY}));
    }
    if matches!(verb, Verb::Passed | Verb::Failed | Verb::Completed) {
        categories.push(json!({"id": MOVE_ON_CATEGORY}));
    }
    if !categories.is_empty() {
        activities.insert("category".into(), Value::Array(categories));
    }
    let mut context = json!({
        "registration": facts.registration.to_string(),
        "language": facts.course.lang,
        "extensions": extensions,
    });
    if !activities.is_empty() {
        context["contextActivities"] = Value::Object(activities);
    }
    let mut statement = json!({
        "id": id.to_string(),
        "actor": facts.actor.to_json(),
        "verb": {"id": verb.iri(), "display": {"en-US": verb.word()}},
        "object": object.to_json(),
        "context": context,
        "timestamp": timestamp_text(timestamp),
        "version": VERSION,
    });
    if !result.is_empty() {
        statement["result"] = Value::Object(result);
    }
    statement
}

/// An ISO 8601 timestamp in UTC with milliseconds, as xAPI recommends.
pub fn timestamp_text(time: jiff::Timestamp) -> String {
    time.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// An ISO 8601 duration with hundredths of a second (the precision xAPI keeps), e.g. `PT1H2M3.04S`.
pub fn duration(ms: u64) -> String {
    let centis = ms / 10;
    let (hours, rest) = (centis / 360_000, centis % 360_000);
    let (minutes, rest) = (rest / 6_000, rest % 6_000);
    let (seconds, hundredths) = (rest / 100, rest % 100);
    let mut text = String::from("PT");
    if hours > 0 {
        text.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        text.push_str(&format!("{minutes}M"));
    }
    if hundredths > 0 {
        text.push_str(&format!("{seconds}.{hundredths:02}S"));
    } else if seconds > 0 || (hours == 0 && minutes == 0) {
        text.push_str(&format!("{seconds}S"));
    }
    text
}

/// The registration of a learner in a course: the same every session, and without anything
/// stored, a name-based UUID of the learner and the course.
pub fn registration(actor: &Actor, course_iri: &str) -> Uuid {
    let name = format!("{}\n{}\n{course_iri}", actor.home_page, actor.account);
    Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::*;
    use crate::course::{Choice, MatchPair, Section};
    use crate::xapi::check::{check_sessions, check_statement};

    pub(crate) fn question(id: &str, kind: QuestionKind) -> Question {
        Question {
            id: id.to_string(),
            prompt: format!("Frage {id}?"),
            explanation: None,
            kind,
        }
    }

    /// A course with one question of every type.
    pub(crate) fn course() -> Course {
        let choices = || {
            vec![
                Choice {
                    text: "Ja".into(),
                    correct: true,
                    credit: None,
                    feedback: None,
                },
                Choice {
                    text: "Nein".into(),
                    correct: false,
                    credit: None,
                    feedback: None,
                },
            ]
        };
        let module = Module {
            id: "m 1".to_string(),
            code: Some("A1".into()),
            title: "Erste Schritte".to_string(),
            loaded: true,
            intro: None,
            sections: vec![Section {
                title: "Einstieg".into(),
                body: "Text".into(),
            }],
            quiz: Some(Box::new(crate::course::Quiz {
                title: None,
                pass_percent: 80,
                shuffle: false,
                questions: vec![
                    question("q1", QuestionKind::Single { choices: choices() }),
                    question("q2", QuestionKind::Multiple { choices: choices() }),
                    question("q3", QuestionKind::TrueFalse { answer: false }),
                    question(
                        "q4",
                        QuestionKind::Text {
                            accept: vec!["Passwort".into()],
                        },
                    ),
                    question(
                        "q5",
                        QuestionKind::Order {
                            items: vec!["eins".into(), "zwei".into()],
                        },
                    ),
                    question(
                        "q6",
                        QuestionKind::Match {
                            pairs: ["Phishing", "Spam", "Trojaner"]
                                .iter()
                                .zip(["gefälschte Mail", "Werbung", "getarntes Programm"])
                                .map(|(left, right)| MatchPair {
                                    left: left.to_string(),
                                    right: right.to_string(),
                                })
                                .collect(),
                            distractors: vec!["Fax".into()],
                        },
                    ),
                    question(
                        "q7",
                        QuestionKind::Numeric {
                            right: NumberRange::Around {
                                answer: 4.7,
                                tolerance: 0.1,
                            },
                            unit: Some("GB".into()),
                            ranges: vec![crate::course::CreditRange {
                                range: NumberRange::Between { min: 4.0, max: 5.0 },
                                credit: 50,
                            }],
                        },
                    ),
                ],
            })),
            path: PathBuf::new(),
        };
        Course {
            id: "sicher-online".to_string(),
            title: "Sicher online".to_string(),
            language: "de".to_string(),
            description: None,
            pass_percent: 80,
            xapi_activity_base: None,
            areas: Vec::new(),
            modules: vec![module],
            exam: None,
            certificate: None,
            path: PathBuf::new(),
        }
    }

    pub(crate) fn facts() -> SessionFacts {
        let actor = Actor {
            home_page: "https://lernen.example.org".into(),
            account: "3f1c2a9e-0000-4000-8000-000000000001".into(),
            name: None,
        };
        let course = Activity::course(None, &course());
        SessionFacts {
            registration: registration(&actor, &course.id),
            actor,
            session: Uuid::new_v4(),
            course,
        }
    }

    fn at(second: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_796_000_000 + second).unwrap()
    }

    /// Every statement kurs can make for the test course, in a session's order.
    pub(crate) fn every_statement() -> Vec<Value> {
        let (facts, course) = (facts(), course());
        let module = &course.modules[0];
        let module_activity = Activity::module(&facts.course, module);
        let quiz = module.quiz.as_ref().unwrap();
        let answers = [
            Answer::Single(0),
            Answer::Multiple(BTreeSet::from([0, 1])),
            Answer::TrueFalse(false),
            Answer::Text("Pass wort".into()),
            Answer::Order(vec![1, 0]),
            // One pair of three right, a number in the range of half the point.
            Answer::Match(vec![Some(0), Some(2), Some(3)]),
            Answer::Number(4.5),
        ];
        let mut events = vec![
            (Event::Initialized, facts.course.clone()),
            (
                Event::Experienced,
                Activity::section(&facts.course, module, 0),
            ),
        ];
        for (question, answer) in quiz.questions.iter().zip(&answers) {
            events.push((
                Event::Answered {
                    credit: crate::quiz::grade(question, answer),
                    response: response(answer),
                },
                Activity::question(&facts.course, module, question),
            ));
        }
        events.push((
            Event::Attempt {
                passed: false,
                score: Score {
                    points: Points::whole(2),
                    max: 5,
                },
                pass_percent: 80,
                duration_ms: Some(61_250),
            },
            module_activity.clone(),
        ));
        events.push((
            Event::Attempt {
                passed: true,
                score: Score {
                    points: Points::whole(5),
                    max: 5,
                },
                pass_percent: 80,
                duration_ms: None,
            },
            module_activity.clone(),
        ));
        events.push((Event::Completed, module_activity));
        events.push((
            Event::Terminated {
                duration_ms: 3_723_040,
            },
            facts.course.clone(),
        ));
        events
            .iter()
            .enumerate()
            .map(|(i, (event, object))| {
                statement(&facts, event, object, Uuid::new_v4(), at(i as i64))
            })
            .collect()
    }

    #[test]
    fn every_statement_kurs_makes_keeps_the_xapi_rules() {
        for statement in every_statement() {
            assert_eq!(
                check_statement(&statement),
                Vec::<String>::new(),
                "{statement:#}"
            );
        }
    }

    #[test]
    fn a_session_of_every_statement_keeps_the_cmi5_order() {
        assert_eq!(check_sessions(&every_statement()), Vec::<String>::new());
    }

    #[test]
    fn the_actor_is_an_account_and_nothing_else_about_the_learner() {
        let actor = facts().actor.to_json();
        assert_eq!(
            actor,
            json!({"objectType": "Agent", "account": {
                "homePage": "https://lernen.example.org",
                "name": "3f1c2a9e-0000-4000-8000-000000000001"}})
        );
    }

    #[test]
    fn activity_iris_are_stable_and_ids_cannot_reach_into_another_activity() {
        let base = course_iri(None, "sicher-online");
        assert_eq!(base, "urn:kurs:sicher-online");
        assert_eq!(
            question_iri(&base, "m 1", "q/1"),
            "urn:kurs:sicher-online/m%201/q%2F1"
        );
        assert_eq!(
            course_iri(Some("https://kurse.example.org/sicher/"), "x"),
            "https://kurse.example.org/sicher"
        );
        assert_eq!(
            section_iri(&base, "m", 0),
            "urn:kurs:sicher-online/m#section-1"
        );
    }

    #[test]
    fn questions_carry_their_interaction_type_and_the_right_response() {
        let statements = every_statement();
        let kinds: Vec<&str> = statements
            .iter()
            .filter_map(|s| s.pointer("/object/definition/interactionType")?.as_str())
            .collect();
        assert_eq!(
            kinds,
            [
                "choice",
                "choice",
                "true-false",
                "fill-in",
                "sequencing",
                "matching",
                "numeric"
            ]
        );
        let patterns: Vec<&Value> = statements
            .iter()
            .filter_map(|s| s.pointer("/object/definition/correctResponsesPattern"))
            .collect();
        assert_eq!(patterns[1], &json!(["c1"]));
        assert_eq!(patterns[4], &json!(["c1[,]c2"]));
        assert_eq!(
            statements[3]["result"],
            json!({"success": false, "response": "c1[,]c2"})
        );
        assert_eq!(patterns[5], &json!(["s1[.]t1[,]s2[.]t2[,]s3[.]t3"]));
        assert_eq!(patterns[6], &json!(["4.6[:]4.8"]));
        let matching = &statements[7]["object"]["definition"];
        assert_eq!(
            matching["source"][1],
            json!({"id": "s2", "description": {"de": "Spam"}})
        );
        assert_eq!(
            matching["target"][3],
            json!({"id": "t4", "description": {"de": "Fax"}})
        );
    }

    #[test]
    fn a_partly_right_answer_is_no_success_and_carries_its_score() {
        let statements = every_statement();
        assert_eq!(
            statements[7]["result"],
            json!({"success": false, "response": "s1[.]t1[,]s2[.]t3[,]s3[.]t4",
                   "score": {"scaled": 0.33, "raw": 0.33, "min": 0, "max": 1}})
        );
        assert_eq!(statements[8]["result"]["response"], json!("4.5"));
        assert_eq!(statements[8]["result"]["score"]["scaled"], json!(0.5));
    }

    #[test]
    fn an_attempt_has_its_score_duration_and_pass_mark() {
        let failed = &every_statement()[9];
        assert_eq!(
            failed["verb"]["id"],
            "http://adlnet.gov/expapi/verbs/failed"
        );
        assert_eq!(
            failed["result"],
            json!({"score": {"scaled": 0.4, "raw": 2, "min": 0, "max": 5},
                   "success": false, "duration": "PT1M1.25S"})
        );
        assert_eq!(failed["context"]["extensions"][MASTERY_SCORE], json!(0.8));
    }

    #[test]
    fn names_are_in_the_courses_language_and_a_bad_tag_is_undetermined() {
        let statement = &every_statement()[0];
        assert_eq!(
            statement["object"]["definition"]["name"],
            json!({"de": "Sicher online"})
        );
        assert_eq!(language_tag("de_DE"), "und");
        assert_eq!(language_tag("de-CH"), "de-CH");
    }

    #[test]
    fn durations_are_iso_8601_with_hundredths() {
        assert_eq!(duration(0), "PT0S");
        assert_eq!(duration(1_500), "PT1.50S");
        assert_eq!(duration(3_723_040), "PT1H2M3.04S");
        assert_eq!(duration(3_600_000), "PT1H");
    }

    #[test]
    fn the_registration_is_the_same_in_every_session_of_a_learner_in_a_course() {
        let facts = facts();
        assert_eq!(
            registration(&facts.actor, "urn:kurs:a"),
            registration(&facts.actor, "urn:kurs:a")
        );
        assert_ne!(
            registration(&facts.actor, "urn:kurs:a"),
            registration(&facts.actor, "urn:kurs:b")
        );
    }
}
