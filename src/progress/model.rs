//! What kurs remembers about a learner: opened sections, "Gelernt" marks, quiz attempts and answers.
//! Plain serde types keyed by course id, module id and question id, plus the small changes the front ends make.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::sections::SectionSet;

/// The version of the progress file layout this build writes and fully understands.
/// A file with a higher number comes from a newer kurs and is never written by this one.
/// 1: every course in one file. 2: an index file and one file per course (see `store`);
/// a version 1 file is read as it is and split at the first save. 3: opened sections as runs
/// (`"0-199999"`) instead of one number each, and a first line that marks the file as kurs's;
/// files of versions 1 and 2 are read as they are and written in the new form at the next save.
/// 4: a course's final exam (`exam`: the one under way and every one handed in); a kurs that
/// knows only version 3 would drop it, so it does not write a version 4 file.
/// 5: partial credit: points with hundredths (`points = 2.5`), a partly right answer's
/// `credit`, and exam answers to match and numeric questions. A kurs that knows only version 4
/// would take such a file for damaged and move it aside, so a file holding any of them is
/// written as version 5 (which that kurs only reads); any other is still written as version 4
/// (see [`Progress::version_needed`]), so that a learner who never meets partial credit can
/// go back to an older kurs.
/// 6: a quiz attempt's results and a question's last answer each as one string
/// (`results = "+q1 -q2"`, `q1 = "<fingerprint> right <time>"`, see `compact`), which parse
/// about three times faster than a table each; a kurs that knows only version 5 would take them
/// for damage, so a file holding any is written as version 6, and a file without answers (only
/// sections opened and modules marked) keeps its older version.
pub const SCHEMA_VERSION: u32 = super::compact::COMPACT_VERSION;

/// The version of files that hold partial credit but no short form.
pub const PARTIAL_CREDIT_VERSION: u32 = 5;

/// The version of files that hold nothing of version 5 or 6.
pub const WHOLE_POINTS_VERSION: u32 = 4;

pub use super::points::Points;

/// Everything stored in one progress file.
///
/// Entries for courses, modules and questions that no course file mentions any more are kept on
/// purpose: a course may come back, or be renamed back, and the learner's weeks of work with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub schema_version: u32,
    /// The course the learner was last in, so the next start resumes there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_course: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub courses: BTreeMap<String, CourseProgress>,
}

// Not derived: a derived default would carry schema_version 0, which reads back as a damaged file.
impl Default for Progress {
    fn default() -> Self {
        Progress {
            schema_version: SCHEMA_VERSION,
            last_course: None,
            courses: BTreeMap::new(),
        }
    }
}

/// The learner's progress in one course.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseProgress {
    /// The module the learner was last in, so the player can reopen it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_module: Option<String>,
    /// The section within `last_module` the learner last opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_section: Option<usize>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub modules: BTreeMap<String, ModuleProgress>,
    /// The course's final exam: the one under way and every one handed in.
    #[serde(default, skip_serializing_if = "ExamProgress::is_empty")]
    pub exam: ExamProgress,
    /// RFC 3339 time the last certificate of the course was issued to this learner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certified_at: Option<String>,
}

/// The learner's exams in one course.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamProgress {
    /// The exam under way, saved with every move so that it resumes after a crash or a closed
    /// terminal, with the time that was left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<RunningExam>,
    /// Every exam handed in (or ended by its time), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<ExamAttempt>,
}

/// An exam under way.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunningExam {
    /// RFC 3339 time it was started.
    pub started_at: String,
    /// The question shown last.
    pub current: usize,
    /// Seconds spent on it so far, over every sitting.
    pub used_seconds: u64,
    /// The time there is in all, adjustments included; `None` when it is untimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_seconds: Option<u64>,
    #[serde(default, skip_serializing_if = "TimeTerms::is_default")]
    pub terms: TimeTerms,
    /// The questions drawn, in the order asked.
    #[serde(default, rename = "question", skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<ExamSlot>,
}

