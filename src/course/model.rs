//! The course as the player and the quiz see it: checked, complete, with every default filled in.
//! Built by `load`; nothing here reads files or knows about TOML.

use std::path::PathBuf;

use crate::fingerprint::fingerprint;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    pub courses: Vec<Course>,
    /// Where the files are, so a module's body can be read when it is opened.
    pub origin: Origin,
}

/// Where a library's files are read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    #[default]
    Disk,
    /// The sample courses compiled into the binary.
    Samples,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Course {
    pub id: String,
    pub title: String,
    /// BCP 47 tag as written by the trainer.
    pub language: String,
    pub description: Option<String>,
    pub pass_percent: u8,
    /// The https IRI the course's learning records (xAPI activities) begin with; without it
    /// `urn:kurs:<course-id>`.
    pub xapi_activity_base: Option<String>,
    /// Topic areas in order; a course written with a flat `modules` list has one area without title.
    pub areas: Vec<Area>,
    pub modules: Vec<Module>,
    /// The course's final exam, `[exam]` in `course.toml`.
    pub exam: Option<Exam>,
    /// When the course issues a certificate, `[certificate]` in `course.toml`.
    pub certificate: Option<CertificateRule>,
    /// The course folder (or the module file for a module that plays alone).
    pub path: PathBuf,
}

/// The final exam: questions drawn at random from every module's quiz and the exam's own.
#[derive(Clone, Debug, PartialEq)]
pub struct Exam {
    /// None: "Abschlusstest" / "Final test".
    pub title: Option<String>,
    /// How many questions are drawn (never more than the course has).
    pub questions: usize,
    pub pass_percent: u8,
    /// None: no time limit.
    pub time_limit_minutes: Option<u32>,
    /// Whether the exam opens only once every module's quiz is passed.
    pub modules_first: bool,
    /// `[[exam.question]]`: questions that are asked only in the exam.
    pub own: Vec<Question>,
}

/// What a certificate of the course requires, and who issues it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateRule {
    /// The exam passed.
    pub requires_exam: bool,
    /// Every module's quiz passed.
    pub requires_modules: bool,
    /// The name printed as the issuer; None: the course's title stands for it.
    pub issuer: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub code: Option<String>,
    pub title: Option<String>,
    /// Indexes into `Course::modules`.
    pub modules: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub id: String,
    pub code: Option<String>,
    pub title: String,
    /// Whether intro, sections and quiz are read. The player reads only what the library screen
    /// shows (id, code, title) at start, and the rest when the learner opens the module
    /// (`course::load_module`); until then they are empty.
    pub loaded: bool,
    pub intro: Option<String>,
    pub sections: Vec<Section>,
    /// Boxed: a module held only as a header (see `loaded`) stays small.
    pub quiz: Option<Box<Quiz>>,
    pub path: PathBuf,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: String,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quiz {
    /// None: the UI language's "Mein Wissen üben" / "Practice what you learned".
    pub title: Option<String>,
    pub pass_percent: u8,
    pub shuffle: bool,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable key for progress: the trainer's `id`, else `q1`, `q2`, … by position.
    pub id: String,
    pub prompt: String,
    pub explanation: Option<String>,
    pub kind: QuestionKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuestionKind {
    Single {
        choices: Vec<Choice>,
    },
    Multiple {
        choices: Vec<Choice>,
    },
    TrueFalse {
        answer: bool,
    },
    Text {
        accept: Vec<Accepted>,
    },
    /// Items in the right order.
    Order {
        items: Vec<String>,
    },
    /// Each left item with its partner; the learner picks the partner of each from every
    /// partner offered (the pairs' right items, then the distractors).
    Match {
        pairs: Vec<MatchPair>,
        /// Partners that belong to no item, offered to make guessing harder.
        distractors: Vec<String>,
    },
    /// A number typed by the learner.
    Numeric {
        /// The fully right answers.
        right: NumberRange,
        /// Shown after the input, such as `GB`; the learner may type it too.
        unit: Option<String>,
        /// Answers that are partly right (or right too), with their credit.
        ranges: Vec<CreditRange>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    /// Percent of the question's point this right choice earns; given on a `multiple` question,
    /// it turns all-or-nothing grading into partial credit (see `quiz::grade`).
    pub credit: Option<u8>,
    pub feedback: Option<String>,
}

/// An accepted answer of a text question, with the percent of the point it earns.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    pub text: String,
    /// 100 for a fully right answer.
    pub credit: u8,
}

impl Accepted {
    /// A fully right answer.
    pub fn right(text: impl Into<String>) -> Accepted {
        Accepted {
            text: text.into(),
            credit: 100,
        }
    }
}

impl From<&str> for Accepted {
    fn from(text: &str) -> Accepted {
        Accepted::right(text)
    }
}

impl From<String> for Accepted {
    fn from(text: String) -> Accepted {
        Accepted::right(text)
    }
}

/// One item of a match question and its partner.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchPair {
    pub left: String,
    pub right: String,
}

