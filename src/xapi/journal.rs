//! The learner's moves as statements, in cmi5's order: each course the learner works in during
//! a player session gets its own session id, `initialized` before its first statement and
//! `terminated` (with the session's length) when the player ends. Every statement goes to the
//! outbox at once; the courier, when there is an LRS, is woken to send it.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use serde_json::Value;
use uuid::Uuid;

use super::outbox::{Outbox, OutboxError};
use super::send::Courier;
use super::statement::{
    Activity, Actor, Event, Score, SessionFacts, registration, response, statement,
};
use crate::course::{Course, Module, Question, Quiz};
use crate::quiz::{Answer, Credit, Run};

/// One course's part of the player session.
struct Open {
    facts: SessionFacts,
    started: Instant,
    /// Sections already `experienced` this session (scrolling past one again says nothing new).
    experienced: BTreeSet<String>,
    /// Modules `passed` or `completed` this session: cmi5 allows each once.
    passed: BTreeSet<String>,
    completed: BTreeSet<String>,
    /// When the current attempt at a module's quiz began (its first answer).
    attempt_began: BTreeMap<String, Instant>,
    /// The course itself passed (its exam) or completed (its certificate) this session.
    course_passed: bool,
    course_completed: bool,
}

/// The statements of one player session.
pub struct Journal {
    outbox: Outbox,
    actor: Actor,
    sessions: BTreeMap<String, Open>,
    courier: Option<Courier>,
    /// Statements the outbox could not take yet; tried again with the next ones.
    unsaved: Vec<Value>,
    /// The last outbox problem, to tell the learner once.
    problem: Option<OutboxError>,
    last_time: Option<jiff::Timestamp>,
    finished: bool,
}

impl Journal {
    pub fn new(outbox: Outbox, actor: Actor, courier: Option<Courier>) -> Journal {
        Journal {
            outbox,
            actor,
            sessions: BTreeMap::new(),
            courier,
            unsaved: Vec::new(),
            problem: None,
            last_time: None,
            finished: false,
        }
    }

    /// A section of a module was opened.
    pub fn section(&mut self, course: &Course, module: &Module, section: usize) {
        let object = Activity::section(&self.course_activity(course), module, section);
        let open = self.open(course);
        if open.experienced.insert(object.id.clone()) {
            self.record(course, Event::Experienced, &object);
        }
    }

    /// A question of a module's quiz was answered.
    pub fn answer(
        &mut self,
        course: &Course,
        module: &Module,
        question: &Question,
        answer: &Answer,
        credit: Credit,
    ) {
        let object = Activity::question(&self.course_activity(course), module, question);
        self.open(course)
            .attempt_began
            .entry(module.id.clone())
            .or_insert_with(Instant::now);
        let event = Event::Answered {
            credit,
            response: response(answer),
        };
        self.record(course, event, &object);
    }

    /// An attempt at a module's quiz ended. A module passed in this session is not passed or
    /// failed again in it (cmi5); the answers of a later attempt are still recorded.
    pub fn attempt(&mut self, course: &Course, module: &Module, quiz: &Quiz, run: &Run) {
        let object = Activity::module(&self.course_activity(course), module);
        let passed = run.passed(quiz);
        let open = self.open(course);
        let began = open.attempt_began.remove(&module.id);
        if open.passed.contains(&module.id) || (passed && !open.passed.insert(module.id.clone())) {
            return;
        }
        let (points, max) = run.score();
        let event = Event::Attempt {
            passed,
            score: Score { points, max },
            pass_percent: quiz.pass_percent,
            duration_ms: began.map(|b| millis(b.elapsed())),
        };
        self.record(course, event, &object);
    }

    /// The module was marked "Gelernt" (taking the mark away sends nothing).
    pub fn completed(&mut self, course: &Course, module: &Module) {
        let object = Activity::module(&self.course_activity(course), module);
        if self.open(course).completed.insert(module.id.clone()) {
            self.record(course, Event::Completed, &object);
        }
    }

    /// The course's final exam was handed in: `passed` or `failed` of the course activity, with
    /// the score, the exam's pass mark and the time spent over every sitting. As with a module,
    /// a course passed in this session is not passed or failed again in it (cmi5).
    pub fn exam(
        &mut self,
        course: &Course,
        passed: bool,
        score: Score,
        pass_percent: u8,
        seconds: u64,
    ) {
        let object = self.course_activity(course);
        let open = self.open(course);
        if open.course_passed {
            return;
        }
        open.course_passed = passed;
        let event = Event::Attempt {
            passed,
            score,
            pass_percent,
            duration_ms: Some(seconds.saturating_mul(1000)),
        };
        self.record(course, event, &object);
    }

    /// A certificate of the course was issued: `completed` of the course activity, once.
    pub fn certified(&mut self, course: &Course) {
        let object = self.course_activity(course);
        let open = self.open(course);
        if !open.course_completed {
            open.course_completed = true;
            self.record(course, Event::Completed, &object);
        }
    }