/// One question of an exam under way, with the learner's answer so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamSlot {
    /// The module whose quiz holds it; `None` for the exam's own questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    pub id: String,
    /// Content hash of the question as drawn; a changed question is not resumed.
    pub fingerprint: String,
    /// Display position → choice or item, as shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<StoredAnswer>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flagged: bool,
}

/// An answer as the progress file keeps it; choice and item numbers index the question as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoredAnswer {
    Single(usize),
    Multiple(Vec<usize>),
    TrueFalse(bool),
    Text(String),
    Order(Vec<usize>),
    /// Item (as written) and the partner picked for it, for every item given one (version 5).
    Match(Vec<(usize, usize)>),
    /// The number typed (version 5).
    Number(StoredNumber),
}

/// A number typed as an answer: finite, so equal exactly when its bits are.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredNumber(pub f64);

impl PartialEq for StoredNumber {
    fn eq(&self, other: &StoredNumber) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for StoredNumber {}

/// How the exam's time was adjusted for the learner; recorded in the result and the
/// certificate, never hidden.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeTerms {
    /// The time limit multiplied by this many percent (`--time-factor 1.5` is 150); 0 or 100
    /// means not changed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub factor_percent: u32,
    /// No time limit (`--untimed`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub untimed: bool,
    /// Minutes added when the learner asked for more time near the end.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extended_minutes: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl TimeTerms {
    fn is_default(&self) -> bool {
        *self == TimeTerms::default()
    }

    /// Whether the time differs from the course's limit.
    pub fn adjusted(&self) -> bool {
        self.untimed
            || (self.factor_percent != 0 && self.factor_percent != 100)
            || self.extended_minutes > 0
    }
}

/// One exam handed in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamAttempt {
    /// RFC 3339 time it was handed in.
    pub at: String,
    pub points: Points,
    pub max: u32,
    pub passed: bool,
    /// It ended because its time ran out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub timed_out: bool,
    #[serde(default, skip_serializing_if = "TimeTerms::is_default")]
    pub terms: TimeTerms,
    /// `module/question` (or `exam/question`) → answered fully right (a partly right answer
    /// is false here; its part is in `points`).
    #[serde(
        default,
        with = "super::compact::results",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub results: BTreeMap<String, bool>,
}

impl ExamProgress {
    pub fn is_empty(&self) -> bool {
        self.running.is_none() && self.attempts.is_empty()
    }

    /// Whether any exam handed in passed.
    pub fn passed(&self) -> bool {
        self.attempts.iter().any(|a| a.passed && a.max > 0)
    }

    /// The best attempt (the latest of equals), `None` before the first.
    pub fn best(&self) -> Option<&ExamAttempt> {
        self.attempts
            .iter()
            .filter(|a| a.max > 0)
            .max_by_key(|a| a.points.hundredths() * 10 / u64::from(a.max))
    }

    fn merge_from(&mut self, other: &ExamProgress) {
        if self.running.is_none() {
            self.running.clone_from(&other.running);
        }
        for attempt in &other.attempts {
            if !self.attempts.contains(attempt) {
                self.attempts.push(attempt.clone());
            }
        }
    }
}

impl ExamAttempt {
    /// The score in percent, rounded to the nearest (2 of 3 is 67 %); `None` when nothing was
    /// scored. Whether it passed is `passed`, decided exactly when it was handed in; where a
    /// score is shown beside its pass mark, `exam::shown_percent` keeps a miss from looking
    /// like a pass.
    pub fn percent(&self) -> Option<u8> {
        if self.max == 0 {
            return None;
        }
        let max = u64::from(self.max);
        let hundredths = self.points.hundredths().min(max * 100);
        let percent = (hundredths * 2 + max) / (max * 2);
        Some(u8::try_from(percent.min(100)).unwrap_or(100))
    }
}

/// The learner's progress in one module.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleProgress {
    /// Indexes of the sections the learner has expanded at least once, stored as runs.
    #[serde(default, skip_serializing_if = "SectionSet::is_empty")]
    pub opened_sections: SectionSet,
    /// RFC 3339 time the module was marked "Gelernt"; `None` while unmarked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learned_at: Option<String>,
    /// Every finished quiz attempt, oldest first.
    #[serde(
        default,
        with = "super::compact::attempts",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attempts: Vec<Attempt>,
    /// The last answer per question id.
    #[serde(
        default,
        with = "super::compact::questions",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub questions: BTreeMap<String, QuestionRecord>,
}

