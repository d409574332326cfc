//! The final exam: questions drawn from every quiz of a course and the exam's own, answered in
//! any order with no feedback, flagged, timed, handed in, graded. Pure: the front ends tell it
//! how much time passed, and `session::Record` saves it with every move so it resumes.

use std::collections::BTreeMap;

use crate::course::{Course, Exam, Question};
use crate::progress::{
    ExamAttempt, ExamSlot, Points, RunningExam, StoredAnswer, StoredNumber, TimeTerms,
};
use crate::quiz::{Answer, Credit, Shuffler, display_order, grade};

/// One question of the exam as asked: where it comes from, the question, its display order.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// The module whose quiz holds it (its id); `None` for the exam's own questions.
    pub module: Option<String>,
    pub question: Question,
    /// Display position → choice or item, as in `quiz::Asked::order`.
    pub order: Vec<usize>,
}

impl Drawn {
    /// `module/question`, or `exam/question` for the exam's own: the key of results.
    pub fn key(&self) -> String {
        format!(
            "{}/{}",
            self.module.as_deref().unwrap_or("exam"),
            self.question.id
        )
    }
}

/// How the learner asked the time to be: `--time-factor` and `--untimed`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeChoice {
    /// In percent of the course's limit: `--time-factor 1.5` is 150.
    pub factor_percent: Option<u32>,
    pub untimed: bool,
}

/// The most a time factor may be: four times the time.
pub const MAX_TIME_FACTOR: f64 = 4.0;

/// A time factor as typed, in percent: a number from 1 to 4 (a comma as decimal mark is fine).
pub fn parse_time_factor(text: &str) -> Result<u32, String> {
    let number: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("--time-factor takes a number such as 1.5, not “{text}”"))?;
    if !(1.0..=MAX_TIME_FACTOR).contains(&number) {
        return Err(format!(
            "--time-factor takes a number from 1 to {MAX_TIME_FACTOR} (more time, never less), not {text}"
        ));
    }
    Ok((number * 100.0).round() as u32)
}

/// Minutes added each time the learner asks for more near the end.
pub const EXTENSION_MINUTES: u32 = 5;

/// Seconds before the end when the learner is warned and offered more time.
pub const WARNING_SECONDS: u64 = 60;

/// An exam under way.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamRun {
    pub drawn: Vec<Drawn>,
    pub answers: Vec<Option<Answer>>,
    pub flagged: Vec<bool>,
    pub current: usize,
    pub started_at: String,
    /// Seconds spent over every sitting, up to the last `spend`.
    pub used_seconds: u64,
    /// The time there is in all; `None`: untimed.
    pub limit_seconds: Option<u64>,
    pub terms: TimeTerms,
    pub pass_percent: u8,
}

/// Why an exam cannot start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Closed {
    /// The course has no `[exam]`.
    NoExam,
    /// Modules whose quiz is not passed yet (their labels), with `modules_first`.
    ModulesFirst(Vec<String>),
    /// No question to draw from (a course file changed since `kurs check`).
    NoQuestions,
}

/// The result of an exam handed in.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamResult {
    pub points: Points,
    pub max: u32,
    pub percent: u8,
    pub passed: bool,
    pub timed_out: bool,
    pub terms: TimeTerms,
    /// Per question as asked: how much of its point the answer earned.
    pub credits: Vec<Credit>,
}

