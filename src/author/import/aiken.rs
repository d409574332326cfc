//! The Aiken format read into the import model: a question, its options `A.` or `A)`, and an
//! `ANSWER: B` line naming the right one (`ANSWER: A, C` for several). Plain text throughout.

use std::ops::Range;
use std::path::Path;

use super::html::escape_markdown;
use super::{Bank, Choice, Group, Item, ItemKind, without_controls};
use crate::diagnostic::{Code, Diagnostic, Report};

/// Reads an Aiken file; every problem goes into the report with its place.
pub fn parse(source: &str, file: &Path) -> (Bank, Report) {
    let mut report = Report::default();
    let mut items = Vec::new();
    let mut open: Option<Open> = None;
    let mut offset = 0;
    let error = |report: &mut Report, span: Range<usize>, message: &str, help: &str| {
        if report.is_full(file) {
            report.push(Diagnostic::file(Code::ImportUnreadable, file, ""));
            return;
        }
        report.push(
            Diagnostic::at(Code::ImportUnreadable, file, source, span, message).with_help(help),
        );
    };
    for raw in source.split_inclusive('\n') {
        let line_at = offset;
        offset += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let line = content.trim();
        let span = line_at + lead..line_at + lead + line.len();
        if line.is_empty() {
            continue;
        }
        if let Some(letters) = answer_line(line) {
            let Some(question) = open.take() else {
                error(
                    &mut report,
                    span,
                    "an ANSWER line without a question and options before it",
                    "write the question, then its options A. B. …, then ANSWER: A",
                );
                continue;
            };
            if question.options.len() < 2 {
                error(
                    &mut report,
                    question.start..span.end,
                    "a question needs at least two options such as A. and B.",
                    "start each option with a capital letter and a dot or bracket: A. or A)",
                );
                continue;
            }
            let mut right = Vec::new();
            for letter in letters.split(',').map(str::trim) {
                let known = letter.chars().count() == 1
                    && question
                        .options
                        .iter()
                        .any(|(l, _)| l.to_string() == letter.to_ascii_uppercase());
                if !known {
                    let shown: Vec<String> = question
                        .options
                        .iter()
                        .map(|(l, _)| l.to_string())
                        .collect();
                    error(
                        &mut report,
                        span.clone(),
                        &format!(
                            "the ANSWER `{}` names no option of the question; it has {}",
                            crate::safe_text::single_line(letter),
                            shown.join(", ")
                        ),
                        "write the letter of the right option: ANSWER: B",
                    );
                    right.clear();
                    break;
                }
                right.push(letter.to_ascii_uppercase());
            }
            if right.is_empty() {
                continue;
            }
            let choices: Vec<Choice> = question
                .options
                .iter()
                .map(|(letter, text)| Choice {
                    text: text.clone(),
                    correct: right.contains(&letter.to_string()),
                    credit: None,
                    feedback: None,
                })
                .collect();
            let kind = if right.len() == 1 {
                ItemKind::Single { choices }
            } else {
                ItemKind::Multiple { choices }
            };
            items.push(Item {
                span: question.start..span.end,
                title: None,
                prompt: escape_markdown(&question.text.join("\n"), true),
                explanation: None,
                kind,
            });
            continue;
        }
        if let Some((letter, text)) = option_line(line) {
            match open.as_mut() {
                Some(question) => question.options.push((letter, clean(text))),
                None => error(
                    &mut report,
                    span,
                    "an option before any question",
                    "write the question on the line before its options",
                ),
            }
            continue;
        }
        match open.as_mut() {
            Some(question) if !question.options.is_empty() => error(
                &mut report,
                span,
                "a line among the options that is no option (A. or A)) and no ANSWER line",
                "end each question with ANSWER: and the letter of the right option",
            ),
            Some(question) => question.text.push(clean(line)),
            None => {
                open = Some(Open {
                    start: span.start,
                    text: vec![clean(line)],
                    options: Vec::new(),
                })
            }
        }
    }
    if let Some(question) = open {
        error(
            &mut report,
            question.start..question.start + question.text.first().map_or(0, String::len),
            "this question has no ANSWER line",
            "end each question with ANSWER: and the letter of the right option",
        );
    }
    if items.is_empty() && report.errors() == 0 {
        report.push(Diagnostic::file(
            Code::ImportNothing,
            file,
            "the file holds no question",
        ));
    }
    report.files = 1;
    let groups = if items.is_empty() {
        Vec::new()
    } else {
        vec![Group {
            category: None,
            items,
        }]
    };
    (Bank { groups }, report)
}

struct Open {
    start: usize,
    text: Vec<String>,
    options: Vec<(char, String)>,
}

fn clean(text: &str) -> String {
    without_controls(text.trim()).0
}

/// The letters after `ANSWER:`.
fn answer_line(line: &str) -> Option<&str> {
    let head = line.get(..7)?;
    head.eq_ignore_ascii_case("answer:")
        .then(|| line[7..].trim())
}

/// `A. text` or `A) text`: the letter and the text.
fn option_line(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let mark = chars.next()?;
    let rest = chars.as_str();
    ((mark == '.' || mark == ')') && rest.starts_with([' ', '\t']) && !rest.trim().is_empty())
        .then(|| (letter, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Bank, Report) {
        parse(text, Path::new("bank.txt"))
    }

    #[test]
    fn moodles_example_gives_two_single_choice_questions() {
        let (bank, report) = read(
            "What is the correct answer to this question?\nA. Is it this one?\nB. Maybe this answer?\nC. Possibly this one?\nD. Must be this one!\nANSWER: D\n\nWhich LMS has the most quiz import formats?\nA) Moodle\nB) ATutor\nC) Claroline\nD) Blackboard\nE) WebCT\nF) Ilias\nANSWER: A\n",
        );
        assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
        let items = &bank.groups[0].items;
        assert_eq!(items.len(), 2);
        let ItemKind::Single { choices } = &items[0].kind else {
            panic!("{:?}", items[0].kind)
        };
        assert_eq!(choices.len(), 4);
        assert!(choices[3].correct && !choices[0].correct);
        assert_eq!(choices[3].text, "Must be this one!");
    }

    #[test]
    fn an_answer_naming_no_option_is_an_error_at_its_line() {
        let (_, report) = read("Q?\nA. x\nB. y\nANSWER: C\n");
        let d = &report.diagnostics[0];
        assert_eq!((d.code, d.line, d.column), (Code::ImportUnreadable, 4, 1));
    }

    #[test]
    fn a_question_without_answer_line_is_an_error() {
        let (_, report) = read("Q?\nA. x\nB. y\n");
        assert_eq!(report.errors(), 1);
        assert_eq!(report.diagnostics[0].line, 1);
    }

    #[test]
    fn several_letters_give_a_multiple_choice_question() {
        let (bank, report) = read("Q?\nA. x\nB. y\nC. z\nANSWER: A, C\n");
        assert_eq!(report.errors(), 0);
        assert!(matches!(
            bank.groups[0].items[0].kind,
            ItemKind::Multiple { .. }
        ));
    }
}
