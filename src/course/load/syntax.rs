//! TOML syntax errors told in a trainer's words: the TOML parser's messages ("invalid basic
//! string", "key with no value") become what went wrong and how to write it, placed where the
//! trainer has to change something, not where the parser gave up (the end of a line or file).

use std::ops::Range;

use toml_parser::lexer::TokenKind;

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
                SyntaxProblem {
                    span: span.clone(),
                    message: format!("invalid TOML: {}", message.trim()),
                    help: None,
                }
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

/// One parser error explained; a message this does not know is kept as the parser said it.
fn one(source: &str, message: &str, span: Range<usize>) -> SyntaxProblem {
    let line = line_of(source, span.start);
    let key = key_on(source, line.clone());
    let shown_key = key.unwrap_or("title");
    if message.contains("invalid multi-line") {
        let quotes = if message.contains("literal") {
            "'''"
        } else {
            "\"\"\""
        };
        let at = source[..span.start.min(source.len())]
            .rfind(quotes)
            .unwrap_or(span.start);
        return problem(
            at..at + 3,
            "this text over several lines is never closed".to_string(),
            format!("end it with {quotes} where the text ends"),
        );
    }
    if message.contains("invalid basic string") || message.contains("invalid literal string") {
        let quote = if message.contains("literal") {
            '\''
        } else {
            '"'
        };
        let open = source[line.start..span.start.min(line.end)]
            .find(quote)
            .map_or(span.start, |i| line.start + i);
        return problem(
            open..line.end,
            format!("this text has no closing quote `{quote}`"),
            format!(
                "end the text with {quote} on the same line: `{shown_key} = {quote}…{quote}`; a text over several lines goes between \"\"\" and \"\"\""
            ),
        );
    }
    if message.contains("escape") || message.contains("unicode") {
        // The parser points into the escape (after `\U`, at the `s` of `C:\Users`): the place
        // to fix is the backslash, and the escape it starts.
        let upto = (span.start + 1).min(line.end).max(line.start);
        let span = match source.get(line.start..upto).and_then(|l| l.rfind('\\')) {
            Some(i) => {
                let backslash = line.start + i;
                let next = source[backslash + 1..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                backslash
                    ..span
                        .end
                        .max(backslash + 1 + next)
                        .min(line.end.max(backslash + 1))
            }
            None => span,
        };
        return problem(
            span,
            "a backslash `\\` in text in \"…\" starts an escape such as `\\n`, and this one is not valid".to_string(),
            "write `\\\\` for a backslash, or put the text in single quotes, in which a backslash is just a backslash: 'C:\\Users'",
        );
    }
    if message.contains("key with no value") {
        let key = key_before(source, line.start, span.start).unwrap_or(shown_key);
        return problem(
            span,
            format!("`{key}` has no `=` and value"),
            format!("write the key, `=` and the value on one line: `{key} = \"…\"`"),
        );
    }
    if message.contains("string values must be quoted") {
        let value = source.get(span.clone()).unwrap_or("").trim();
        if value.is_empty() {
            return problem(
                span,
                format!("`{shown_key}` has no value after `=`"),
                format!("write the value after `=`: `{shown_key} = \"…\"`"),
            );
        }
        let yes_no = ["wahr", "falsch", "ja", "nein", "yes", "no", "true", "false"];
        if yes_no.contains(&value.to_lowercase().as_str()) {
            return problem(
                span,
                "yes and no are written `true` and `false`".to_string(),
                format!(
                    "write `{shown_key} = true` or `{shown_key} = false`, in lowercase and without quotes"
                ),
            );
        }
        let example: String = value.chars().take(40).collect();
        let more = if value.chars().count() > 40 {
            "…"
        } else {
            ""
        };
        return problem(
            span,
            "this text has no quotes".to_string(),
            format!("text values need quotes: `{shown_key} = \"{example}{more}\"`"),
        );
    }
    if message.contains("duplicate key") {
        return duplicate(source, span, line);
    }
    if message.contains("unclosed array table") || message.contains("unclosed table") {
        let close = if message.contains("array") { "]]" } else { "]" };
        let start =
            line.start + (source[line.clone()].len() - source[line.clone()].trim_start().len());
        let header = source[start..line.end].trim_end();
        let open = if close == "]]" { "[[" } else { "[" };
        let name = header.trim_matches(['[', ']']).trim();
        return problem(
            start..start + header.len(),
            format!("this table heading has no closing `{close}`"),
            format!("close it on the same line: `{open}{name}{close}`"),
        );
    }
    if message.contains("unexpected key or value") {
        return problem(
            span,
            "something follows the value on the same line".to_string(),
            "put each `key = value` on a line of its own; a text that holds a quote goes in the other kind of quotes: \"it's\" or 'say \"hi\"'",
        );
    }
    if message.contains("extra `=`") {
        return problem(
            span,
            "there is one `=` too many".to_string(),
            format!("write one `=` between the key and the value: `{shown_key} = \"…\"`"),
        );
    }
    if message.contains("invalid unquoted key") {
        return problem(
            span,
            "a key may use only letters, digits, `-` and `_`".to_string(),
            "write the key, then `=` and the value: `title = \"…\"`",
        );
    }
    SyntaxProblem {
        span,
        message: format!("invalid TOML: {}", message.trim()),
        help: None,
    }
}

/// A key or table that is set twice, with the line where it was set first when it is found.
fn duplicate(source: &str, span: Range<usize>, line: Range<usize>) -> SyntaxProblem {
    let name = source.get(span.clone()).unwrap_or("").trim();
    let here = source[line.clone()].trim_start();
    let before = &source[..line.start];
    if here.starts_with('[') {
        let array = here.starts_with("[[");
        let first = before.lines().position(|l| {
            let l = l.trim();
            l == format!("[{name}]") || l == format!("[[{name}]]")
        });
        let help = match (array, first) {
            (false, Some(n))
                if before
                    .lines()
                    .nth(n)
                    .is_some_and(|l| l.trim().starts_with("[[")) =>
            {
                format!(
                    "`[[{name}]]` on line {} starts a list of tables: write `[[{name}]]` here too",
                    n + 1
                )
            }
            (_, Some(n)) => format!(
                "`[{name}]` is already on line {}: put its keys there, or write `[[{name}]]` each time for several",
                n + 1
            ),
            (_, None) => format!("write `[{name}]` once, or `[[{name}]]` each time for several"),
        };
        return problem(span, format!("the table `{name}` is written twice"), help);
    }
    // The first place within the same table: from the line up to the table's heading.
    let mut first = None;
    for (n, l) in before.lines().enumerate() {
        let l = l.trim_start();
        if l.starts_with('[') {
            first = None;
        } else if l
            .strip_prefix(name)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            first = Some(n + 1);
        }
    }
    let help = match first {
        Some(n) => format!("`{name}` is already set on line {n}; keep one of the two"),
        None => "keep one of the two".to_string(),
    };
    problem(span, format!("this key is set twice: `{name}`"), help)
}