/// One finished quiz attempt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// RFC 3339 time the attempt was finished.
    pub at: String,
    /// One per question right, part of one per question partly right.
    pub points: Points,
    pub max: u32,
    pub passed: bool,
    /// Question id → answered fully right (a partly right answer is false here; its part is
    /// in `points`).
    #[serde(
        default,
        with = "super::compact::results",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub results: BTreeMap<String, bool>,
}

/// The last answer given to one question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRecord {
    /// Content hash of the question as it was answered; a different hash means the question changed since.
    pub fingerprint: String,
    /// Fully right.
    pub correct: bool,
    /// A partly right answer: the percent of the point it earned (version 5); `None` for an
    /// answer right or wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<u8>,
    /// RFC 3339 time of the answer.
    pub answered_at: String,
}

/// The current time as RFC 3339 in UTC, the form every time in the progress file takes.
pub fn now() -> String {
    jiff::Timestamp::now().to_string()
}

impl Progress {
    /// The lowest version that holds everything in this progress: [`SCHEMA_VERSION`] when a
    /// result or an answer is written in its short form (see `compact`), else
    /// [`PARTIAL_CREDIT_VERSION`] when anything of partial credit is in it, else
    /// [`WHOLE_POINTS_VERSION`], which older kurs reads and writes too.
    pub fn version_needed(&self) -> u32 {
        use super::compact::{attempts_are_short, record_is_short, results_are_short};
        let modules = || {
            self.courses
                .values()
                .flat_map(|course| course.modules.values())
        };
        let short = self.courses.values().any(|course| {
            course
                .exam
                .attempts
                .iter()
                .any(|a| results_are_short(&a.results))
        }) || modules().any(|module| {
            attempts_are_short(&module.attempts)
                || module
                    .attempts
                    .iter()
                    .any(|a| results_are_short(&a.results))
                || module.questions.values().any(record_is_short)
        });
        if short {
            return SCHEMA_VERSION;
        }
        let partial = self.courses.values().any(|course| {
            let exam = &course.exam;
            exam.attempts.iter().any(|a| !a.points.is_whole())
                || exam.running.as_ref().is_some_and(|running| {
                    running.questions.iter().any(|slot| {
                        matches!(
                            slot.answer,
                            Some(StoredAnswer::Match(_) | StoredAnswer::Number(_))
                        )
                    })
                })
        }) || modules().any(|module| {
            module.attempts.iter().any(|a| !a.points.is_whole())
                || module.questions.values().any(|q| q.credit.is_some())
        });
        if partial {
            PARTIAL_CREDIT_VERSION
        } else {
            WHOLE_POINTS_VERSION
        }
    }

    /// The progress of `course`, created empty when the learner starts it.
    pub fn course_mut(&mut self, course: &str) -> &mut CourseProgress {
        self.courses.entry(course.to_owned()).or_default()
    }

    /// The progress of one module, if the learner has done anything in it.
    pub fn module(&self, course: &str, module: &str) -> Option<&ModuleProgress> {
        self.courses.get(course)?.modules.get(module)
    }

    /// The progress of one module, created empty when the learner starts it.
    pub fn module_mut(&mut self, course: &str, module: &str) -> &mut ModuleProgress {
        self.course_mut(course)
            .modules
            .entry(module.to_owned())
            .or_default()
    }

    /// The learner expanded a section: remember it as seen and as the place to come back to.
    pub fn open_section(&mut self, course: &str, module: &str, section: usize) {
        self.module_mut(course, module)
            .opened_sections
            .insert(section);
        self.set_place(course, module, Some(section));
    }

    /// Remember where the learner is, so the next start reopens the same module and section.
    pub fn set_place(&mut self, course: &str, module: &str, section: Option<usize>) {
        self.last_course = Some(course.to_owned());
        let place = self.course_mut(course);
        place.last_module = Some(module.to_owned());
        place.last_section = section;
    }

