//! The organisation's view of a course for `kurs report`: the statements an LRS holds about the
//! course's activities, turned into one row per learner and module (status, best score, last
//! activity) and one for the final exam. Pure: statements come in as values, one at a time, so a
//! report of many pages never holds them all; `render.rs` writes the rows as a table, CSV or JSON.

pub mod render;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::{Number, Value};

use super::statement::{Verb, course_iri, module_iri, timestamp_text};
use crate::course::Course;
use crate::i18n::{Lang, T};

/// What a course's report is about: its activity IRIs as kurs makes them, in course order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub course_id: String,
    pub title: String,
    /// The course's `language` tag, which picks the table's language.
    pub language: String,
    /// The course activity: the object of `initialized`, `terminated` and the exam's result.
    pub activity: String,
    pub modules: Vec<PlannedModule>,
    /// The exam's title, its default in the course's language when it has none.
    pub exam_title: String,
    /// Whether the course has a final exam.
    pub has_exam: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedModule {
    pub id: String,
    /// Code and title, as the learner sees it.
    pub label: String,
    pub activity: String,
}

impl Plan {
    pub fn of(course: &Course) -> Plan {
        let activity = course_iri(course.xapi_activity_base.as_deref(), &course.id);
        Plan {
            course_id: course.id.clone(),
            title: course.title.clone(),
            language: course.language.clone(),
            modules: course
                .modules
                .iter()
                .map(|m| PlannedModule {
                    id: m.id.clone(),
                    label: Course::module_label(m),
                    activity: module_iri(&activity, &m.id),
                })
                .collect(),
            exam_title: course
                .exam
                .as_ref()
                .and_then(|e| e.title.clone())
                .unwrap_or_else(|| {
                    let lang = Lang::from_tag(&course.language).unwrap_or(Lang::En);
                    T::ExamDefaultTitle.get(lang).to_string()
                }),
            has_exam: course.exam.is_some(),
            activity,
        }
    }
}

/// How far a learner is in a module or the exam, best last: a passed quiz outranks a failed one
/// (a learner who passed once has passed), a failed quiz outranks "Gelernt" (the learner still
/// has to pass it), and "Gelernt" outranks having only read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    Started,
    Learned,
    Failed,
    Passed,
}

impl Status {
    /// The word in CSV and JSON, the same as serde's.
    pub fn word(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::Started => "started",
            Status::Learned => "learned",
            Status::Failed => "failed",
            Status::Passed => "passed",
        }
    }
}

/// Whether a row is about a module or about the course's final exam.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Module,
    Exam,
}

/// A result's score as the LRS holds it: `raw` and `max` as sent (kept as JSON numbers, so `5`
/// stays `5`), `scaled` from the statement or worked out from them.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub scaled: f64,
    pub raw: Option<Number>,
    pub max: Option<Number>,
}

impl Score {
    /// The score of a `result`, when it has one that can be compared: a `scaled` within -1..1,
    /// else `raw` of a `max` above 0.
    fn of(result: &Value) -> Option<Score> {
        let score = result.get("score")?;
        let number = |key: &str| score.get(key).and_then(Value::as_number).cloned();
        let (raw, max) = (number("raw"), number("max"));
        let scaled = match score.get("scaled").and_then(Value::as_f64) {
            Some(scaled) if (-1.0..=1.0).contains(&scaled) => scaled,
            Some(_) => return None,
            None => {
                let raw = raw.as_ref()?.as_f64()?;
                let max = max.as_ref()?.as_f64().filter(|m| *m > 0.0)?;
                (raw / max).clamp(-1.0, 1.0)
            }
        };
        Some(Score { scaled, raw, max })
    }

    /// The percentage, rounded: `scaled` × 100.
    pub fn percent(&self) -> i32 {
        (self.scaled * 100.0).round() as i32
    }
}

/// What one learner did in one module, or in the exam.
#[derive(Clone, Debug, Default)]
struct Tallied {
    started: bool,
    learned: bool,
    failed: bool,
    passed: bool,
    attempts: u32,
    best: Option<Score>,
    last: Option<jiff::Timestamp>,
}

impl Tallied {
    fn status(&self) -> Status {
        if self.passed {
            Status::Passed
        } else if self.failed {
            Status::Failed
        } else if self.learned {
            Status::Learned
        } else if self.started {
            Status::Started
        } else {
            Status::NotStarted
        }
    }

