//! One question: its title, text format and answer block, a description without one, and one
//! answer of a list with its weight and feedback; the answers decide the kind.

use std::ops::Range;

use super::text::{Format, Piece};
use super::{BLANK, Reader};

use crate::author::import::{Item, ItemKind, Kept, html};
use crate::diagnostic::Code;

/// An answer block split up: the general feedback taken off, and the rest.
pub(super) struct Answers<'a> {
    pub(super) block: Piece<'a>,
    pub(super) rest: Piece<'a>,
    pub(super) general: Option<Piece<'a>>,
}

impl<'a> Reader<'a> {
    pub(super) fn question(&mut self, q: Piece<'_>) {
        let span = q.span();
        let mut rest = q;
        let mut title = None;
        if rest.text.starts_with("::") {
            let inner = rest.from(2);
            let Some(end) = inner.find_run(':', 2) else {
                self.error(
                    q.to(2).span(),
                    "the question's title has no closing `::`",
                    "write the title between two pairs of colons: ::Title:: and escape a colon in it as \\:",
                );
                return;
            };
            let name = inner.to(end).unescape().trim().to_owned();
            title = (!name.is_empty()).then_some(name);
            rest = inner.from(end + 2).trim();
        }
        let mut format = Format::Moodle;
        if rest.text.starts_with('[')
            && let Some(close) = rest.text.find(']')
            && let Some(named) = Format::named(&rest.text[1..close])
        {
            format = named;
            rest = rest.from(close + 1);
        }
        let open = rest.find('{');
        let close = rest.find('}');
        let (open, close) = match (open, close) {
            (None, None) => {
                self.description(span, title, format, rest);
                return;
            }
            (Some(open), None) => {
                self.error(
                    rest.slice(open..open + 1).span(),
                    "this answer block has no closing `}`",
                    "close the answers with }, or escape a brace that is text as \\{",
                );
                return;
            }
            (None, Some(close)) => {
                self.error(
                    rest.slice(close..close + 1).span(),
                    "this `}` closes no answer block",
                    "escape a brace that is text as \\}",
                );
                return;
            }
            (Some(open), Some(close)) if close < open => {
                self.error(
                    rest.slice(close..close + 1).span(),
                    "this `}` comes before the `{` of the answer block",
                    "escape a brace that is text as \\}",
                );
                return;
            }
            (Some(open), Some(close)) => (open, close),
        };
        let after = rest.from(close + 1);
        if let Some(again) = after.find('{').or_else(|| after.find('}')) {
            self.error(
                after.slice(again..again + 1).span(),
                "a question can have only one answer block",
                "separate questions by a blank line, or escape a brace that is text as \\{ or \\}",
            );
            return;
        }
        let block = rest.slice(open..close + 1);
        let before = rest.to(open);
        let mut prompt = format.markdown(before);
        if !after.is_blank() {
            // The missing-word form: the blank stands where the answers are.
            let tail = format.markdown(after);
            let gap = if tail.starts_with(|c: char| c.is_alphanumeric()) {
                " "
            } else {
                ""
            };
            prompt = format!("{prompt} {BLANK}{gap}{tail}").trim().to_owned();
        }
        if prompt.is_empty() {
            match &title {
                Some(title) => prompt = html::escape_markdown(title, false),
                None => {
                    self.error(
                        block.span(),
                        "the question has no text before its answers",
                        "write the question before the answer block: What is 2+2? {=4}",
                    );
                    return;
                }
            }
        }
        let inner = block.slice(1..block.text.len() - 1);
        let answers = match inner.find_run('#', 4) {
            Some(at) => Answers {
                block,
                rest: inner.to(at).trim(),
                general: Some(inner.from(at + 4).trim()),
            },
            None => Answers {
                block,
                rest: inner.trim(),
                general: None,
            },
        };
        let explanation = answers
            .general
            .map(|general| format.markdown(general))
            .filter(|text| !text.is_empty());
        let item = Item {
            span,
            title,
            prompt,
            explanation,
            kind: ItemKind::TrueFalse { answer: true },
        };
        let text = answers.rest;
        if text.is_blank() {
            self.warn(
                Code::ImportKeptAsSection,
                block.span(),
                "an essay question kurs cannot grade; kept as a section",
            );
            self.push(Item {
                kind: ItemKind::Kept {
                    what: Kept::Essay,
                    answers: Vec::new(),
                },
                ..item
            });
        } else if text.text.starts_with('#') {
            self.numerical(item, &answers, format);
        } else if text.find('~').is_some() {
            self.choices(item, &answers, format);
        } else if text.find('=').is_some() && text.text.contains("->") {
            self.matching(item, &answers, format);
        } else if let Some(answer) = true_false(text) {
            self.true_false(item, &answers, format, answer);
        } else {
            self.short_answer(item, &answers, format);
        }
    }

    fn description(
        &mut self,
        span: Range<usize>,
        title: Option<String>,
        format: Format,
        text: Piece<'_>,
    ) {
        let mut prompt = format.markdown(text);
        if prompt.is_empty() {
            match &title {
                Some(title) => prompt = html::escape_markdown(title, false),
                None => return,
            }
        }
        self.warn(
            Code::ImportKeptAsSection,
            span.clone(),
            "a description without an answer block; kept as a section",
        );
        self.push(Item {
            span,
            title,
            prompt,
            explanation: None,
            kind: ItemKind::Kept {
                what: Kept::Description,
                answers: Vec::new(),
            },
        });
    }

    /// One answer of a list: `%weight%` taken off the front, `#feedback` off the end.
    pub(super) fn answer<'t>(&mut self, part: Piece<'t>) -> Option<Answer<'t>> {
        let part = part.trim();
        let mut text = part;
        let mut weight = None;
        if let Some(rest) = part.text.strip_prefix('%') {
            let Some(end) = rest.find('%') else {
                self.error(
                    part.to(1).span(),
                    "this weight has no closing `%`",
                    "write a weight as %50% before the answer",
                );
                return None;
            };
            let number = &rest[..end];
            match number.trim().parse::<f64>() {
                Ok(value) if (-100.0..=100.0).contains(&value) => weight = Some(value),
                _ => {
                    self.error(
                        part.to(end + 2).span(),
                        format!(
                            "the weight `{}` is not a percentage from -100 to 100",
                            crate::safe_text::single_line(number)
                        ),
                        "write a weight as %50% or %-100%",
                    );
                    return None;
                }
            }
            text = part.from(end + 2).trim();
        }
        let (text, feedback) = match text.find('#') {
            Some(at) => (text.to(at).trim(), Some(text.from(at + 1).trim())),
            None => (text, None),
        };
        Some(Answer {
            whole: part,
            weight,
            text,
            feedback: feedback.filter(|f| !f.is_blank()),
        })
    }
}

pub(super) struct Answer<'a> {
    pub(super) whole: Piece<'a>,
    pub(super) weight: Option<f64>,
    pub(super) text: Piece<'a>,
    pub(super) feedback: Option<Piece<'a>>,
}

/// The answer of `{T}`, `{FALSE#…}` and the like, `None` for other answers.
fn true_false(text: Piece<'_>) -> Option<bool> {
    let word = text.to(text.find('#').unwrap_or(text.text.len())).trim();
    match word.text.to_ascii_uppercase().as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    }
}