impl ExamRun {
    /// Draws `exam.questions` questions at random from every module's quiz (the modules must be
    /// read in full) and the exam's own, each shown in a random order.
    pub fn draw(
        course: &Course,
        exam: &Exam,
        time: TimeChoice,
        shuffler: &mut Shuffler,
        now: &str,
    ) -> Result<ExamRun, Closed> {
        let mut pool: Vec<(Option<&str>, &Question)> = Vec::new();
        for module in &course.modules {
            if let Some(quiz) = &module.quiz {
                pool.extend(quiz.questions.iter().map(|q| (Some(module.id.as_str()), q)));
            }
        }
        pool.extend(exam.own.iter().map(|q| (None, q)));
        if pool.is_empty() {
            return Err(Closed::NoQuestions);
        }
        shuffler.shuffle(&mut pool);
        pool.truncate(exam.questions.max(1));
        let drawn: Vec<Drawn> = pool
            .into_iter()
            .map(|(module, question)| Drawn {
                module: module.map(str::to_owned),
                order: display_order(question, true, shuffler),
                question: question.clone(),
            })
            .collect();
        let terms = TimeTerms {
            factor_percent: time.factor_percent.map_or(0, clamp_factor),
            untimed: time.untimed && exam.time_limit_minutes.is_some(),
            extended_minutes: 0,
        };
        let limit_seconds = match (exam.time_limit_minutes, terms.untimed) {
            (Some(minutes), false) => Some(limit_for(minutes, terms.factor_percent, 0)),
            _ => None,
        };
        let n = drawn.len();
        Ok(ExamRun {
            drawn,
            answers: vec![None; n],
            flagged: vec![false; n],
            current: 0,
            started_at: now.to_owned(),
            used_seconds: 0,
            limit_seconds,
            terms,
            pass_percent: exam.pass_percent,
        })
    }

    /// The exam as saved; `from_stored` turns it back.
    pub fn to_stored(&self) -> RunningExam {
        RunningExam {
            started_at: self.started_at.clone(),
            current: self.current,
            used_seconds: self.used_seconds,
            limit_seconds: self.limit_seconds,
            terms: self.terms,
            questions: self
                .drawn
                .iter()
                .zip(&self.answers)
                .zip(&self.flagged)
                .map(|((drawn, answer), &flagged)| ExamSlot {
                    module: drawn.module.clone(),
                    id: drawn.question.id.clone(),
                    fingerprint: drawn.question.fingerprint(),
                    order: drawn.order.clone(),
                    answer: answer.as_ref().map(store_answer),
                    flagged,
                })
                .collect(),
        }
    }

    /// The exam under way as saved, with the questions of `course` (read in full). A question
    /// that is gone or changed since is left out (the count says how many); `None` when none is left.
    pub fn from_stored(
        course: &Course,
        exam: &Exam,
        stored: &RunningExam,
    ) -> Option<(ExamRun, usize)> {
        let mut run = ExamRun {
            drawn: Vec::new(),
            answers: Vec::new(),
            flagged: Vec::new(),
            current: 0,
            started_at: stored.started_at.clone(),
            used_seconds: stored.used_seconds,
            limit_seconds: stored.limit_seconds,
            terms: stored.terms,
            pass_percent: exam.pass_percent,
        };
        let mut left_out = 0;
        for slot in &stored.questions {
            let question = match &slot.module {
                Some(module) => course
                    .module(module)
                    .and_then(|m| m.quiz.as_ref())
                    .and_then(|q| q.questions.iter().find(|q| q.id == slot.id)),
                None => exam.own.iter().find(|q| q.id == slot.id),
            };
            let Some(question) = question.filter(|q| q.fingerprint() == slot.fingerprint) else {
                left_out += 1;
                continue;
            };
            let order = if valid_order(question, &slot.order) {
                slot.order.clone()
            } else {
                display_order(question, false, &mut Shuffler::new(Some(0)))
            };
            run.answers
                .push(slot.answer.as_ref().map(|a| load_answer(a, question)));
            run.flagged.push(slot.flagged);
            run.drawn.push(Drawn {
                module: slot.module.clone(),
                question: question.clone(),
                order,
            });
        }
        if run.drawn.is_empty() {
            return None;
        }
        run.current = stored.current.min(run.drawn.len() - 1);
        Some((run, left_out))
    }

    pub fn len(&self) -> usize {
        self.drawn.len()
    }

    pub fn is_empty(&self) -> bool {
        self.drawn.is_empty()
    }

    /// Records (or replaces) the answer at `position`; no feedback until the end.
    pub fn answer(&mut self, position: usize, answer: Answer) {
        if let Some(slot) = self.answers.get_mut(position) {
            *slot = Some(answer);
        }
    }

    pub fn clear(&mut self, position: usize) {
        if let Some(slot) = self.answers.get_mut(position) {
            *slot = None;
        }
    }

