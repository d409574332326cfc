//! TOML syntax errors told in a trainer's words: the TOML parser's messages ("invalid basic
//! string", "key with no value") become what went wrong and how to write it, placed where the
//! trainer has to change something, not where the parser gave up (the end of a line or file).

mod brackets;
mod keys;
mod place;
mod strings;
mod values;

pub(super) use place::{question_in_words, type_in_words};

use std::ops::Range;

use brackets::{brackets, unclosed_opener};
use keys::keys;
use place::{line_of, question_type_at, visible};
use strings::strings;
use values::values;

use crate::diagnostic::MAX_DIAGNOSTICS_PER_FILE;

/// One syntax error as the trainer should hear it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct SyntaxProblem {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

/// The parser's errors (`message`, `span`) in `source`, explained. A list or inline table that
/// is never closed makes the parser stumble over every line after it: those follow-up errors
/// are left out, and one problem points at the bracket that opened it.
pub(super) fn explain(source: &str, errors: &[(String, Range<usize>)]) -> Vec<SyntaxProblem> {
    let unclosed = errors
        .iter()
        .find(|(m, _)| m.contains("unclosed array") || m.contains("unclosed inline table"))
        .and_then(|(m, _)| {
            let bracket = if m.contains("array") { b'[' } else { b'{' };
            unclosed_opener(source, bracket).map(|at| (bracket, at))
        });
    // The first error of a line is the one to fix; the parser's next ones on that line follow
    // from how it read the first (`Titel: "x"` is a bad key, then a key without `=`).
    let mut lines_seen = std::collections::HashSet::new();
    let mut out: Vec<SyntaxProblem> = errors
        .iter()
        .filter(|(_, span)| unclosed.is_none_or(|(_, at)| span.start < at))
        .filter(|(_, span)| lines_seen.insert(line_of(source, span.start).start))
        .enumerate()
        .map(|(n, (message, span))| {
            // Past the problems a report keeps, each is only counted: spare the scans of
            // the source that explaining costs, so a file of many errors stays quick.
            if n < MAX_DIAGNOSTICS_PER_FILE {
                one(source, message, span.clone())
            } else {
                unknown(message, visible(source, span.clone()))
            }
        })
        .collect();
    if let Some((bracket, at)) = unclosed {
        out.push(if bracket == b'[' {
            problem(
                at..at + 1,
                "this list is never closed with `]`".to_string(),
                "end the list with `]` after its last entry: `items = [\"first\", \"second\"]`",
            )
        } else {
            problem(
                at..at + 1,
                "this table in braces is never closed with `}`".to_string(),
                "end it with `}` on the same line: `{ text = \"…\", correct = true }`",
            )
        });
    }
    for p in out.iter_mut().take(MAX_DIAGNOSTICS_PER_FILE) {
        if let Some(kind) = question_type_at(source, p.span.start) {
            p.message
                .push_str(&format!(" (in {})", question_in_words(kind)));
        }
    }
    out
}

fn problem(span: Range<usize>, message: String, help: impl Into<String>) -> SyntaxProblem {
    SyntaxProblem {
        span,
        message,
        help: Some(help.into()),
    }
}

/// One parser error explained, at a place at least one character wide.
fn one(source: &str, message: &str, span: Range<usize>) -> SyntaxProblem {
    let line = line_of(source, span.start);
    let mut found = strings(source, message, &span, &line)
        .or_else(|| keys(source, message, &span, &line))
        .or_else(|| values(source, message, &span, &line))
        .or_else(|| brackets(source, message, &span, &line))
        .unwrap_or_else(|| unknown(message, span));
    found.span = visible(source, found.span);
    found
}