    /// Mark or unmark a module as "Gelernt".
    ///
    /// Marking an already marked module keeps the first time: that is when the learner finished it.
    pub fn set_learned(&mut self, course: &str, module: &str, learned: bool, now: &str) {
        if learned {
            let entry = self.module_mut(course, module);
            if entry.learned_at.is_none() {
                entry.learned_at = Some(now.to_owned());
            }
        } else if let Some(entry) = self
            .courses
            .get_mut(course)
            .and_then(|c| c.modules.get_mut(module))
        {
            // Unmarking a module never seen must not leave an empty entry behind.
            entry.learned_at = None;
        }
    }

    /// Remember the learner's latest answer to one question (`credit`: percent of its point,
    /// 100 right, 0 wrong), replacing any earlier one.
    pub fn record_answer(
        &mut self,
        course: &str,
        module: &str,
        question_id: &str,
        fingerprint: &str,
        credit: u8,
        now: &str,
    ) {
        self.module_mut(course, module).questions.insert(
            question_id.to_owned(),
            QuestionRecord {
                fingerprint: fingerprint.to_owned(),
                correct: credit >= 100,
                credit: (1..100).contains(&credit).then_some(credit),
                answered_at: now.to_owned(),
            },
        );
    }

    /// Add a finished quiz attempt; earlier attempts are kept.
    pub fn record_attempt(&mut self, course: &str, module: &str, attempt: Attempt) {
        self.module_mut(course, module).attempts.push(attempt);
    }

    /// Adds everything from `other` that `self` lacks, so that neither side loses progress.
    ///
    /// Used when this instance could not save its changes while another instance saved its own:
    /// sections, attempts and marks are united, the later answer to a question wins, and `other`'s
    /// place wins because it is where this learner is now. Removals in `other` are not carried over;
    /// keeping too much is the lesser harm.
    pub(super) fn merge_from(&mut self, other: &Progress) {
        if other.last_course.is_some() {
            self.last_course.clone_from(&other.last_course);
        }
        for (course_id, theirs) in &other.courses {
            let Some(ours) = self.courses.get_mut(course_id) else {
                self.courses.insert(course_id.clone(), theirs.clone());
                continue;
            };
            if theirs.last_module.is_some() {
                ours.last_module.clone_from(&theirs.last_module);
                ours.last_section = theirs.last_section;
            }
            ours.exam.merge_from(&theirs.exam);
            if is_later_opt(theirs.certified_at.as_deref(), ours.certified_at.as_deref()) {
                ours.certified_at.clone_from(&theirs.certified_at);
            }
            for (module_id, theirs) in &theirs.modules {
                match ours.modules.get_mut(module_id) {
                    Some(ours) => ours.merge_from(theirs),
                    None => {
                        ours.modules.insert(module_id.clone(), theirs.clone());
                    }
                }
            }
        }
    }

    /// Forget one course (`Some(id)`) or everything (`None`).
    pub fn reset(&mut self, course: Option<&str>) {
        match course {
            Some(course) => {
                self.courses.remove(course);
                if self.last_course.as_deref() == Some(course) {
                    self.last_course = None;
                }
            }
            None => {
                self.courses.clear();
                self.last_course = None;
            }
        }
    }
}

impl Attempt {
    /// The score in percent, rounded down; `None` for an attempt in which nothing was scored
    /// (worth no points: only a hand-edited file has one), which is never a score of 100 %.
    pub fn percent(&self) -> Option<u8> {
        // Capped because a hand-edited file may claim more than max.
        let percent = self.points.percent_of(self.max)?;
        Some(u8::try_from(percent.min(100)).unwrap_or(100))
    }
}