    pub fn toggle_flag(&mut self, position: usize) {
        if let Some(flag) = self.flagged.get_mut(position) {
            *flag = !*flag;
        }
    }

    /// Shows question `position` (clamped to the exam).
    pub fn go(&mut self, position: usize) {
        self.current = position.min(self.drawn.len().saturating_sub(1));
    }

    /// Questions without an answer, and questions flagged.
    pub fn summary(&self) -> (usize, usize) {
        (
            self.answers.iter().filter(|a| a.is_none()).count(),
            self.flagged.iter().filter(|&&f| f).count(),
        )
    }

    /// Adds `seconds` of time spent (the front end measures it).
    pub fn spend(&mut self, seconds: u64) {
        self.used_seconds = self.used_seconds.saturating_add(seconds);
    }

    /// Seconds left, `None` when untimed; `extra`: time spent since the last `spend`.
    pub fn remaining(&self, extra: u64) -> Option<u64> {
        self.limit_seconds
            .map(|limit| limit.saturating_sub(self.used_seconds.saturating_add(extra)))
    }

    /// Whether the time is up.
    pub fn timed_out(&self, extra: u64) -> bool {
        self.remaining(extra) == Some(0)
    }

    /// More time near the end (WCAG 2.2.1): `EXTENSION_MINUTES` more, recorded in the terms.
    pub fn extend(&mut self) {
        if let Some(limit) = &mut self.limit_seconds {
            *limit = limit.saturating_add(u64::from(EXTENSION_MINUTES) * 60);
            self.terms.extended_minutes = self
                .terms
                .extended_minutes
                .saturating_add(EXTENSION_MINUTES);
        }
    }

    /// `--time-factor` or `--untimed` given when the exam resumes (`minutes`: the course's limit
    /// now). More time is applied and recorded in the terms; less time never is (WCAG 2.2.1: the
    /// learner adjusts the time, the exam does not take any away).
    pub fn retime(&mut self, minutes: Option<u32>, time: TimeChoice) -> Retimed {
        let (Some(minutes), Some(limit)) = (minutes, self.limit_seconds) else {
            // Untimed already (or the course has no limit now): nothing can give more time.
            return match (self.limit_seconds, time.factor_percent) {
                (None, Some(_)) if self.terms.untimed => Retimed::Kept,
                _ => Retimed::Unchanged,
            };
        };
        if time.untimed {
            self.limit_seconds = None;
            self.terms.untimed = true;
            return Retimed::Applied;
        }
        let Some(factor) = time.factor_percent.map(clamp_factor) else {
            return Retimed::Unchanged;
        };
        let current = match self.terms.factor_percent {
            0 => 100,
            f => f,
        };
        let wanted = limit_for(minutes, factor, self.terms.extended_minutes);
        if factor == current {
            Retimed::Unchanged
        } else if factor < current || wanted < limit {
            Retimed::Kept
        } else {
            self.limit_seconds = Some(wanted);
            self.terms.factor_percent = factor;
            Retimed::Applied
        }
    }

    /// Grades every answer: one point per right answer, part of one per partly right answer,
    /// none for one left open.
    pub fn hand_in(&self, timed_out: bool) -> ExamResult {
        let credits: Vec<Credit> = self
            .drawn
            .iter()
            .zip(&self.answers)
            .map(|(drawn, answer)| {
                answer
                    .as_ref()
                    .map_or(Credit::NONE, |a| grade(&drawn.question, a))
            })
            .collect();
        let points: Points = credits.iter().map(|c| c.points()).sum();
        let max = self.drawn.len() as u32;
        ExamResult {
            points,
            max,
            percent: shown_percent(points, max, self.pass_percent),
            passed: reaches(points, max, self.pass_percent),
            timed_out,
            terms: self.terms,
            credits,
        }
    }
}

impl ExamResult {
    /// The result as progress keeps it.
    pub fn to_attempt(&self, run: &ExamRun, at: String) -> ExamAttempt {
        ExamAttempt {
            at,
            points: self.points,
            max: self.max,
            passed: self.passed,
            timed_out: self.timed_out,
            terms: self.terms,
            results: run
                .drawn
                .iter()
                .zip(&self.credits)
                .map(|(drawn, credit)| (drawn.key(), credit.is_full()))
                .collect::<BTreeMap<_, _>>(),
        }
    }
}