    fn attempt(&mut self, passed: bool, score: Option<Score>) {
        self.attempts += 1;
        if passed {
            self.passed = true;
        } else {
            self.failed = true;
        }
        if let Some(score) = score
            && self
                .best
                .as_ref()
                .is_none_or(|best| score.scaled > best.scaled)
        {
            self.best = Some(score);
        }
    }
}

/// What a statement is about: the course itself, a module, or a section or question in one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Course,
    Module(usize),
    InModule(usize),
}

/// The learner as the LRS knows them: the account (or, from tools other than kurs, the mailbox
/// or OpenID), and the name the learner chose to share, if any.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct LearnerKey {
    /// Sorting first by the name as written ignoring case keeps `anna` beside `Anna`.
    folded: String,
    id: String,
    home_page: String,
}

#[derive(Clone, Debug)]
struct Learner {
    /// The shared name with the time of the statement it came from: the newest wins.
    name: Option<(String, Option<jiff::Timestamp>)>,
    modules: Vec<Tallied>,
    exam: Tallied,
}

/// The statements of one course, added one at a time.
#[derive(Clone, Debug)]
pub struct Tally {
    plan: Plan,
    /// Module activity IRI → its place in the course.
    modules: HashMap<String, usize>,
    learners: BTreeMap<LearnerKey, Learner>,
    /// Statements that went into the rows.
    counted: usize,
    /// Of those, the ones about a module, its sections or its questions.
    about_modules: usize,
    /// Statements left out: not about this course, an unknown verb, no learner kurs can name.
    ignored: usize,
}

impl Tally {
    pub fn new(plan: Plan) -> Tally {
        let modules = plan
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| (m.activity.clone(), i))
            .collect();
        Tally {
            plan,
            modules,
            learners: BTreeMap::new(),
            counted: 0,
            about_modules: 0,
            ignored: 0,
        }
    }

    /// Adds one statement from the LRS. Anything that is not a statement of one of kurs's verbs
    /// about this course's activities is left out, whatever the LRS sent: an LRS that does not
    /// honour the `activity` filter cannot put another course's records into the rows.
    pub fn add(&mut self, statement: &Value) {
        if !self.added(statement) {
            self.ignored += 1;
        }
    }

    fn added(&mut self, statement: &Value) -> bool {
        let Some(verb) = statement
            .pointer("/verb/id")
            .and_then(Value::as_str)
            .and_then(Verb::of_iri)
        else {
            return false;
        };
        let Some(object) = statement.pointer("/object/id").and_then(Value::as_str) else {
            return false;
        };
        // Statements about statements (SubStatement, StatementRef) are not about an activity.
        if statement
            .pointer("/object/objectType")
            .and_then(Value::as_str)
            .is_some_and(|kind| kind != "Activity")
        {
            return false;
        }
        let place = if object == self.plan.activity {
            Place::Course
        } else {
            match self.module_of(object) {
                Some(module) if object == self.plan.modules[module].activity => {
                    Place::Module(module)
                }
                Some(module) => Place::InModule(module),
                None => return false,
            }
        };
        let Some((key, name)) = learner(statement) else {
            return false;
        };
        let time = ["/timestamp", "/stored"].iter().find_map(|pointer| {
            statement
                .pointer(pointer)
                .and_then(Value::as_str)
                .and_then(|text| text.parse::<jiff::Timestamp>().ok())
        });
        let count = self.plan.modules.len();
        let learner = self.learners.entry(key).or_insert_with(|| Learner {
            name: None,
            modules: vec![Tallied::default(); count],
            exam: Tallied::default(),
        });
        if let Some(name) = name
            && learner.name.as_ref().is_none_or(|(_, at)| time >= *at)
        {
            learner.name = Some((name, time));
        }
        let tallied = match place {
            // The course itself: the session's start and end, and the exam's result.
            Place::Course if !matches!(verb, Verb::Passed | Verb::Failed) => {
                self.counted += 1;
                return true;
            }
            Place::Course => &mut learner.exam,
            Place::Module(module) | Place::InModule(module) => {
                self.about_modules += 1;
                &mut learner.modules[module]
            }
        };
        match (verb, place) {
            (Verb::Passed | Verb::Failed, Place::Course | Place::Module(_)) => {
                let score = statement.get("result").and_then(Score::of);
                tallied.attempt(verb == Verb::Passed, score);
            }
            (Verb::Completed, Place::Module(_)) => tallied.learned = true,
            // Reading a section, answering a question: the module is begun.
            _ => tallied.started = true,
        }
        if time > tallied.last {
            tallied.last = time;
        }
        self.counted += 1;
        true
    }

    /// How many statements about the course's modules (or their sections and questions) came
    /// in. None while the course's own statements did means the learners only opened the course,
    /// or the LRS did not apply `related_activities` (Ralph's Elasticsearch and MongoDB back ends
    /// do not; its file back end's activity filter finds nothing at all).
    pub fn about_modules(&self) -> usize {
        self.about_modules
    }

    /// The module an activity belongs to: the module itself, or one of its sections
    /// (`…/m1#section-2`) or questions (`…/m1/q1`). Module ids are one percent-encoded IRI
    /// segment, so `…/m1` never claims `…/m10`.
    fn module_of(&self, object: &str) -> Option<usize> {
        let rest = object
            .strip_prefix(&self.plan.activity)?
            .strip_prefix('/')?;
        let segment = rest.split(['/', '#']).next()?;
        let module = &object[..self.plan.activity.len() + 1 + segment.len()];
        self.modules.get(module).copied()
    }

    /// The rows: every learner seen, sorted by name, with every module in course order and the
    /// exam last when the course has one (or a learner has an exam result).
    pub fn report(&self, complete: bool) -> CourseReport {
        let mut rows = Vec::new();
        for (key, learner) in &self.learners {
            let name = learner.name.as_ref().map(|(name, _)| name.clone());
            let row = |part, module_id: Option<&str>, title: &str, tallied: &Tallied| Row {
                course_id: self.plan.course_id.clone(),
                learner: key.id.clone(),
                learner_name: name.clone(),
                home_page: key.home_page.clone(),
                part,
                module_id: module_id.map(str::to_string),
                title: title.to_string(),
                status: tallied.status(),
                learned: tallied.learned,
                attempts: tallied.attempts,
                best_raw: tallied.best.as_ref().and_then(|s| s.raw.clone()),
                best_max: tallied.best.as_ref().and_then(|s| s.max.clone()),
                best_scaled: tallied.best.as_ref().map(|s| s.scaled),
                best_percent: tallied.best.as_ref().map(Score::percent),
                last_activity: tallied.last,
            };
            for (module, tallied) in self.plan.modules.iter().zip(&learner.modules) {
                rows.push(row(Part::Module, Some(&module.id), &module.label, tallied));
            }
            let exam_seen = learner.exam.attempts > 0;
            if self.plan.has_exam || exam_seen {
                let title = &self.plan.exam_title;
                rows.push(row(Part::Exam, None, title, &learner.exam));
            }
        }
        CourseReport {
            id: self.plan.course_id.clone(),
            title: self.plan.title.clone(),
            language: self.plan.language.clone(),
            activity: self.plan.activity.clone(),
            learners: self.learners.len(),
            statements: self.counted,
            ignored: self.ignored,
            complete,
            rows,
        }
    }
}

