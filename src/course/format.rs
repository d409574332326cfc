//! The file format (version 1; the match and numeric types and `credit` only add to it) as serde types: the single description of every key, its type
//! and default, from which `kurs schema` generates the JSON Schemas editors validate against.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `course.toml`: one per course folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "kurs course", extend("x-taplo" = {"initKeys": ["id", "title", "language"]}))]
pub struct CourseFile {
    /// Stable id of the course: lowercase letters, digits and `-`. Progress is stored under it.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Title shown in the library.
    #[schemars(length(min = 1))]
    pub title: String,
    /// BCP 47 language tag such as `de` or `en-GB`; it picks the UI language.
    #[serde(default = "default_language")]
    pub language: String,
    /// Markdown shown under the course title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Percent of points needed to pass a quiz; the default for every quiz of the course.
    #[serde(default = "default_pass_percent")]
    #[schemars(range(min = 0, max = 100))]
    pub pass_percent: u8,
    /// The https IRI that the course's xAPI activity ids begin with, such as
    /// `https://kurse.example.org/sicher-online`; without it `urn:kurs:<id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^https://[^\s]+$"))]
    pub xapi_activity_base: Option<String>,
    /// Module files in order, relative to the course folder. Use either this or `[[area]]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modules: Option<Vec<String>>,
    /// Topic areas, each with its modules in order. Use either this or `modules`.
    #[serde(default, rename = "area", skip_serializing_if = "Option::is_none")]
    pub areas: Option<Vec<AreaFile>>,
    /// The course's final exam: questions drawn at random from every module's quiz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exam: Option<ExamFile>,
    /// A certificate for learners who meet the requirement, signed and verifiable offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateFile>,
}

/// `[exam]`: a timed test at the end of the course, with no feedback until it is handed in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExamFile {
    /// Default: "Abschlusstest" / "Final test".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How many questions are drawn from all quizzes and `[[exam.question]]`; default 10, or
    /// every question when the course has fewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 500))]
    pub questions: Option<u32>,
    /// Percent of points needed to pass; default: the course's `pass_percent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub pass_percent: Option<u8>,
    /// Minutes for the whole exam; without it the exam has no time limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 600))]
    pub time_limit_minutes: Option<u32>,
    /// The exam opens only once every module's quiz is passed.
    #[serde(default = "default_true")]
    pub modules_first: bool,
    /// Questions asked only in the exam, of the same shape as quiz questions.
    #[serde(default, rename = "question", skip_serializing_if = "Vec::is_empty")]
    pub questions_own: Vec<QuestionFile>,
}

/// `[certificate]`: when a learner earns one and who issues it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateFile {
    /// What must be passed: `"exam"` and/or `"modules"` (every module's quiz); default both
    /// where the course has an exam, else `"modules"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires: Option<Vec<Requirement>>,
    /// Who issues it (a school, a trainer, a company), printed on the certificate; default: the
    /// course's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub issuer: Option<String>,
}

/// One requirement of a certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// The course's exam passed.
    Exam,
    /// Every module's quiz passed.
    Modules,
}

/// A topic area such as "C Kommunikation".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaFile {
    /// Short label such as `C`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[schemars(length(min = 1))]
    pub title: String,
    /// Module files in order, relative to the course folder.
    pub modules: Vec<String>,
}

/// One module file: sections to read and an optional quiz.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "kurs module", extend("x-taplo" = {"initKeys": ["id", "title", "section"]}))]
pub struct ModuleFile {
    /// Stable id, unique in its course: lowercase letters, digits and `-`.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Short label such as `C2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[schemars(length(min = 1))]
    pub title: String,
    /// Markdown shown above the sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// The accordion panes, in order.
    #[serde(rename = "section")]
    #[schemars(length(min = 1))]
    pub sections: Vec<SectionFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<QuizFile>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    #[schemars(length(min = 1))]
    pub title: String,
    /// Markdown.
    pub body: String,
}

/// The practice quiz at the end of the module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    /// Default: "Mein Wissen üben" / "Practice what you learned".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Default: the course's `pass_percent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub pass_percent: Option<u8>,
    /// Shuffle questions and choices for every attempt.
    #[serde(default = "default_true")]
    pub shuffle: bool,
    #[serde(rename = "question")]
    #[schemars(length(min = 1))]
    pub questions: Vec<QuestionFile>,
}