/// What became of a time adjustment asked for when an exam resumes (`ExamRun::retime`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retimed {
    /// Nothing was asked, or the exam runs that way already.
    Unchanged,
    /// More time, as asked; the terms record it for the result and the certificate.
    Applied,
    /// Not applied: it would have given less time than the exam has now.
    Kept,
}

/// The seconds of a limit of `minutes` at `factor_percent` (0: unchanged) with `extended`
/// minutes added.
fn limit_for(minutes: u32, factor_percent: u32, extended: u32) -> u64 {
    let factor = match factor_percent {
        0 => 100,
        f => f,
    };
    u64::from(minutes) * 60 * u64::from(factor) / 100 + u64::from(extended) * 60
}

fn clamp_factor(percent: u32) -> u32 {
    percent.clamp(100, (MAX_TIME_FACTOR * 100.0) as u32)
}

/// Whether `points` of `max` reach the pass mark, compared exactly (`points × 100 ≥ pass ×
/// max`, in hundredths of a point): never decided by a rounded percentage.
pub fn reaches(points: Points, max: u32, pass_percent: u8) -> bool {
    max > 0 && points.hundredths() >= u64::from(pass_percent) * u64::from(max)
}

/// The score in percent as the learner reads it: rounded to the nearest whole number (2 of 3
/// is 67 %), except that a score below the pass mark is rounded down when rounding would make
/// it look as if it reached the mark (2 of 3 at a mark of 67 % is 66 %, not passed).
pub fn shown_percent(points: Points, max: u32, pass_percent: u8) -> u8 {
    if max == 0 {
        return 0;
    }
    let passed = reaches(points, max, pass_percent);
    let max = u64::from(max);
    // Hundredths of a point over whole points: the percentage times `max`.
    let hundredths = points.hundredths().min(max * 100);
    let nearest = (hundredths * 2 + max) / (max * 2);
    let shown = if nearest >= u64::from(pass_percent) && !passed {
        hundredths / max
    } else {
        nearest
    };
    u8::try_from(shown.min(100)).unwrap_or(100)
}

/// Whether the exam may start: the course has one and, with `modules_first`, every module's
/// quiz is passed (`passed(module index)` asks the progress).
pub fn gate(course: &Course, passed: impl Fn(&str) -> bool) -> Result<&Exam, Closed> {
    let exam = course.exam.as_ref().ok_or(Closed::NoExam)?;
    if exam.modules_first {
        let missing: Vec<String> = course
            .modules
            .iter()
            .filter(|m| !passed(&m.id))
            .map(Course::module_label)
            .collect();
        if !missing.is_empty() {
            return Err(Closed::ModulesFirst(missing));
        }
    }
    Ok(exam)
}

fn store_answer(answer: &Answer) -> StoredAnswer {
    match answer {
        Answer::Single(i) => StoredAnswer::Single(*i),
        Answer::Multiple(set) => StoredAnswer::Multiple(set.iter().copied().collect()),
        Answer::TrueFalse(b) => StoredAnswer::TrueFalse(*b),
        Answer::Text(t) => StoredAnswer::Text(t.clone()),
        Answer::Order(o) => StoredAnswer::Order(o.clone()),
        Answer::Match(m) => StoredAnswer::Match(
            m.iter()
                .enumerate()
                .filter_map(|(item, p)| p.map(|p| (item, p)))
                .collect(),
        ),
        Answer::Number(n) => StoredAnswer::Number(StoredNumber(*n)),
    }
}

