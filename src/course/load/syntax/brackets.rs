//! Lists, tables in braces and table headings: never opened, never closed, commas; and the
//! bracket a list or braces were opened with.

use std::ops::Range;

use toml_parser::lexer::TokenKind;

use super::place::key_on;
use super::{SyntaxProblem, problem};

/// Lists, tables in braces and table headings: never opened, never closed, commas.
pub(super) fn brackets(
    source: &str,
    message: &str,
    span: &Range<usize>,
    line: &Range<usize>,
) -> Option<SyntaxProblem> {
    let list = "a list is written `items = [\"first\", \"second\"]`";
    let braces = "an entry is written `{ text = \"…\", correct = true }`";
    if message.contains("unclosed array table") || message.contains("unclosed table") {
        let close = if message.contains("array") { "]]" } else { "]" };
        let text = &source[line.clone()];
        let start = line.start + (text.len() - text.trim_start().len());
        let header = source[start..line.end].trim_end();
        let open = if close == "]]" { "[[" } else { "[" };
        let name = header.trim_matches(['[', ']']).trim();
        return Some(problem(
            start..start + header.len(),
            format!("this table heading has no closing `{close}`"),
            format!("close it on the same line: `{open}{name}{close}`"),
        ));
    }
    if message.contains("unclosed array") {
        return Some(problem(
            span.clone(),
            "this list is never closed with `]`".to_string(),
            format!("end the list with `]` after its last entry: {list}"),
        ));
    }
    if message.contains("unclosed inline table") {
        return Some(problem(
            span.clone(),
            "this table in braces is never closed with `}`".to_string(),
            format!("end it with `}}` on the same line: {braces}"),
        ));
    }
    let (_, words, help) = AT_THE_PLACE
        .iter()
        .find(|(said, _, _)| said.iter().any(|m| message.contains(m)))?;
    let key = key_on(source, line.clone()).unwrap_or("title");
    let help = help
        .replace("{list}", list)
        .replace("{braces}", braces)
        .replace("{key}", key);
    Some(problem(span.clone(), words.to_string(), help))
}

/// The parser's messages explained at the parser's own place, tried in this order: the words
/// any of which the message holds, what went wrong, and how it is written (`{list}` and
/// `{braces}` stand for the examples in `brackets`, `{key}` for the key the line sets).
const AT_THE_PLACE: &[(&[&str], &str, &str)] = &[
    (
        &["missing array opening"],
        "this `]` closes a list that was never opened",
        "{list}",
    ),
    (
        &["missing inline table opening"],
        "this `}` closes braces that were never opened",
        "{braces}",
    ),
    (
        &["missing table open"],
        "this `]` closes a table heading that was never opened",
        "a heading is written `[quiz]` or `[[section]]`",
    ),
    (
        &["missing comma between array"],
        "the entries of a list need commas between them",
        "{list}",
    ),
    (
        &["extra comma in array"],
        "a comma in this list has no entry before it",
        "remove it: {list}",
    ),
    (
        &["unexpected `=` in array"],
        "a list holds values, not `key = value`",
        "{list}; entries with keys are tables, such as `[[quiz.question]]`",
    ),
    (
        &["expected `,`", "missing comma between key"],
        "the entries in braces need commas between them",
        "{braces}",
    ),
    (
        &["extra comma in inline table"],
        "a comma in braces has no entry before it",
        "remove it: {braces}",
    ),
    (
        &["missing assignment"],
        "an entry in braces has no `=`",
        "{braces}",
    ),
    (
        &["extra assignment"],
        "there is one `=` too many in braces",
        "{braces}",
    ),
    (
        &["inline table", "key-value"],
        "an entry in braces is not written as `key = value`",
        "{braces}",
    ),
    (
        &["missing value", "invalid value"],
        "a value is missing or cannot be read",
        "write the value after `=`: `{key} = \"…\"`",
    ),
    (
        &["comment"],
        "a comment holds a character that cannot be shown",
        "delete the invisible character from the comment; an editor may show it as a box or as `^A`",
    ),
    (
        &["carriage return"],
        "a line ends in a lone carriage return",
        "save the file with ordinary line endings (LF, or CRLF); most editors offer this as \"line endings\"",
    ),
];

/// The first bracket `bracket` (`[` or `{`) that opens a value and is never closed.
pub(super) fn unclosed_opener(source: &str, bracket: u8) -> Option<usize> {
    // Each open bracket, with whether it opens a value (after `=`, `,` or a value's bracket)
    // rather than a table heading.
    let mut open: Vec<(TokenKind, usize, bool)> = Vec::new();
    let mut previous = TokenKind::Newline;
    for token in toml_parser::Source::new(source).lex() {
        let kind = token.kind();
        match kind {
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                let value = match previous {
                    TokenKind::Equals | TokenKind::Comma => true,
                    TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                        open.last().is_some_and(|o| o.2)
                    }
                    _ => false,
                };
                open.push((kind, token.span().start(), value));
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                let opener = if kind == TokenKind::RightSquareBracket {
                    TokenKind::LeftSquareBracket
                } else {
                    TokenKind::LeftCurlyBracket
                };
                // A stray closing bracket closes nothing; only its own kind is matched.
                if open.last().is_some_and(|o| o.0 == opener) {
                    open.pop();
                }
            }
            _ => {}
        }
        previous = kind;
    }
    let wanted = if bracket == b'[' {
        TokenKind::LeftSquareBracket
    } else {
        TokenKind::LeftCurlyBracket
    };
    open.iter()
        .find(|(kind, _, value)| *kind == wanted && *value)
        .map(|(_, at, _)| *at)
}
