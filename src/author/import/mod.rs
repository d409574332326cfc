//! Question banks from other systems turned into kurs modules (`kurs import gift`, `kurs import
//! aiken`): each format's parser reads into the one model below, `write.rs` makes module files of it.

mod aiken;
mod gift;
mod html;
mod write;

use std::ops::Range;

use crate::course::{Accepted, CreditRange, MatchPair, NumberRange};

pub use aiken::parse as parse_aiken;
pub use gift::{ALL_OR_NOTHING, escape as gift_escape, parse as parse_gift};
pub use write::{Destination, Imported, build};

/// Input files larger than this are refused before they are read, like course files.
pub const MAX_BANK_BYTES: u64 = crate::course::files::MAX_FILE_BYTES;

/// A question bank as read: its questions in groups, one group per category.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bank {
    pub groups: Vec<Group>,
}

/// The questions of one category (GIFT's `$CATEGORY:`), in the order of the file; the one group
/// of a file without categories has none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// The last part of the category's path, which names the module.
    pub category: Option<String>,
    pub items: Vec<Item>,
}

/// One question or description of the bank.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Where it is in the input file (bytes), for the comment above it in the module file.
    pub span: Range<usize>,
    /// GIFT's `::title::`, plain text; it becomes the question's id.
    pub title: Option<String>,
    /// Markdown.
    pub prompt: String,
    /// Markdown shown after answering (GIFT's general feedback, and feedback kurs has no key for).
    pub explanation: Option<String>,
    pub kind: ItemKind,
}

/// What the learner does with an item, in the types kurs has.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    Single {
        choices: Vec<Choice>,
    },
    /// With `credit` on the right choices for partial credit, else all or nothing.
    Multiple {
        choices: Vec<Choice>,
    },
    TrueFalse {
        answer: bool,
    },
    Text {
        accept: Vec<Accepted>,
    },
    Match {
        pairs: Vec<MatchPair>,
        distractors: Vec<String>,
    },
    Numeric {
        right: NumberRange,
        ranges: Vec<CreditRange>,
    },
    /// Not a question kurs can grade: written as a section with its answers in Markdown.
    Kept {
        what: Kept,
        answers: Vec<String>,
    },
}

/// Why an item is kept as a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// A numerical question without an answer that gives full marks.
    Numerical,
    /// A matching question kurs cannot take as it is (a partner twice, fewer than two pairs,
    /// more partners than letters).
    Matching,
    Essay,
    Description,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Plain text.
    pub text: String,
    pub correct: bool,
    /// Percent of the point a right choice of a multiple choice question earns.
    pub credit: Option<u8>,
    /// Markdown.
    pub feedback: Option<String>,
}

impl Bank {
    /// Questions kurs grades, and items kept as sections.
    pub fn counts(&self) -> (usize, usize) {
        let items = self.groups.iter().flat_map(|group| &group.items);
        let kept = items
            .clone()
            .filter(|item| matches!(item.kind, ItemKind::Kept { .. }))
            .count();
        (items.count() - kept, kept)
    }
}

/// Text for the model: control characters other than line breaks and tabs (which `kurs check`
/// refuses, E020) replaced by U+FFFD. Whether any was replaced is the second value.
pub(crate) fn without_controls(text: &str) -> (String, bool) {
    let mut changed = false;
    let clean = text
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                changed = true;
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    (clean, changed)
}