impl ModuleProgress {
    fn merge_from(&mut self, other: &ModuleProgress) {
        self.opened_sections.union_with(&other.opened_sections);
        if self.learned_at.is_none() {
            self.learned_at.clone_from(&other.learned_at);
        }
        for attempt in &other.attempts {
            if !self.attempts.contains(attempt) {
                self.attempts.push(attempt.clone());
            }
        }
        for (question_id, theirs) in &other.questions {
            let newer = self
                .questions
                .get(question_id)
                .is_none_or(|ours| is_later(&theirs.answered_at, &ours.answered_at));
            if newer {
                self.questions.insert(question_id.clone(), theirs.clone());
            }
        }
    }

    /// The best score over all attempts in percent, `None` before the first attempt.
    pub fn best_percent(&self) -> Option<u8> {
        self.attempts.iter().filter_map(Attempt::percent).max()
    }

    /// The attempt with the best score (the latest of equals), `None` before the first scored one:
    /// the one number the library, the module and `kurs progress` show for a quiz.
    pub fn best_attempt(&self) -> Option<&Attempt> {
        self.attempts
            .iter()
            .filter(|a| a.percent().is_some())
            .max_by_key(|a| a.percent())
    }

    /// Questions answered after the last finished attempt (or at all, before the first one): an
    /// attempt the learner left before its end, shown as unfinished rather than as a score.
    pub fn answers_since_last_attempt(&self) -> usize {
        let last = self.attempts.last().map(|a| a.at.as_str());
        self.questions
            .values()
            .filter(|q| last.is_none_or(|last| is_later(&q.answered_at, last)))
            .count()
    }

    /// Whether any scored attempt passed the quiz.
    pub fn passed(&self) -> bool {
        self.attempts
            .iter()
            .any(|attempt| attempt.passed && attempt.max > 0)
    }
}