/// The most partners a match question offers: the letters `a` to `z` name them.
pub const MAX_PARTNERS: usize = 26;

/// The partner a match question offers at `index`: the pairs' right items first (the partner of
/// item `i` is `i`), then the distractors.
pub fn partner<'a>(
    pairs: &'a [MatchPair],
    distractors: &'a [String],
    index: usize,
) -> Option<&'a str> {
    match pairs.get(index) {
        Some(pair) => Some(pair.right.as_str()),
        None => distractors.get(index - pairs.len()).map(String::as_str),
    }
}

/// The numbers a numeric answer accepts, both ends included.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberRange {
    /// `answer` with `tolerance` (0: exactly).
    Around { answer: f64, tolerance: f64 },
    /// `min` and `max`.
    Between { min: f64, max: f64 },
}

impl NumberRange {
    /// The lowest and the highest number accepted.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            NumberRange::Around { answer, tolerance } => (answer - tolerance, answer + tolerance),
            NumberRange::Between { min, max } => (min, max),
        }
    }

    /// Whether `value` lies in the range, ends included. A hair of slack (a billionth of the
    /// numbers' size) keeps `4.7 ± 0.1` accepting 4.6, which binary fractions put a little
    /// below 4.7 − 0.1 (4.6000000000000005).
    pub fn contains(self, value: f64) -> bool {
        let (min, max) = self.bounds();
        let slack = 1e-9 * min.abs().max(max.abs()).max(value.abs()).max(1.0);
        value >= min - slack && value <= max + slack
    }
}

/// A range of a numeric question that earns `credit` percent of the point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CreditRange {
    pub range: NumberRange,
    pub credit: u8,
}

impl Course {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// "C2 Messenger & SMS" or just the title.
    pub fn module_label(module: &Module) -> String {
        match &module.code {
            Some(code) => format!("{code} {}", module.title),
            None => module.title.clone(),
        }
    }
}

impl Question {
    /// Content hash: an answer recorded for another version of the question is not counted.
    /// Explanations and feedback can change without invalidating answers; what is asked and
    /// what is right cannot.
    pub fn fingerprint(&self) -> String {
        let mut parts: Vec<String> = vec![self.kind_name().to_string(), self.prompt.clone()];
        match &self.kind {
            // Credits count, but only where given: a question written before credits existed
            // keeps its fingerprint, and with it the learner's answers.
            QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
                for choice in choices {
                    parts.push(choice.text.clone());
                    parts.push(choice.correct.to_string());
                    if let Some(credit) = choice.credit {
                        parts.push(format!("credit {credit}"));
                    }
                }
            }
            QuestionKind::TrueFalse { answer } => parts.push(answer.to_string()),
            QuestionKind::Text { accept } => {
                for answer in accept {
                    parts.push(answer.text.clone());
                    if answer.credit != 100 {
                        parts.push(format!("credit {}", answer.credit));
                    }
                }
            }
            QuestionKind::Order { items } => parts.extend(items.iter().cloned()),
            QuestionKind::Match { pairs, distractors } => {
                for pair in pairs {
                    parts.push(pair.left.clone());
                    parts.push(pair.right.clone());
                }
                parts.push(String::new());
                parts.extend(distractors.iter().cloned());
            }
            QuestionKind::Numeric {
                right,
                unit,
                ranges,
            } => {
                parts.push(range_words(*right));
                parts.push(unit.clone().unwrap_or_default());
                for range in ranges {
                    parts.push(format!(
                        "{} credit {}",
                        range_words(range.range),
                        range.credit
                    ));
                }
            }
        }
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        fingerprint(&parts)
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::Text { .. } => "text",
            QuestionKind::Order { .. } => "order",
            QuestionKind::Match { .. } => "match",
            QuestionKind::Numeric { .. } => "numeric",
        }
    }
}

/// A number range as a stable text for the fingerprint (Rust's shortest exact form of a number).
fn range_words(range: NumberRange) -> String {
    match range {
        NumberRange::Around { answer, tolerance } => format!("{answer} ± {tolerance}"),
        NumberRange::Between { min, max } => format!("{min} .. {max}"),
    }
}

/// How answers and order items are compared: trimmed, case-insensitive, inner white space folded.
/// One rule for both sides: the loader refuses order items that fold alike, the quiz grades with it.
pub fn fold_answer(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