    /// `terminated` for every course of the session, then one last try at sending.
    pub fn finish(&mut self) {
        if self.finished {
            return;
        }
        self.finished = true;
        let sessions = std::mem::take(&mut self.sessions);
        let mut statements = Vec::new();
        for open in sessions.values() {
            let event = Event::Terminated {
                duration_ms: millis(open.started.elapsed()),
            };
            statements.push(self.make(&open.facts, &event, &open.facts.course.clone()));
        }
        self.store(statements);
        if let Some(courier) = self.courier.take() {
            courier.finish(std::time::Duration::from_secs(3));
        }
    }

    /// How many statements wait for an LRS that could not be reached at the last try.
    pub fn waiting_unsent(&self) -> Option<usize> {
        self.courier.as_ref().and_then(Courier::waiting_unsent)
    }

    /// The outbox problem not told yet, if any.
    pub fn take_problem(&mut self) -> Option<OutboxError> {
        self.problem.take()
    }

    /// Statements that could not be written to the outbox; lost when the program ends.
    pub fn unsaved(&self) -> usize {
        self.unsaved.len()
    }

    fn course_activity(&self, course: &Course) -> Activity {
        Activity::course(course.xapi_activity_base.as_deref(), course)
    }

    /// The course's part of the session, begun (with `initialized`) when it is new.
    fn open(&mut self, course: &Course) -> &mut Open {
        if !self.sessions.contains_key(&course.id) {
            let activity = self.course_activity(course);
            let facts = SessionFacts {
                actor: self.actor.clone(),
                session: Uuid::new_v4(),
                registration: registration(&self.actor, &activity.id),
                course: activity.clone(),
            };
            let initialized = self.make(&facts, &Event::Initialized, &activity);
            self.store(vec![initialized]);
            self.sessions.insert(
                course.id.clone(),
                Open {
                    facts,
                    started: Instant::now(),
                    experienced: BTreeSet::new(),
                    passed: BTreeSet::new(),
                    completed: BTreeSet::new(),
                    attempt_began: BTreeMap::new(),
                    course_passed: false,
                    course_completed: false,
                },
            );
        }
        self.sessions.get_mut(&course.id).expect("inserted above")
    }

    fn record(&mut self, course: &Course, event: Event, object: &Activity) {
        let facts = self.open(course).facts.clone();
        let made = self.make(&facts, &event, object);
        self.store(vec![made]);
    }

    /// A statement with a new id and a time that never goes back (a clock set back mid-session
    /// must not put a statement before the one it follows).
    fn make(&mut self, facts: &SessionFacts, event: &Event, object: &Activity) -> Value {
        let now = jiff::Timestamp::now();
        let time = match self.last_time {
            Some(last) if last > now => last,
            _ => now,
        };
        self.last_time = Some(time);
        statement(facts, event, object, Uuid::new_v4(), time)
    }

    fn store(&mut self, statements: Vec<Value>) {
        self.unsaved.extend(statements);
        match self.outbox.append(&self.unsaved) {
            Ok(()) => {
                self.unsaved.clear();
                if let Some(courier) = &self.courier {
                    courier.wake();
                }
            }
            Err(error) => self.problem = Some(error),
        }
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        self.finish();
    }
}