/// A question; `type` decides which other keys it takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum QuestionFile {
    /// Pick exactly one choice.
    Single {
        #[serde(flatten)]
        common: QuestionCommon,
        #[serde(rename = "choice")]
        #[schemars(length(min = 2))]
        choices: Vec<ChoiceFile>,
    },
    /// Pick every correct choice.
    Multiple {
        #[serde(flatten)]
        common: QuestionCommon,
        #[serde(rename = "choice")]
        #[schemars(length(min = 2))]
        choices: Vec<ChoiceFile>,
    },
    /// Decide whether the statement is true.
    TrueFalse {
        #[serde(flatten)]
        common: QuestionCommon,
        answer: bool,
    },
    /// Type the answer; compared trimmed, case-insensitively, with inner white space folded.
    Text {
        #[serde(flatten)]
        common: QuestionCommon,
        /// The answers accepted: a text is fully right; `{ text = "…", credit = 50 }` earns
        /// that percent of the point. At least one must be fully right.
        #[schemars(length(min = 1))]
        accept: Vec<AcceptFile>,
    },
    /// Put the items in order; they are listed here in the right order and shown shuffled.
    Order {
        #[serde(flatten)]
        common: QuestionCommon,
        #[schemars(length(min = 2))]
        items: Vec<String>,
    },
    /// Match each item with its partner: every pair counts the same share of the point.
    Match {
        #[serde(flatten)]
        common: QuestionCommon,
        /// The pairs, at least two; a pair without `left` is a distractor, a partner that
        /// belongs to no item.
        #[serde(rename = "pair")]
        #[schemars(length(min = 2))]
        pairs: Vec<PairFile>,
    },
    /// Type a number (`,` or `.` as decimal mark): `answer` with `tolerance`, or `min` and `max`.
    Numeric {
        #[serde(flatten)]
        common: QuestionCommon,
        /// The right number; with `tolerance`, anything that close is right too.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answer: Option<f64>,
        /// How far from `answer` a number may be and still be right (ends included); default 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(range(min = 0))]
        tolerance: Option<f64>,
        /// The lowest right number (with `max`, instead of `answer`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// The highest right number (with `min`, instead of `answer`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// Shown after the input, such as `GB` or `€`; the learner may type it too.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(length(min = 1))]
        unit: Option<String>,
        /// Numbers that are partly right, each range with its `credit`.
        #[serde(default, rename = "range", skip_serializing_if = "Vec::is_empty")]
        ranges: Vec<RangeFile>,
    },
}

/// An accepted answer: a text (fully right), or a text with its credit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AcceptFile {
    Text(#[schemars(length(min = 1))] String),
    Weighted(WeightedAnswerFile),
}

/// `{ text = "…", credit = 50 }`: an accepted answer that earns part of the point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeightedAnswerFile {
    #[schemars(length(min = 1))]
    pub text: String,
    /// Percent of the point this answer earns.
    #[schemars(range(min = 0, max = 100))]
    pub credit: u8,
}

/// `[[quiz.question.pair]]`: an item and its partner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PairFile {
    /// The item; without it the pair is a distractor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub left: Option<String>,
    /// Its partner.
    #[schemars(length(min = 1))]
    pub right: String,
}

/// `[[quiz.question.range]]`: numbers that earn `credit` percent of the point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RangeFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Percent of the point a number in this range earns.
    #[schemars(range(min = 0, max = 100))]
    pub credit: u8,
}

/// Keys every question type takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionCommon {
    /// Stable key for progress; default `q1`, `q2`, … by position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Option<String>,
    /// Markdown.
    #[schemars(length(min = 1))]
    pub prompt: String,
    /// Markdown shown after answering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceFile {
    #[schemars(length(min = 1))]
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    /// On a right choice of a `multiple` question: the percent of the point it earns. Once one
    /// choice has it, every right choice needs it, and together they make 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub credit: Option<u8>,
    /// Shown when the learner picked this choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

fn default_language() -> String {
    "en".to_string()
}

fn default_pass_percent() -> u8 {
    60
}

fn default_true() -> bool {
    true
}

/// Keys the loader accepts, per table; a test keeps them equal to the schema's properties.
pub mod keys {
    pub const COURSE: &[&str] = &[
        "id",
        "title",
        "language",
        "description",
        "pass_percent",
        "xapi_activity_base",
        "modules",
        "area",
        "exam",
        "certificate",
    ];
    pub const EXAM: &[&str] = &[
        "title",
        "questions",
        "pass_percent",
        "time_limit_minutes",
        "modules_first",
        "question",
    ];
    pub const CERTIFICATE: &[&str] = &["requires", "issuer"];
    pub const AREA: &[&str] = &["code", "title", "modules"];
    pub const MODULE: &[&str] = &["id", "code", "title", "intro", "section", "quiz"];
    pub const SECTION: &[&str] = &["title", "body"];
    pub const QUIZ: &[&str] = &["title", "pass_percent", "shuffle", "question"];
    pub const QUESTION_COMMON: &[&str] = &["id", "type", "prompt", "explanation"];
    pub const CHOICE: &[&str] = &["text", "correct", "credit", "feedback"];
    /// An entry of `accept` written as a table.
    pub const ACCEPT: &[&str] = &["text", "credit"];
    pub const PAIR: &[&str] = &["left", "right"];
    pub const RANGE: &[&str] = &["answer", "tolerance", "min", "max", "credit"];
    /// The keys each question type adds to the common ones.
    pub const QUESTION_TYPES: &[(&str, &[&str])] = &[
        ("single", &["choice"]),
        ("multiple", &["choice"]),
        ("true_false", &["answer"]),
        ("text", &["accept"]),
        ("order", &["items"]),
        ("match", &["pair"]),
        (
            "numeric",
            &["answer", "tolerance", "min", "max", "unit", "range"],
        ),
    ];
}