/// Whether `a` is a time after `b` (any time is after none).
fn is_later_opt(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => is_later(a, b),
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// Whether time `a` is after time `b`; times that do not parse are compared as text.
fn is_later(a: &str, b: &str) -> bool {
    // Compared as times because RFC 3339 texts with and without fractions do not sort as text.
    match (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()) {
        (Ok(a), Ok(b)) => a > b,
        _ => a > b,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const NOW: &str = "2026-11-28T17:05:12Z";

    fn attempt(points: u32, max: u32, passed: bool) -> Attempt {
        Attempt {
            at: NOW.to_owned(),
            points: Points::whole(points),
            max,
            passed,
            results: BTreeMap::new(),
        }
    }

    /// A progress value with every field set, for round trips.
    pub(crate) fn full_progress() -> Progress {
        let mut progress = Progress::default();
        progress.open_section("rust-basics", "ownership", 0);
        progress.open_section("rust-basics", "ownership", 2);
        progress.set_learned("rust-basics", "ownership", true, NOW);
        progress.record_answer(
            "rust-basics",
            "ownership",
            "q1",
            "0123456789abcdef",
            100,
            NOW,
        );
        progress.record_answer(
            "rust-basics",
            "ownership",
            "q.2 \"quoted\"",
            "fedcba9876543210",
            0,
            NOW,
        );
        progress.record_attempt(
            "rust-basics",
            "ownership",
            Attempt {
                at: NOW.to_owned(),
                points: Points::whole(3),
                max: 4,
                passed: true,
                results: BTreeMap::from([
                    ("q1".to_owned(), true),
                    ("q.2 \"quoted\"".to_owned(), false),
                ]),
            },
        );
        progress.record_attempt("rust-basics", "ownership", attempt(1, 4, false));
        progress.module_mut("Kurs mit Ümlaut", "modul ä").learned_at = Some(NOW.to_owned());
        progress.set_place("rust-basics", "ownership", Some(2));
        progress
    }

    /// Sections opened, modules marked and a place: what a kurs of version 4 reads and
    /// writes too.
    fn marks_only() -> Progress {
        let mut progress = Progress::default();
        progress.open_section("c", "m", 2);
        progress.set_learned("c", "m", true, NOW);
        progress
    }

    #[test]
    fn answers_need_version_6_and_marks_alone_the_version_older_kurs_writes() {
        assert_eq!(full_progress().version_needed(), SCHEMA_VERSION);
        assert_eq!(marks_only().version_needed(), WHOLE_POINTS_VERSION);
        let mut answered = marks_only();
        answered.record_answer("c", "m", "q", "f", 100, NOW);
        assert_eq!(answered.version_needed(), SCHEMA_VERSION);
        let mut attempted = marks_only();
        attempted.record_attempt("c", "m", attempt(1, 4, false));
        assert_eq!(attempted.version_needed(), SCHEMA_VERSION);
        let mut exam = marks_only();
        exam.course_mut("c").exam.attempts.push(ExamAttempt {
            at: NOW.to_owned(),
            points: Points::whole(1),
            max: 1,
            passed: true,
            results: BTreeMap::from([("m/q".to_owned(), true)]),
            ..ExamAttempt::default()
        });
        assert_eq!(exam.version_needed(), SCHEMA_VERSION);
    }

    #[test]
    fn partial_points_or_a_new_exam_answer_without_a_short_form_need_version_5() {
        // A time with a space cannot be a word of the short form: the attempt is a table.
        let mut points = marks_only();
        points.record_attempt(
            "c",
            "m",
            Attempt {
                at: "7 December 2026".to_owned(),
                points: Points::from_hundredths(250),
                ..attempt(0, 3, false)
            },
        );
        let mut exam = marks_only();
        exam.course_mut("c").exam.running = Some(RunningExam {
            questions: vec![ExamSlot {
                answer: Some(StoredAnswer::Number(StoredNumber(3.5))),
                ..ExamSlot::default()
            }],
            ..RunningExam::default()
        });
        let mut answer = marks_only();
        answer.record_answer("c", "m", "q", "f", 50, NOW);
        for (progress, version) in [
            (points, PARTIAL_CREDIT_VERSION),
            (exam, PARTIAL_CREDIT_VERSION),
            (answer, SCHEMA_VERSION),
        ] {
            assert_eq!(progress.version_needed(), version);
            // And it reads back as it was written.
            let text = toml::to_string_pretty(&progress).expect("serialize");
            let back: Progress = toml::from_str(&text).expect("deserialize");
            assert_eq!(back, progress);
        }
    }

    #[test]
    fn a_partly_right_answer_keeps_its_credit_and_is_not_right() {
        let mut progress = Progress::default();
        progress.record_answer("c", "m", "q", "f", 50, NOW);
        progress.record_answer("c", "m", "r", "f", 100, NOW);
        let module = progress.module("c", "m").expect("module");
        assert_eq!(
            (module.questions["q"].correct, module.questions["q"].credit),
            (false, Some(50))
        );
        assert_eq!(
            (module.questions["r"].correct, module.questions["r"].credit),
            (true, None)
        );
    }

    #[test]
    fn default_progress_has_the_current_schema_version() {
        assert_eq!(Progress::default().schema_version, SCHEMA_VERSION);
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let progress = full_progress();
        let text = toml::to_string_pretty(&progress).expect("serialize");
        let back: Progress = toml::from_str(&text).expect("deserialize");
        assert_eq!(back, progress);
    }

    #[test]
    fn empty_fields_are_left_out_of_the_file() {
        let mut progress = Progress::default();
        progress.module_mut("c", "m");
        let text = toml::to_string_pretty(&progress).expect("serialize");
        assert!(!text.contains("learned_at"), "{text}");
        assert!(!text.contains("attempts"), "{text}");
        assert!(!text.contains("last_section"), "{text}");
        let back: Progress = toml::from_str(&text).expect("deserialize");
        assert_eq!(back, progress);
    }

    #[test]
    fn module_of_unknown_course_is_none() {
        assert_eq!(Progress::default().module("c", "m"), None);
    }

    #[test]
    fn module_mut_creates_an_empty_entry() {
        let mut progress = Progress::default();
        progress.module_mut("c", "m");
        assert_eq!(progress.module("c", "m"), Some(&ModuleProgress::default()));
    }

    #[test]
    fn open_section_records_the_section_and_the_place() {
        let mut progress = Progress::default();
        progress.open_section("c", "m", 3);
        let course = &progress.courses["c"];
        assert_eq!(course.last_module.as_deref(), Some("m"));
        assert_eq!(course.last_section, Some(3));
        assert!(course.modules["m"].opened_sections.contains(&3));
    }

    #[test]
    fn set_place_without_section_clears_the_section() {
        let mut progress = Progress::default();
        progress.open_section("c", "m", 3);
        progress.set_place("c", "n", None);
        let course = &progress.courses["c"];
        assert_eq!(course.last_module.as_deref(), Some("n"));
        assert_eq!(course.last_section, None);
    }

    #[test]
    fn set_learned_stores_the_time() {
        let mut progress = Progress::default();
        progress.set_learned("c", "m", true, NOW);
        assert_eq!(
            progress
                .module("c", "m")
                .and_then(|m| m.learned_at.as_deref()),
            Some(NOW)
        );
    }

    #[test]
    fn set_learned_twice_keeps_the_first_time() {
        let mut progress = Progress::default();
        progress.set_learned("c", "m", true, NOW);
        progress.set_learned("c", "m", true, "2027-01-01T00:00:00Z");
        assert_eq!(
            progress
                .module("c", "m")
                .and_then(|m| m.learned_at.as_deref()),
            Some(NOW)
        );
    }

    #[test]
    fn unlearning_clears_the_time() {
        let mut progress = Progress::default();
        progress.set_learned("c", "m", true, NOW);
        progress.set_learned("c", "m", false, NOW);
        assert_eq!(
            progress
                .module("c", "m")
                .and_then(|m| m.learned_at.as_deref()),
            None
        );
    }

    #[test]
    fn unlearning_an_unknown_module_adds_nothing() {
        let mut progress = Progress::default();
        progress.set_learned("c", "m", false, NOW);
        assert_eq!(progress, Progress::default());
    }

    #[test]
    fn record_answer_replaces_the_earlier_answer() {
        let mut progress = Progress::default();
        progress.record_answer("c", "m", "q", "aaaa", 0, NOW);
        progress.record_answer("c", "m", "q", "bbbb", 100, "later");
        let record = &progress.module("c", "m").expect("module").questions["q"];
        assert_eq!(
            record,
            &QuestionRecord {
                fingerprint: "bbbb".to_owned(),
                correct: true,
                credit: None,
                answered_at: "later".to_owned(),
            }
        );
    }

    #[test]
    fn record_attempt_keeps_earlier_attempts() {
        let mut progress = Progress::default();
        progress.record_attempt("c", "m", attempt(1, 2, false));
        progress.record_attempt("c", "m", attempt(2, 2, true));
        assert_eq!(progress.module("c", "m").expect("module").attempts.len(), 2);
    }

    #[test]
    fn best_percent_is_the_maximum() {
        let module = ModuleProgress {
            attempts: vec![
                attempt(1, 3, false),
                attempt(2, 3, false),
                attempt(1, 2, false),
            ],
            ..ModuleProgress::default()
        };
        assert_eq!(module.best_percent(), Some(66));
    }

    #[test]
    fn the_best_attempt_is_the_one_with_the_highest_score() {
        let mut module = ModuleProgress::default();
        module.attempts.push(attempt(2, 5, false));
        module.attempts.push(attempt(0, 0, true));
        module.attempts.push(attempt(4, 5, true));
        module.attempts.push(attempt(3, 5, true));
        assert_eq!(
            module.best_attempt().map(|a| a.points),
            Some(Points::whole(4))
        );
        assert_eq!(ModuleProgress::default().best_attempt(), None);
    }

    #[test]
    fn answers_after_the_last_attempt_are_an_unfinished_attempt() {
        let mut module = ModuleProgress::default();
        let answer = |at: &str| QuestionRecord {
            fingerprint: "f".into(),
            correct: true,
            credit: None,
            answered_at: at.into(),
        };
        module
            .questions
            .insert("a".into(), answer("2026-11-28T17:00:00Z"));
        assert_eq!(module.answers_since_last_attempt(), 1);
        let mut done = attempt(1, 1, true);
        done.at = "2026-11-28T17:00:00.5Z".into();
        module.attempts.push(done);
        assert_eq!(module.answers_since_last_attempt(), 0);
        module
            .questions
            .insert("b".into(), answer("2026-11-28T17:00:01Z"));
        assert_eq!(module.answers_since_last_attempt(), 1);
    }

    #[test]
    fn best_percent_without_attempts_is_none() {
        assert_eq!(ModuleProgress::default().best_percent(), None);
    }

    #[test]
    fn an_attempt_in_which_nothing_was_scored_has_no_percent_and_does_not_pass() {
        assert_eq!(attempt(0, 0, true).percent(), None);
        let module = ModuleProgress {
            attempts: vec![attempt(0, 0, true)],
            ..ModuleProgress::default()
        };
        assert_eq!(module.best_percent(), None);
        assert!(!module.passed());
    }

    #[test]
    fn more_points_than_max_is_capped_at_full_percent() {
        assert_eq!(attempt(7, 5, true).percent(), Some(100));
        assert_eq!(attempt(u32::MAX, 1, true).percent(), Some(100));
    }

    #[test]
    fn passed_when_any_attempt_passed() {
        let module = ModuleProgress {
            attempts: vec![
                attempt(1, 2, false),
                attempt(2, 2, true),
                attempt(0, 2, false),
            ],
            ..ModuleProgress::default()
        };
        assert!(module.passed());
        assert!(!ModuleProgress::default().passed());
    }

    #[test]
    fn reset_of_one_course_keeps_the_others() {
        let mut progress = Progress::default();
        progress.open_section("a", "m", 0);
        progress.open_section("b", "m", 0);
        progress.reset(Some("a"));
        assert!(!progress.courses.contains_key("a"));
        assert!(progress.courses.contains_key("b"));
    }

    #[test]
    fn reset_of_everything_keeps_the_schema_version() {
        let mut progress = full_progress();
        progress.reset(None);
        assert_eq!(progress, Progress::default());
    }

    #[test]
    fn merge_keeps_the_progress_of_both_sides() {
        let mut disk = Progress::default();
        disk.open_section("c", "m", 0);
        disk.record_attempt("c", "m", attempt(1, 2, false));
        disk.open_section("c", "only-on-disk", 0);
        let mut memory = Progress::default();
        memory.open_section("c", "m", 1);
        memory.record_attempt("c", "m", attempt(2, 2, true));
        memory.set_learned("c", "m", true, NOW);
        memory.open_section("other", "x", 0);
        disk.merge_from(&memory);
        let module = disk.module("c", "m").expect("module");
        assert_eq!(module.opened_sections, SectionSet::from([0, 1]));
        assert_eq!(module.attempts.len(), 2);
        assert_eq!(module.learned_at.as_deref(), Some(NOW));
        assert!(disk.module("c", "only-on-disk").is_some());
        assert!(disk.module("other", "x").is_some());
        assert_eq!(disk.courses["c"].last_section, Some(1));
    }

    #[test]
    fn merge_keeps_the_later_answer() {
        let mut disk = Progress::default();
        disk.record_answer("c", "m", "q", "f", 100, "2026-11-28T17:05:12.5Z");
        disk.record_answer("c", "m", "r", "f", 100, "2026-11-28T17:05:12Z");
        let mut memory = Progress::default();
        memory.record_answer("c", "m", "q", "f", 0, "2026-11-28T17:05:12Z");
        memory.record_answer("c", "m", "r", "f", 0, "2026-11-28T17:05:13Z");
        disk.merge_from(&memory);
        let module = disk.module("c", "m").expect("module");
        assert!(module.questions["q"].correct, "disk answer is later");
        assert!(!module.questions["r"].correct, "memory answer is later");
    }

    #[test]
    fn merge_does_not_repeat_attempts() {
        let mut disk = full_progress();
        disk.merge_from(&full_progress());
        assert_eq!(disk, full_progress());
    }

    #[test]
    fn now_is_rfc3339_utc() {
        let now = now();
        assert!(now.ends_with('Z'), "{now}");
        assert!(now.parse::<jiff::Timestamp>().is_ok(), "{now}");
    }
}