fn millis(duration: std::time::Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::quiz::Shuffler;
    use crate::xapi::check::{check_sessions, check_statement};
    use crate::xapi::statement::tests::{course, facts};

    fn journal(dir: &tempfile::TempDir) -> (Journal, Outbox) {
        let outbox = Outbox::beside(&dir.path().join("progress.toml"));
        (Journal::new(outbox.clone(), facts().actor, None), outbox)
    }

    fn verbs(statements: &[Value]) -> Vec<&str> {
        statements
            .iter()
            .map(|s| {
                s["verb"]["id"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
            })
            .collect()
    }

    /// A session in which the learner reads, fails, passes, passes again and marks "Gelernt".
    fn played(journal: &mut Journal) {
        let course = course();
        let module = &course.modules[0];
        let quiz = module.quiz.as_ref().unwrap();
        journal.section(&course, module, 0);
        journal.section(&course, module, 0);
        for round in 0..3 {
            let mut run = Run::start(quiz, &mut Shuffler::new(Some(1)));
            for position in 0..run.asked.len() {
                let question = &quiz.questions[run.asked[position].question];
                let answer = match round {
                    0 => wrong(question),
                    _ => right(question),
                };
                let correct = run.answer(quiz, position, answer.clone()).unwrap();
                journal.answer(&course, module, question, &answer, correct);
            }
            journal.attempt(&course, module, quiz, &run);
        }
        journal.completed(&course, module);
        journal.completed(&course, module);
        journal.finish();
    }

    /// A wrong answer of the question's own shape, as the players give.
    fn wrong(question: &Question) -> Answer {
        use crate::course::QuestionKind;
        match &question.kind {
            QuestionKind::Single { choices } => {
                Answer::Single(choices.iter().position(|c| !c.correct).unwrap())
            }
            QuestionKind::Multiple { .. } => Answer::Multiple(BTreeSet::new()),
            QuestionKind::TrueFalse { answer } => Answer::TrueFalse(!*answer),
            QuestionKind::Text { .. } => Answer::Text("falsch".into()),
            QuestionKind::Order { items } => Answer::Order((0..items.len()).rev().collect()),
            QuestionKind::Match { pairs, .. } => Answer::Match(vec![None; pairs.len()]),
            QuestionKind::Numeric { .. } => Answer::Number(1e6),
        }
    }

    fn right(question: &Question) -> Answer {
        use crate::course::QuestionKind;
        match &question.kind {
            QuestionKind::Single { choices } => {
                Answer::Single(choices.iter().position(|c| c.correct).unwrap())
            }
            QuestionKind::Multiple { choices } => Answer::Multiple(
                (0..choices.len())
                    .filter(|&i| choices[i].correct)
                    .collect::<BTreeSet<_>>(),
            ),
            QuestionKind::TrueFalse { answer } => Answer::TrueFalse(*answer),
            QuestionKind::Text { accept } => Answer::Text(accept[0].text.clone()),
            QuestionKind::Order { items } => Answer::Order((0..items.len()).collect()),
            QuestionKind::Match { pairs, .. } => {
                Answer::Match((0..pairs.len()).map(Some).collect())
            }
            QuestionKind::Numeric { right, .. } => Answer::Number(right.bounds().0),
        }
    }

    #[test]
    fn a_session_is_recorded_in_the_cmi5_order_and_every_statement_keeps_the_rules() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, outbox) = journal(&dir);
        played(&mut journal);
        let statements = outbox.pending().unwrap();
        let answered = ["answered"; 7];
        let mut expected = vec!["initialized", "experienced"];
        expected.extend(answered);
        expected.push("failed");
        expected.extend(answered);
        expected.push("passed");
        expected.extend(answered);
        expected.extend(["completed", "terminated"]);
        assert_eq!(verbs(&statements), expected);
        assert_eq!(check_sessions(&statements), Vec::<String>::new());
        for statement in &statements {
            assert_eq!(
                check_statement(statement),
                Vec::<String>::new(),
                "{statement:#}"
            );
        }
    }

    #[test]
    fn every_statement_of_a_session_has_its_session_id_and_a_new_id() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, outbox) = journal(&dir);
        played(&mut journal);
        let statements = outbox.pending().unwrap();
        let sessions: BTreeSet<String> = statements
            .iter()
            .map(|s| s["context"]["extensions"][crate::xapi::statement::SESSION_ID].to_string())
            .collect();
        assert_eq!(sessions.len(), 1);
        let ids: BTreeSet<String> = statements.iter().map(|s| s["id"].to_string()).collect();
        assert_eq!(ids.len(), statements.len());
    }

    #[test]
    fn a_journal_dropped_without_finishing_still_terminates_its_sessions() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, outbox) = journal(&dir);
        let course = course();
        journal.section(&course, &course.modules[0], 0);
        drop(journal);
        assert_eq!(
            verbs(&outbox.pending().unwrap()),
            ["initialized", "experienced", "terminated"]
        );
    }

    #[test]
    fn an_exam_is_passed_or_failed_on_the_course_and_a_certificate_completes_it() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, outbox) = journal(&dir);
        let course = course();
        let score = |points| Score {
            points: crate::progress::Points::whole(points),
            max: 10,
        };
        journal.exam(&course, false, score(4), 70, 600);
        journal.exam(&course, true, score(9), 70, 1_500);
        // Passed once in a session is enough (cmi5): a later sitting is not sent again.
        journal.exam(&course, true, score(10), 70, 60);
        journal.certified(&course);
        journal.certified(&course);
        journal.finish();
        let statements = outbox.pending().unwrap();
        assert_eq!(
            verbs(&statements),
            ["initialized", "failed", "passed", "completed", "terminated"]
        );
        let course_iri = statements[0]["object"]["id"].clone();
        for s in &statements[1..4] {
            assert_eq!(
                s["object"]["id"], course_iri,
                "on the course activity: {s:#}"
            );
        }
        let passed = &statements[2];
        assert_eq!(passed["result"]["score"]["raw"], 9);
        assert_eq!(passed["result"]["score"]["max"], 10);
        assert_eq!(passed["result"]["success"], true);
        assert_eq!(passed["result"]["duration"], "PT25M");
        assert_eq!(
            passed["context"]["extensions"][crate::xapi::statement::MASTERY_SCORE],
            0.7
        );
        assert_eq!(check_sessions(&statements), Vec::<String>::new());
        for statement in &statements {
            assert_eq!(
                check_statement(statement),
                Vec::<String>::new(),
                "{statement:#}"
            );
        }
    }

    #[test]
    fn a_session_that_records_nothing_sends_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (mut journal, outbox) = journal(&dir);
        journal.finish();
        assert_eq!(outbox.count().unwrap(), 0);
    }
}