/// A parser message this file does not know yet: still placed, with the rule every line keeps.
fn unknown(message: &str, span: Range<usize>) -> SyntaxProblem {
    let said = message.trim();
    problem(
        span,
        format!("this line is not valid TOML (the parser says: {said})"),
        "every line is a heading such as `[[section]]`, a `key = \"value\"` or a comment after `#`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(source: &str) -> Vec<SyntaxProblem> {
        let (_, errors) = toml::de::DeTable::parse_recoverable(source);
        let errors: Vec<(String, Range<usize>)> = errors
            .iter()
            .map(|e| (e.message().to_string(), e.span().unwrap_or(0..0)))
            .collect();
        explain(source, &errors)
    }

    #[test]
    fn a_list_never_closed_is_one_problem_at_its_opening_bracket() {
        let source = "items = [\"a\", \"b\"\n\n[[section]]\ntitle = \"S\"\n";
        let found = explained(source);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span, 8..9);
    }

    #[test]
    fn a_problem_inside_a_question_names_its_type_in_words() {
        let source = "[quiz]\n[[quiz.question]]\ntype = \"single\"\n\n[[quiz.question.choice]]\ntext = \"open\n";
        let found = explained(source);
        assert!(
            found[0].message.ends_with("(in a single-choice question)"),
            "{found:?}"
        );
    }

    /// The one problem of `line` (after a line that is fine): the text it marks, its message
    /// and its help.
    fn the_problem_of(line: &str) -> (String, String, String) {
        let source = format!("id = \"m\"\n{line}\nintro = \"x\"\n");
        let found = explained(&source);
        assert_eq!(found.len(), 1, "{line}: {found:?}");
        let p = &found[0];
        (
            source[p.span.clone()].to_string(),
            p.message.clone(),
            p.help.clone().unwrap_or_default(),
        )
    }

    #[test]
    fn every_syntax_error_marks_what_to_change_and_says_how_it_is_written() {
        // (line, marked, words in the message, words in the help)
        let cases = [
            (
                "title",
                "title",
                "`title` has no `=` and no value",
                "a key needs `= value` after it: `title = \"…\"`",
            ),
            (
                "title = ",
                "=",
                "`title` has no value after `=`",
                "`title = \"…\"`",
            ),
            (
                "title = Hallo",
                "Hallo",
                "this text has no quotes",
                "a value needs quotes: `title = \"Hallo\"`",
            ),
            (
                "title = \"a\" \"b\"",
                "\"b\"",
                "something follows the value",
                "on a line of its own",
            ),
            (
                "x = \"a\"x",
                "x",
                "something follows the value",
                "on a line of its own",
            ),
            (
                "=",
                "=",
                "there is no key before `=`",
                "write the key before `=`",
            ),
            (
                "x.=1",
                ".",
                "a `.` in a key needs a name after it",
                "`x = 1`",
            ),
            ("a b = 1", "a b", "`a b` has a space in it", "`a_b = …`"),
            (
                "n = 1.2.3",
                "1.2.3",
                "more than one decimal point",
                "numbers use one decimal point",
            ),
            ("x = 1,5", ",", "a number has a comma in it", "1.5"),
            (
                "x = tru",
                "tru",
                "neither `true` nor `false`",
                "true and false are written in lower case, in full",
            ),
            (
                "x = True",
                "True",
                "neither `true` nor `false`",
                "lower case, in full",
            ),
            (
                "d = 1979-13-45",
                "1979-13-45",
                "is not a real date",
                "dates are YYYY-MM-DD with a real month and day",
            ),
            (
                "t = 25:00:00",
                "25:00:00",
                "is not a real time of day",
                "the hour from 00 to 23",
            ),
            (
                "d = 1979-05-27T25:00:00",
                "1979-05-27T25:00:00",
                "not a real time of day",
                "HH:MM:SS",
            ),
            ("x = 1_", "1_", "is not between two digits", "1_000"),
            ("x = 07", "07", "starts with a 0", "write 7"),
            ("x = .5", ".5", "does not start with a digit", "0.5"),
            ("x = 5.", "5.", "has no digit after it", "5.0"),
            ("x = 1e", "1e", "has no digits after it", "1e3"),
            (
                "x = nan1",
                "nan1",
                "not a number kurs can read",
                "text in quotes",
            ),
            (
                "x = ]",
                "]",
                "closes a list that was never opened",
                "`items = [\"first\", \"second\"]`",
            ),
            ("x = [1,,2]", ",", "has no entry before it", "remove it"),
            (
                "x = [1 2]",
                "1 2",
                "or a comma is missing",
                "a comma between the entries",
            ),
            ("x = [1, 2]]", "]", "one `]` too many", "remove this `]`"),
            (
                "x = {a 1}",
                "1",
                "has no `=`",
                "`{ text = \"…\", correct = true }`",
            ),
            ("[a.]", "[a.]", "has a name missing", "`[[section]]`"),
            (
                "[a] b",
                "b",
                "follows the table heading",
                "a heading stands on a line of its own",
            ),
            (
                "\"x = 1",
                "\"x = 1",
                "starts with a quote `\"` that is never closed",
                "`x = 1`",
            ),
            (
                "\"\"\"x\"\"\" = 1",
                "\"\"\"x\"\"\"",
                "triple quotes",
                "without quotes",
            ),
        ];
        for (line, marked, message, help) in cases {
            let found = the_problem_of(line);
            assert_eq!(found.0, marked, "{line}: {found:?}");
            assert!(found.1.contains(message), "{line}: {found:?}");
            assert!(found.2.contains(help), "{line}: {found:?}");
        }
    }

    #[test]
    fn a_parser_message_not_known_here_is_kept_with_a_place_and_a_rule() {
        let found = one("x = 1\n", "something new, expected nothing", 4..4);
        assert_eq!(found.span, 4..5);
        assert!(found.message.contains("something new"), "{found:?}");
        assert!(found.help.is_some());
    }
}
