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
    pub quiz: Option<Quiz>,
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
        accept: Vec<String>,
    },
    /// Items in the right order.
    Order {
        items: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub feedback: Option<String>,
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
            QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
                for choice in choices {
                    parts.push(choice.text.clone());
                    parts.push(choice.correct.to_string());
                }
            }
            QuestionKind::TrueFalse { answer } => parts.push(answer.to_string()),
            QuestionKind::Text { accept } => parts.extend(accept.iter().cloned()),
            QuestionKind::Order { items } => parts.extend(items.iter().cloned()),
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
        }
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