/// The line (without its line break) that holds `offset`.
fn line_of(source: &str, offset: usize) -> Range<usize> {
    let offset = offset.min(source.len());
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let end = if source[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    start..end.max(start)
}

/// The key a line sets (`title` of `title = …`), if it sets one.
fn key_on(source: &str, line: Range<usize>) -> Option<&str> {
    let (key, _) = source[line].split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[') && !key.contains(char::is_whitespace)).then_some(key)
}

/// The word before `at` on the line from `start`: the key written without `=`.
fn key_before(source: &str, start: usize, at: usize) -> Option<&str> {
    let key = source.get(start..at)?.trim();
    (!key.is_empty() && !key.contains(char::is_whitespace)).then_some(key)
}

/// The first bracket `bracket` (`[` or `{`) that opens a value and is never closed.
fn unclosed_opener(source: &str, bracket: u8) -> Option<usize> {
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

/// The `type` of the `[[quiz.question]]` that `offset` lies in (its choices included), if it
/// lies in one; `""` for a question without a readable type.
fn question_type_at(source: &str, offset: usize) -> Option<&str> {
    // The heading of the question `offset` lies in: the last heading before it decides.
    let mut question = None;
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        if at > offset {
            break;
        }
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            let name: String = trimmed
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if name == "quiz.question" {
                question = Some(at + line.len());
            } else if !name.starts_with("quiz.question.") {
                question = None;
            }
        }
        at += line.len();
    }
    // The question's own keys run from its heading to the next heading.
    let from = question?;
    for line in source[from..].lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            break;
        }
        if let Some(rest) = trimmed.strip_prefix("type")
            && let Some(value) = rest.trim_start().strip_prefix('=')
        {
            return Some(value.trim().trim_matches(|c| c == '"' || c == '\''));
        }
    }
    Some("")
}

/// A question's type as a trainer says it: "an order question", not `order`.
pub(super) fn question_in_words(kind: &str) -> &'static str {
    match kind {
        "single" => "a single-choice question",
        "multiple" => "a multiple-choice question",
        "true_false" => "a true/false question",
        "text" => "a text question",
        "order" => "an order question",
        "match" => "a match question",
        "numeric" => "a numeric question",
        _ => "a question",
    }
}

/// A question's type as a word before "questions": "single-choice", "order".
pub(super) fn type_in_words(kind: &str) -> &'static str {
    match kind {
        "single" => "single-choice",
        "multiple" => "multiple-choice",
        "true_false" => "true/false",
        "text" => "text",
        "order" => "order",
        "match" => "match",
        "numeric" => "numeric",
        _ => "other",
    }
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

    #[test]
    fn every_type_has_its_words() {
        for (name, _) in crate::course::format::keys::QUESTION_TYPES {
            assert_ne!(question_in_words(name), "a question", "{name}");
        }
    }
}