/// The learner of a statement with the name they shared; `None` for a Group or an actor kurs
/// cannot tell apart from others.
fn learner(statement: &Value) -> Option<(LearnerKey, Option<String>)> {
    let actor = statement.get("actor")?;
    if actor.get("objectType").and_then(Value::as_str) == Some("Group") {
        return None;
    }
    let text = |pointer: &str| {
        actor
            .pointer(pointer)
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
    };
    let (id, home_page) = if let Some(name) = text("/account/name") {
        (name, text("/account/homePage").unwrap_or_default())
    } else if let Some(mbox) = text("/mbox") {
        (mbox.strip_prefix("mailto:").unwrap_or(mbox), "")
    } else if let Some(id) = text("/openid").or_else(|| text("/mbox_sha1sum")) {
        (id, "")
    } else {
        return None;
    };
    let key = LearnerKey {
        folded: id.to_lowercase(),
        id: id.to_string(),
        home_page: home_page.to_string(),
    };
    Some((key, text("/name").map(str::to_string)))
}

/// One course's report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CourseReport {
    pub id: String,
    pub title: String,
    #[serde(skip)]
    pub language: String,
    /// The course's activity IRI the LRS was asked about.
    pub activity: String,
    /// How many learners have records in the course.
    pub learners: usize,
    /// How many statements went into the rows.
    pub statements: usize,
    /// How many statements the LRS sent that are not kurs's records of this course.
    pub ignored: usize,
    /// `false` when reading stopped at kurs's bound before the LRS's last page.
    pub complete: bool,
    pub rows: Vec<Row>,
}