/// The answer saved for `question`; a match answer names only the items given a partner.
fn load_answer(answer: &StoredAnswer, question: &Question) -> Answer {
    match answer {
        StoredAnswer::Single(i) => Answer::Single(*i),
        StoredAnswer::Multiple(v) => Answer::Multiple(v.iter().copied().collect()),
        StoredAnswer::TrueFalse(b) => Answer::TrueFalse(*b),
        StoredAnswer::Text(t) => Answer::Text(t.clone()),
        StoredAnswer::Order(o) => Answer::Order(o.clone()),
        StoredAnswer::Match(m) => {
            let items = match &question.kind {
                crate::course::QuestionKind::Match { pairs, .. } => pairs.len(),
                _ => 0,
            };
            let mut picked = vec![None; items];
            for &(item, p) in m {
                if let Some(slot) = picked.get_mut(item) {
                    *slot = Some(p);
                }
            }
            Answer::Match(picked)
        }
        StoredAnswer::Number(n) => Answer::Number(n.0),
    }
}

/// Whether a saved display order fits the question (a hand-edited file may say anything).
fn valid_order(question: &Question, order: &[usize]) -> bool {
    let expected = display_order(question, false, &mut Shuffler::new(Some(0)));
    let mut sorted = order.to_vec();
    sorted.sort_unstable();
    let mut want = expected.clone();
    want.sort_unstable();
    sorted == want
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::course::{Area, Module, QuestionKind, Quiz};

    fn question(id: &str, answer: bool) -> Question {
        Question {
            id: id.to_owned(),
            prompt: format!("{id}?"),
            explanation: None,
            kind: QuestionKind::TrueFalse { answer },
        }
    }

    fn module(id: &str, questions: usize) -> Module {
        Module {
            id: id.to_owned(),
            code: None,
            title: id.to_uppercase(),
            loaded: true,
            intro: None,
            sections: Vec::new(),
            quiz: Some(Box::new(Quiz {
                title: None,
                pass_percent: 60,
                shuffle: true,
                questions: (0..questions)
                    .map(|i| question(&format!("q{i}"), true))
                    .collect(),
            })),
            path: PathBuf::new(),
        }
    }

    fn exam(questions: usize, minutes: Option<u32>) -> Exam {
        Exam {
            title: None,
            questions,
            pass_percent: 50,
            time_limit_minutes: minutes,
            modules_first: true,
            own: vec![question("own", false)],
        }
    }

    fn course() -> Course {
        Course {
            id: "c".into(),
            title: "C".into(),
            language: "de".into(),
            description: None,
            pass_percent: 60,
            areas: vec![Area {
                code: None,
                title: None,
                modules: vec![0, 1],
            }],
            modules: vec![module("a", 3), module("b", 3)],
            exam: Some(exam(4, Some(10))),
            certificate: None,
            xapi_activity_base: None,
            path: PathBuf::new(),
        }
    }

    fn draw(seed: u64, time: TimeChoice) -> ExamRun {
        let course = course();
        let exam = course.exam.clone().expect("exam");
        ExamRun::draw(
            &course,
            &exam,
            time,
            &mut Shuffler::new(Some(seed)),
            "2026-12-02T10:00:00Z",
        )
        .expect("drawn")
    }

    #[test]
    fn the_draw_takes_as_many_different_questions_as_asked_and_the_seed_repeats_it() {
        let run = draw(7, TimeChoice::default());
        assert_eq!(run.len(), 4);
        let mut keys: Vec<String> = run.drawn.iter().map(Drawn::key).collect();
        assert_eq!(
            run,
            draw(7, TimeChoice::default()),
            "the same seed, the same exam"
        );
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 4, "no question twice");
        let all: std::collections::BTreeSet<String> = (0..40)
            .flat_map(|s| {
                draw(s, TimeChoice::default())
                    .drawn
                    .into_iter()
                    .map(|d| d.key())
            })
            .collect();
        assert!(
            all.contains("exam/own") && all.contains("b/q2"),
            "every question can be drawn: {all:?}"
        );
    }

    #[test]
    fn answers_can_change_and_the_score_counts_right_ones_only() {
        let mut run = draw(1, TimeChoice::default());
        for position in 0..run.len() {
            let right = match run.drawn[position].question.kind {
                QuestionKind::TrueFalse { answer } => answer,
                _ => unreachable!(),
            };
            run.answer(position, Answer::TrueFalse(!right));
            run.answer(position, Answer::TrueFalse(right));
        }
        run.clear(0);
        run.toggle_flag(1);
        assert_eq!(run.summary(), (1, 1));
        let result = run.hand_in(false);
        assert_eq!(
            (result.points, result.max, result.percent),
            (Points::whole(3), 4, 75)
        );
        assert!(result.passed);
        assert_eq!(
            result.credits[0],
            Credit::NONE,
            "an open question scores nothing"
        );
        let attempt = result.to_attempt(&run, "t".into());
        assert_eq!(attempt.results.len(), 4);
        assert_eq!(attempt.results.get(&run.drawn[0].key()), Some(&false));
    }

    #[test]
    fn time_runs_over_sittings_and_adjustments_are_recorded() {
        let mut run = draw(1, TimeChoice::default());
        assert_eq!(run.limit_seconds, Some(600));
        run.spend(590);
        assert_eq!(run.remaining(5), Some(5));
        assert!(run.timed_out(10));
        assert!(!run.terms.adjusted());
        run.extend();
        assert_eq!(run.remaining(0), Some(310));
        assert!(run.terms.adjusted());
        assert_eq!(run.terms.extended_minutes, EXTENSION_MINUTES);

        let slow = draw(
            1,
            TimeChoice {
                factor_percent: Some(150),
                untimed: false,
            },
        );
        assert_eq!(slow.limit_seconds, Some(900));
        assert_eq!(slow.terms.factor_percent, 150);
        assert!(slow.terms.adjusted());
        let free = draw(
            1,
            TimeChoice {
                factor_percent: None,
                untimed: true,
            },
        );
        assert_eq!(free.limit_seconds, None);
        assert_eq!(free.remaining(10_000), None);
        assert!(free.terms.untimed && free.terms.adjusted());
    }

    #[test]
    fn a_saved_exam_comes_back_as_it_was_and_a_changed_question_is_left_out() {
        let mut run = draw(3, TimeChoice::default());
        run.answer(0, Answer::TrueFalse(true));
        run.toggle_flag(2);
        run.go(2);
        run.spend(42);
        let stored = run.to_stored();
        let text = toml::to_string(&stored).expect("serialise");
        let back: RunningExam = toml::from_str(&text).expect("read back");
        let course = course();
        let exam = course.exam.clone().expect("exam");
        let (again, left_out) = ExamRun::from_stored(&course, &exam, &back).expect("resumed");
        assert_eq!(left_out, 0);
        assert_eq!(again, run);

        let mut changed = course.clone();
        for module in &mut changed.modules {
            for q in &mut module.quiz.as_mut().expect("quiz").questions {
                q.prompt.push_str(" (neu)");
            }
        }
        changed.exam.as_mut().expect("exam").own[0]
            .prompt
            .push_str(" (neu)");
        assert_eq!(ExamRun::from_stored(&changed, &exam, &back), None);
    }

    #[test]
    fn the_gate_names_the_modules_still_to_pass() {
        let course = course();
        assert_eq!(
            gate(&course, |id| id == "a"),
            Err(Closed::ModulesFirst(vec!["B".to_owned()]))
        );
        assert!(gate(&course, |_| true).is_ok());
        let mut open = course.clone();
        open.exam.as_mut().expect("exam").modules_first = false;
        assert!(gate(&open, |_| false).is_ok());
        open.exam = None;
        assert_eq!(gate(&open, |_| true), Err(Closed::NoExam));
    }

    #[test]
    fn the_pass_mark_is_compared_exactly_and_never_through_a_rounded_percent() {
        let w = Points::whole;
        // 2 of 3 is 66.67 %: it reaches a mark of 66 % but not one of 67 %.
        assert!(reaches(w(2), 3, 66));
        assert!(!reaches(w(2), 3, 67));
        // Exactly on the mark passes.
        assert!(reaches(w(3), 5, 60));
        assert!(!reaches(w(2), 5, 41));
        // Partial credit: 1.5 of 3 is exactly 50 %.
        assert!(reaches(Points::from_hundredths(150), 3, 50));
        assert!(!reaches(Points::from_hundredths(149), 3, 50));
        assert!(!reaches(Points::ZERO, 0, 0), "nothing scored never passes");
        assert!(reaches(w(u32::MAX), u32::MAX, 100), "no overflow");
    }

    #[test]
    fn a_score_is_shown_rounded_to_the_nearest_percent_unless_that_would_fake_a_pass() {
        let w = Points::whole;
        assert_eq!(shown_percent(w(2), 3, 50), 67);
        assert_eq!(shown_percent(w(1), 3, 50), 33);
        assert_eq!(
            shown_percent(w(2), 3, 66),
            67,
            "passed: the nearest percent"
        );
        assert_eq!(
            shown_percent(w(2), 3, 67),
            66,
            "not passed: never shown as the mark it missed"
        );
        assert_eq!(shown_percent(w(1), 8, 10), 13, "12.5 rounds up");
        assert_eq!(shown_percent(Points::from_hundredths(149), 3, 50), 49);
        assert_eq!(shown_percent(w(5), 4, 60), 100, "capped");
        assert_eq!(shown_percent(Points::ZERO, 0, 60), 0);
    }

    #[test]
    fn handing_in_at_two_of_three_passes_or_fails_by_the_exact_score() {
        let mut run = draw(1, TimeChoice::default());
        run.drawn.truncate(3);
        run.answers.truncate(3);
        for position in 0..2 {
            let right = match run.drawn[position].question.kind {
                QuestionKind::TrueFalse { answer } => answer,
                _ => unreachable!(),
            };
            run.answer(position, Answer::TrueFalse(right));
        }
        run.pass_percent = 67;
        let failed = run.hand_in(false);
        assert_eq!((failed.points, failed.max), (Points::whole(2), 3));
        assert!(!failed.passed);
        assert_eq!(failed.percent, 66);
        run.pass_percent = 66;
        let passed = run.hand_in(false);
        assert!(passed.passed);
        assert_eq!(passed.percent, 67);
    }

    #[test]
    fn more_time_asked_for_when_resuming_is_applied_and_recorded_but_less_never() {
        let factor = |f| TimeChoice {
            factor_percent: Some(f),
            untimed: false,
        };
        let mut run = draw(1, TimeChoice::default());
        run.spend(300);
        assert_eq!(
            run.retime(Some(10), TimeChoice::default()),
            Retimed::Unchanged
        );
        assert_eq!(run.retime(Some(10), factor(150)), Retimed::Applied);
        assert_eq!(run.limit_seconds, Some(900));
        assert_eq!(run.remaining(0), Some(600), "the time spent stays spent");
        assert_eq!(run.terms.factor_percent, 150);
        assert_eq!(run.retime(Some(10), factor(150)), Retimed::Unchanged);
        assert_eq!(run.retime(Some(10), factor(120)), Retimed::Kept);
        assert_eq!(run.limit_seconds, Some(900), "never less time");

        run.extend();
        assert_eq!(run.retime(Some(10), factor(200)), Retimed::Applied);
        assert_eq!(
            run.limit_seconds,
            Some(1200 + u64::from(EXTENSION_MINUTES) * 60),
            "an extension already given is kept"
        );

        let untimed = TimeChoice {
            factor_percent: None,
            untimed: true,
        };
        assert_eq!(run.retime(Some(10), untimed), Retimed::Applied);
        assert_eq!(run.limit_seconds, None);
        assert!(run.terms.untimed && run.terms.adjusted());
        assert_eq!(run.retime(Some(10), factor(200)), Retimed::Kept);
        assert_eq!(run.retime(Some(10), untimed), Retimed::Unchanged);

        let mut open = draw(1, TimeChoice::default());
        open.limit_seconds = None;
        assert_eq!(open.retime(None, factor(200)), Retimed::Unchanged);
    }

    #[test]
    fn a_time_factor_is_a_number_from_one_to_four() {
        assert_eq!(parse_time_factor("1,5"), Ok(150));
        assert_eq!(parse_time_factor("2"), Ok(200));
        assert!(parse_time_factor("0.5").is_err());
        assert!(parse_time_factor("9").is_err());
        assert!(parse_time_factor("viel").is_err());
        assert!(parse_time_factor("NaN").is_err());
    }
}