/// One learner in one module, or in the exam: the fields of CSV and JSON alike, in this order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub course_id: String,
    /// The account name (the learner id), else the mailbox or OpenID of a tool other than kurs.
    pub learner: String,
    /// The name, when the learner shared it (`share_name = true`).
    pub learner_name: Option<String>,
    /// The account's `homePage`: the organisation's site.
    pub home_page: String,
    pub part: Part,
    /// The module's id; `None` for the exam.
    pub module_id: Option<String>,
    /// The module's code and title, or the exam's title (by default "Abschlusstest" or
    /// "Final test", in the course's language).
    pub title: String,
    pub status: Status,
    /// Whether the learner marked the module "Gelernt".
    pub learned: bool,
    /// Quiz (or exam) attempts with a result: `passed` and `failed` statements.
    pub attempts: u32,
    pub best_raw: Option<Number>,
    pub best_max: Option<Number>,
    pub best_scaled: Option<f64>,
    pub best_percent: Option<i32>,
    /// The newest statement's time, in UTC with milliseconds (RFC 3339).
    #[serde(serialize_with = "serialize_time")]
    pub last_activity: Option<jiff::Timestamp>,
}

fn serialize_time<S: serde::Serializer>(
    time: &Option<jiff::Timestamp>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => serializer.serialize_str(&timestamp_text(*time)),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::json;
    use uuid::Uuid;

    use super::*;
    use crate::course::{Exam, Module};
    use crate::xapi::statement::tests::{course, facts};
    use crate::xapi::statement::{
        Activity, Actor, Event, Score as Points, SessionFacts, statement,
    };

    pub(crate) fn at(minute: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_796_000_000 + minute * 60).unwrap()
    }

    /// The test course with a second module and an exam.
    pub(crate) fn two_modules() -> Course {
        let mut course = course();
        let mut second: Module = course.modules[0].clone();
        second.id = "m2".into();
        second.code = Some("A2".into());
        second.title = "Passwörter".into();
        course.modules.push(second);
        course.exam = Some(Exam {
            title: None,
            questions: 5,
            pass_percent: 80,
            time_limit_minutes: None,
            modules_first: false,
            own: Vec::new(),
        });
        course
    }

    pub(crate) fn learner_facts(account: &str, name: Option<&str>) -> SessionFacts {
        let mut facts = facts();
        facts.actor = Actor {
            account: account.into(),
            name: name.map(str::to_string),
            ..facts.actor
        };
        facts
    }

    /// One statement of `facts`' learner about module `module` (by place), its section or
    /// question, or the course (`None`), at `minute`.
    pub(crate) fn said(
        facts: &SessionFacts,
        event: Event,
        module: Option<usize>,
        minute: i64,
    ) -> Value {
        let course = two_modules();
        let object = match (module, &event) {
            (None, _) => facts.course.clone(),
            (Some(m), Event::Experienced) => {
                Activity::section(&facts.course, &course.modules[m], 0)
            }
            (Some(m), Event::Answered { .. }) => {
                let module = &course.modules[m];
                Activity::question(
                    &facts.course,
                    module,
                    &module.quiz.as_ref().unwrap().questions[0],
                )
            }
            (Some(m), _) => Activity::module(&facts.course, &course.modules[m]),
        };
        statement(facts, &event, &object, Uuid::new_v4(), at(minute))
    }

    pub(crate) fn attempt(passed: bool, points: u32, max: u32) -> Event {
        Event::Attempt {
            passed,
            score: Points {
                points: crate::progress::Points::whole(points),
                max,
            },
            pass_percent: 80,
            duration_ms: None,
        }
    }

    fn tally(statements: &[Value]) -> CourseReport {
        let mut tally = Tally::new(Plan::of(&two_modules()));
        for statement in statements {
            tally.add(statement);
        }
        tally.report(true)
    }

    fn summary(report: &CourseReport) -> Vec<(String, String, Status, Option<i32>)> {
        report
            .rows
            .iter()
            .map(|r| {
                (
                    r.learner.clone(),
                    r.module_id.clone().unwrap_or("exam".into()),
                    r.status,
                    r.best_percent,
                )
            })
            .collect()
    }

    #[test]
    fn the_plan_names_the_activities_as_the_statements_do() {
        let plan = Plan::of(&two_modules());
        assert_eq!(plan.activity, "urn:kurs:sicher-online");
        assert_eq!(plan.modules[0].activity, "urn:kurs:sicher-online/m%201");
        assert_eq!(plan.modules[0].label, "A1 Erste Schritte");
        assert_eq!(
            (plan.has_exam, plan.exam_title.as_str()),
            (true, "Abschlusstest")
        );
    }

    #[test]
    fn reading_is_started_marking_is_learned_and_an_attempt_fails_or_passes() {
        let anna = learner_facts("anna", None);
        let report = tally(&[
            said(&anna, Event::Initialized, None, 0),
            said(&anna, Event::Experienced, Some(0), 1),
            said(&anna, Event::Completed, Some(1), 2),
        ]);
        assert_eq!(
            summary(&report),
            [
                ("anna".into(), "m 1".into(), Status::Started, None),
                ("anna".into(), "m2".into(), Status::Learned, None),
                ("anna".into(), "exam".into(), Status::NotStarted, None),
            ]
        );
        assert!(report.rows[1].learned);
    }

    #[test]
    fn a_failed_quiz_outranks_learned_and_a_pass_outranks_a_later_failure() {
        let anna = learner_facts("anna", None);
        let report = tally(&[
            said(&anna, Event::Completed, Some(0), 1),
            said(&anna, attempt(false, 2, 5), Some(0), 2),
            said(&anna, attempt(true, 5, 5), Some(1), 3),
            said(&anna, attempt(false, 1, 5), Some(1), 9),
        ]);
        assert_eq!(report.rows[0].status, Status::Failed);
        assert!(report.rows[0].learned);
        assert_eq!(report.rows[1].status, Status::Passed);
        assert_eq!(report.rows[1].attempts, 2);
    }

    #[test]
    fn the_best_score_is_the_highest_of_every_attempt_with_its_raw_points() {
        let anna = learner_facts("anna", None);
        let report = tally(&[
            said(&anna, attempt(false, 2, 5), Some(0), 1),
            said(&anna, attempt(false, 3, 5), Some(0), 2),
            said(&anna, attempt(false, 1, 5), Some(0), 3),
        ]);
        let row = &report.rows[0];
        assert_eq!(row.attempts, 3);
        assert_eq!(row.best_percent, Some(60));
        assert_eq!(row.best_raw, Some(Number::from(3)));
        assert_eq!(row.best_max, Some(Number::from(5)));
        assert_eq!(row.best_scaled, Some(0.6));
    }

    #[test]
    fn a_score_without_scaled_is_worked_out_and_a_scaled_out_of_range_is_left_out() {
        assert_eq!(
            Score::of(&json!({"score": {"raw": 3, "max": 4}})).map(|s| s.percent()),
            Some(75)
        );
        assert_eq!(Score::of(&json!({"score": {"scaled": 7.5}})), None);
        assert_eq!(Score::of(&json!({"score": {"raw": 3, "max": 0}})), None);
        assert_eq!(Score::of(&json!({"success": true})), None);
    }

    #[test]
    fn the_last_activity_is_the_newest_statement_of_the_module_sections_and_questions_included() {
        let anna = learner_facts("anna", None);
        let answered = Event::Answered {
            credit: crate::quiz::Credit::FULL,
            response: "c1".into(),
        };
        let report = tally(&[
            said(&anna, attempt(true, 5, 5), Some(0), 3),
            said(&anna, answered, Some(0), 7),
            said(&anna, Event::Experienced, Some(0), 5),
        ]);
        assert_eq!(report.rows[0].last_activity, Some(at(7)));
        assert_eq!(report.rows[1].last_activity, None);
    }

    #[test]
    fn the_exam_row_comes_from_passed_or_failed_on_the_course_activity() {
        let anna = learner_facts("anna", None);
        let report = tally(&[
            said(&anna, Event::Initialized, None, 0),
            said(&anna, attempt(false, 4, 10), None, 1),
            said(&anna, attempt(true, 9, 10), None, 2),
            said(&anna, Event::Terminated { duration_ms: 5 }, None, 3),
        ]);
        let exam = report.rows.last().unwrap();
        assert_eq!(exam.part, Part::Exam);
        assert_eq!(exam.module_id, None);
        assert_eq!(
            (exam.status, exam.attempts, exam.best_percent),
            (Status::Passed, 2, Some(90))
        );
        assert_eq!(exam.last_activity, Some(at(2)));
        assert_eq!(report.statements, 4);
    }

    #[test]
    fn statements_about_modules_are_counted_apart_from_the_courses_own() {
        let anna = learner_facts("anna", None);
        let mut tally = Tally::new(Plan::of(&two_modules()));
        tally.add(&said(&anna, Event::Initialized, None, 0));
        tally.add(&said(&anna, attempt(true, 9, 10), None, 1));
        assert_eq!(tally.about_modules(), 0);
        tally.add(&said(&anna, Event::Experienced, Some(1), 2));
        assert_eq!(tally.about_modules(), 1);
    }

    #[test]
    fn a_course_without_an_exam_has_no_exam_row_unless_a_result_came_in() {
        let mut course = two_modules();
        course.exam = None;
        let anna = learner_facts("anna", None);
        let mut tally = Tally::new(Plan::of(&course));
        tally.add(&said(&anna, Event::Experienced, Some(0), 0));
        assert_eq!(tally.report(true).rows.len(), 2);
        tally.add(&said(&anna, attempt(true, 1, 1), None, 1));
        assert_eq!(tally.report(true).rows.len(), 3);
    }

    #[test]
    fn unknown_verbs_other_courses_and_actors_without_an_id_are_left_out() {
        let anna = learner_facts("anna", None);
        let mut liked = said(&anna, Event::Experienced, Some(0), 9);
        liked["verb"]["id"] = json!("http://example.org/verbs/liked");
        let mut other = said(&anna, attempt(true, 5, 5), Some(0), 9);
        other["object"]["id"] = json!("urn:kurs:sicher-online-2/m%201");
        let mut longer = said(&anna, attempt(true, 5, 5), Some(0), 9);
        longer["object"]["id"] = json!("urn:kurs:sicher-online/m%2010");
        let mut group = said(&anna, attempt(true, 5, 5), Some(0), 9);
        group["actor"] = json!({"objectType": "Group", "member": []});
        let report = tally(&[liked, other, longer, group, json!("not a statement")]);
        assert_eq!(report.rows, Vec::<Row>::new());
        assert_eq!((report.statements, report.ignored), (0, 5));
    }

    #[test]
    fn two_learners_are_sorted_by_name_with_every_module_each() {
        let (zoe, anna) = (
            learner_facts("Zoe", None),
            learner_facts("anna", Some("Anna K.")),
        );
        let report = tally(&[
            said(&zoe, attempt(true, 5, 5), Some(1), 1),
            said(&anna, attempt(false, 1, 5), Some(0), 2),
        ]);
        assert_eq!(report.learners, 2);
        assert_eq!(
            summary(&report),
            [
                ("anna".into(), "m 1".into(), Status::Failed, Some(20)),
                ("anna".into(), "m2".into(), Status::NotStarted, None),
                ("anna".into(), "exam".into(), Status::NotStarted, None),
                ("Zoe".into(), "m 1".into(), Status::NotStarted, None),
                ("Zoe".into(), "m2".into(), Status::Passed, Some(100)),
                ("Zoe".into(), "exam".into(), Status::NotStarted, None),
            ]
        );
        assert_eq!(report.rows[0].learner_name.as_deref(), Some("Anna K."));
        assert_eq!(report.rows[3].learner_name, None);
    }

    #[test]
    fn the_newest_shared_name_is_the_learners_name() {
        let old = learner_facts("anna", Some("Anna Alt"));
        let new = learner_facts("anna", Some("Anna Neu"));
        let report = tally(&[
            said(&new, Event::Experienced, Some(0), 5),
            said(&old, Event::Experienced, Some(0), 1),
        ]);
        assert_eq!(report.rows[0].learner_name.as_deref(), Some("Anna Neu"));
    }

    #[test]
    fn a_mailbox_from_another_tool_names_the_learner_without_its_scheme() {
        let anna = learner_facts("anna", None);
        let mut statement = said(&anna, Event::Experienced, Some(0), 1);
        statement["actor"] = json!({"mbox": "mailto:ben@example.org"});
        let report = tally(&[statement]);
        assert_eq!(report.rows[0].learner, "ben@example.org");
        assert_eq!(report.rows[0].home_page, "");
    }

    #[test]
    fn rows_serialise_with_the_documented_field_names() {
        let anna = learner_facts("anna", None);
        let report = tally(&[said(&anna, attempt(false, 2, 5), Some(0), 1)]);
        assert_eq!(
            serde_json::to_value(&report.rows[0]).unwrap(),
            json!({
                "course_id": "sicher-online",
                "learner": "anna",
                "learner_name": null,
                "home_page": "https://lernen.example.org",
                "part": "module",
                "module_id": "m 1",
                "title": "A1 Erste Schritte",
                "status": "failed",
                "learned": false,
                "attempts": 1,
                "best_raw": 2,
                "best_max": 5,
                "best_scaled": 0.4,
                "best_percent": 40,
                "last_activity": "2026-11-30T00:54:20.000Z",
            })
        );
    }
}
