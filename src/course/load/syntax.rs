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

/// Texts in quotes: never closed, or holding a backslash that starts no escape.
fn strings(
    source: &str,
    message: &str,
    span: &Range<usize>,
    line: &Range<usize>,
) -> Option<SyntaxProblem> {
    let shown_key = key_on(source, line.clone()).unwrap_or("title");
    if message.contains("invalid multi-line") {
        let quotes = if message.contains("literal") {
            "'''"
        } else {
            "\"\"\""
        };
        let at = source[..span.start.min(source.len())]
            .rfind(quotes)
            .unwrap_or(span.start);
        return Some(problem(
            at..at + 3,
            "this text over several lines is never closed".to_string(),
            format!("end it with {quotes} where the text ends"),
        ));
    }
    if message.contains("invalid basic string") || message.contains("invalid literal string") {
        let quote = if message.contains("literal") {
            '\''
        } else {
            '"'
        };
        let text = &source[line.clone()];
        let open = source[line.start..span.start.clamp(line.start, line.end)]
            .find(quote)
            .map_or(span.start.clamp(line.start, line.end), |i| line.start + i);
        let span = open..line.start + text.trim_end().len();
        // `"x = 1`: the quote opens the line, so it opens a key, not a value.
        if text.trim_start().starts_with(quote) && !text[..open - line.start].contains('=') {
            let without: String = text
                .trim()
                .trim_start_matches(quote)
                .chars()
                .take(40)
                .collect();
            return Some(problem(
                span,
                format!("this line starts with a quote `{quote}` that is never closed"),
                format!("a key is written without quotes: `{without}`"),
            ));
        }
        // `"C:\"`: the backslash makes the closing quote part of the text.
        if quote == '"' && text.trim_end().ends_with("\\\"") {
            return Some(problem(
                span,
                "this text has no closing quote: the `\\` before the last `\"` makes it part of the text".to_string(),
                "write `\\\\` for a backslash at the end of a text, or put the text in single quotes: 'C:\\'",
            ));
        }
        return Some(problem(
            span,
            format!("this text has no closing quote `{quote}`"),
            format!(
                "end the text with {quote} on the same line: `{shown_key} = {quote}…{quote}`; a text over several lines goes between \"\"\" and \"\"\""
            ),
        ));
    }
    if message.contains("missing opening quote") {
        return Some(problem(
            span.clone(),
            "this text has a closing quote but no opening one".to_string(),
            format!("put text between two quotes: `{shown_key} = \"…\"`"),
        ));
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
            None => span.clone(),
        };
        return Some(problem(
            span,
            "a backslash `\\` in text in \"…\" starts an escape such as `\\n`, and this one is not valid".to_string(),
            "write `\\\\` for a backslash, or put the text in single quotes, in which a backslash is just a backslash: 'C:\\Users'",
        ));
    }
    if message.contains("keys cannot be multi-line") {
        return Some(problem(
            span.clone(),
            "a key cannot be written in triple quotes".to_string(),
            "write the key without quotes, then `=` and the value: `title = \"…\"`",
        ));
    }
    None
}

/// Keys: missing, empty, with a space, set twice, followed by no `=` or by two.
fn keys(
    source: &str,
    message: &str,
    span: &Range<usize>,
    line: &Range<usize>,
) -> Option<SyntaxProblem> {
    let text = &source[line.clone()];
    let shown_key = key_on(source, line.clone()).unwrap_or("title");
    if message.contains("key with no value") {
        let indent = text.len() - text.trim_start().len();
        let key_start = line.start + indent;
        let at = span.start.clamp(key_start, line.end);
        let key = source[key_start..at].trim_end();
        let key_span = key_start..key_start + key.len();
        let rest = source[at..line.end].trim();
        if key.is_empty() {
            return None;
        }
        // `"x = 1`: a quote that is never closed swallowed the line as the key.
        if let Some(quote) = key.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let kind = if quote == '"' {
                "invalid basic string"
            } else {
                "invalid literal string"
            };
            return strings(source, kind, &(key_start..key_start), line);
        }
        if rest.is_empty() || rest.starts_with('#') {
            return Some(problem(
                key_span,
                format!("`{key}` has no `=` and no value"),
                format!("a key needs `= value` after it: `{key} = \"…\"`"),
            ));
        }
        if let Some((words, _)) = text.split_once('=')
            && !words.contains(['"', '\''])
        {
            let words = words.trim();
            let joined = words.split_whitespace().collect::<Vec<_>>().join("_");
            return Some(problem(
                key_start..key_start + words.len(),
                format!("a key is one word, and `{words}` has a space in it"),
                format!("write it as one word, such as `{joined} = …`"),
            ));
        }
        return Some(problem(
            at..at,
            format!("`{key}` has no `=` before its value"),
            format!(
                "write `=` between the key and its value: `{key} = {}`",
                shortened(rest)
            ),
        ));
    }
    if message.contains("unquoted keys cannot be empty") {
        let before = source[line.start..span.start.clamp(line.start, line.end)].trim_end();
        if text.trim_start().starts_with('[') {
            let heading = text.trim();
            return Some(problem(
                line.start + (text.len() - text.trim_start().len())
                    ..line.start + text.trim_end().len(),
                format!("the table heading `{heading}` has a name missing"),
                "write the table's name between the brackets, without a stray `.`: `[quiz]` or `[[section]]`",
            ));
        }
        if before.ends_with('.') {
            let dot = line.start + before.len() - 1;
            let fixed = format!("{}{}", &source[line.start..dot], &source[dot + 1..line.end]);
            let fixed = match fixed.split_once('=') {
                Some((key, value)) => format!("{} = {}", key.trim(), value.trim()),
                None => fixed.trim().to_string(),
            };
            let fixed = shortened(&fixed);
            return Some(problem(
                dot..dot + 1,
                "a `.` in a key needs a name after it".to_string(),
                format!("write the key without the stray `.`: `{fixed}`"),
            ));
        }
        if before.ends_with('{') || before.ends_with(',') {
            return Some(problem(
                span.clone(),
                "an entry in braces has no key before `=`".to_string(),
                "write each entry as key, `=` and value: `{ text = \"…\", correct = true }`",
            ));
        }
        return Some(problem(
            span.clone(),
            "there is no key before `=`".to_string(),
            "write the key before `=`: `title = \"…\"`",
        ));
    }
    if message.contains("duplicate key") {
        return Some(duplicate(source, span.clone(), line.clone()));
    }
    if message.contains("extra `=`") {
        return Some(problem(
            span.clone(),
            "there is one `=` too many".to_string(),
            format!("write one `=` between the key and the value: `{shown_key} = \"…\"`"),
        ));
    }
    if message.contains("invalid unquoted key") {
        return Some(problem(
            span.clone(),
            "a key may use only letters, digits, `-` and `_`".to_string(),
            "write the key, then `=` and the value: `title = \"…\"`",
        ));
    }
    None
}

/// Values: text without quotes, numbers, true and false, dates and times, and what follows a
/// value on its line.
fn values(
    source: &str,
    message: &str,
    span: &Range<usize>,
    line: &Range<usize>,
) -> Option<SyntaxProblem> {
    let shown_key = key_on(source, line.clone()).unwrap_or("title");
    let around = value_around(source, line.clone(), span.start);
    let value = &source[around.clone()];
    if message.contains("string values must be quoted") {
        let value = source.get(span.clone()).unwrap_or("").trim();
        if value.is_empty() {
            return Some(problem(
                span.clone(),
                format!("`{shown_key}` has no value after `=`"),
                format!("write the value after `=`: `{shown_key} = \"…\"`"),
            ));
        }
        // `[1 2]`, `["a" b]`: an entry of a list, so the comma may be what is missing.
        let before = source[line.start..span.start.clamp(line.start, line.end)].trim_end();
        if before.ends_with('[') || before.ends_with(',') {
            return Some(problem(
                span.clone(),
                format!("`{value}` in this list has no quotes, or a comma is missing"),
                "write each text in quotes and a comma between the entries: `items = [\"first\", \"second\"]`",
            ));
        }
        let yes_no = ["wahr", "falsch", "ja", "nein", "yes", "no", "true", "false"];
        if yes_no.contains(&value.to_lowercase().as_str()) {
            return Some(problem(
                span.clone(),
                "yes and no are written `true` and `false`".to_string(),
                format!(
                    "write `{shown_key} = true` or `{shown_key} = false`, in lowercase and without quotes"
                ),
            ));
        }
        return Some(problem(
            span.clone(),
            "this text has no quotes".to_string(),
            format!(
                "a value needs quotes: `{shown_key} = \"{}\"`",
                shortened(value)
            ),
        ));
    }
    if message.contains("invalid boolean") {
        return Some(problem(
            around,
            format!("`{value}` is neither `true` nor `false`"),
            format!(
                "true and false are written in lower case, in full: `{shown_key} = true` or `{shown_key} = false`"
            ),
        ));
    }
    if message.contains("invalid date") || message.contains("invalid datetime") {
        let span = wider(span, around);
        let value = &source[span.clone()];
        let why = message
            .split_once("expected ")
            .map(|(_, e)| e)
            .filter(|e| e.contains("between"))
            .map(|e| format!(" (the {})", e.replacen(" between", " must be between", 1)))
            .unwrap_or_default();
        return Some(problem(
            span,
            format!("`{value}` is not a real date"),
            format!(
                "dates are YYYY-MM-DD with a real month and day, such as 2024-05-27{why}; other text goes in quotes: `{shown_key} = \"…\"`"
            ),
        ));
    }
    if message.contains("invalid time") {
        let span = wider(span, around);
        let value = &source[span.clone()];
        return Some(problem(
            span,
            format!("`{value}` is not a real time of day"),
            "times are HH:MM:SS with the hour from 00 to 23 and minutes and seconds from 00 to 59, such as 07:30:00",
        ));
    }
    if message.contains("invalid offset") {
        let span = wider(span, around);
        let value = &source[span.clone()];
        return Some(problem(
            span,
            format!("the time zone of `{value}` does not exist"),
            "a time zone is Z or +HH:MM or -HH:MM with the hour from 00 to 23, such as 2024-05-27T07:30:00+02:00",
        ));
    }
    let number = [
        "invalid float",
        "invalid integer",
        "invalid hexadecimal",
        "invalid octal",
        "invalid binary",
        "invalid mantissa",
        "invalid fraction",
        "invalid exponent",
        "`_` may only go between digits",
        "unexpected leading zero",
        "radix must be lowercase",
        "integers with a radix cannot be signed",
        "redundant numeric sign",
        "redundant integer number prefix",
        "unexpected sign",
    ];
    if number.iter().any(|m| message.contains(m)) {
        let (message, help) = number_in_words(message, value);
        return Some(problem(around, message, help));
    }
    if message.contains("unexpected key or value") {
        return Some(after_value(source, span.start, line.clone()));
    }
    None
}

/// A number kurs cannot read (`value`, as written), in words: what is wrong and how it is
/// written.
fn number_in_words(message: &str, value: &str) -> (String, String) {
    if value.matches('.').count() > 1 {
        return (
            format!("`{value}` has more than one decimal point"),
            format!(
                "numbers use one decimal point, such as 1.5; a version such as {value} is text in quotes: \"{value}\""
            ),
        );
    }
    if message.contains("invalid mantissa") {
        return (
            format!("`{value}` does not start with a digit"),
            format!("write a 0 before the decimal point: 0{value}"),
        );
    }
    if message.contains("invalid fraction") {
        return (
            format!("the decimal point of `{value}` has no digit after it"),
            "write a digit after the decimal point, such as 5.0, or leave the point out: 5"
                .to_string(),
        );
    }
    if message.contains("invalid exponent") {
        return (
            format!("the `e` of `{value}` has no digits after it"),
            "write the power of ten after the `e`, such as 1e3 for 1000, or leave the `e` out"
                .to_string(),
        );
    }
    if message.contains("`_`") {
        return (
            format!("a `_` in `{value}` is not between two digits"),
            "a `_` may only stand between two digits, as in 1_000; or write the number without it"
                .to_string(),
        );
    }
    if message.contains("leading zero") {
        let trimmed = value.trim_start_matches(['+', '-']).trim_start_matches('0');
        let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
        return (
            format!("`{value}` starts with a 0"),
            format!(
                "numbers do not start with 0: write {trimmed}; a code such as \"{value}\" is text in quotes"
            ),
        );
    }
    (
        format!("`{value}` is not a number kurs can read"),
        format!(
            "numbers are written with digits and at most one decimal point, such as 80 or 1.5; anything else is text in quotes: \"{value}\""
        ),
    )
}

/// Something after a complete value on its line (`title = "a" "b"`, `x = 1,5`, `[a] b`).
fn after_value(source: &str, at: usize, line: Range<usize>) -> SyntaxProblem {
    let text = &source[line.clone()];
    let at = at.clamp(line.start, line.end);
    let span = at..line.start + text.trim_end().len();
    let rest = source[at..line.end].trim();
    if text.trim_start().starts_with('[') {
        return problem(
            span,
            "something follows the table heading on the same line".to_string(),
            "a heading stands on a line of its own, such as `[[section]]`; its keys go on the lines below it",
        );
    }
    if rest.starts_with(']') || rest.starts_with('}') {
        let bracket = &rest[..1];
        return problem(
            at..at + 1,
            format!("there is one `{bracket}` too many"),
            format!("remove this `{bracket}`: every bracket closes one that was opened before it"),
        );
    }
    let before = source[line.start..at].trim_end();
    if rest.starts_with(',')
        && before.ends_with(|c: char| c.is_ascii_digit())
        && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        let value = &source[value_around(source, line.clone(), before.len() + line.start - 1)];
        let digits: String = rest[1..].chars().take_while(char::is_ascii_digit).collect();
        return problem(
            at..at + 1,
            "a number has a comma in it".to_string(),
            format!("numbers use a decimal point, not a comma: {value}.{digits}"),
        );
    }
    problem(
        span,
        "something follows the value on the same line".to_string(),
        "put each `key = value` on a line of its own; a text that holds a quote goes in the other kind of quotes: \"it's\" or 'say \"hi\"'",
    )
}

/// Lists, tables in braces and table headings: never opened, never closed, commas.
fn brackets(
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
    let (words, help) = if message.contains("missing array opening") {
        (
            "this `]` closes a list that was never opened",
            list.to_string(),
        )
    } else if message.contains("missing inline table opening") {
        (
            "this `}` closes braces that were never opened",
            braces.to_string(),
        )
    } else if message.contains("missing table open") {
        (
            "this `]` closes a table heading that was never opened",
            "a heading is written `[quiz]` or `[[section]]`".to_string(),
        )
    } else if message.contains("missing comma between array") {
        (
            "the entries of a list need commas between them",
            list.to_string(),
        )
    } else if message.contains("extra comma in array") {
        (
            "a comma in this list has no entry before it",
            format!("remove it: {list}"),
        )
    } else if message.contains("unexpected `=` in array") {
        (
            "a list holds values, not `key = value`",
            format!("{list}; entries with keys are tables, such as `[[quiz.question]]`"),
        )
    } else if message.contains("expected `,`") || message.contains("missing comma between key") {
        (
            "the entries in braces need commas between them",
            braces.to_string(),
        )
    } else if message.contains("extra comma in inline table") {
        (
            "a comma in braces has no entry before it",
            format!("remove it: {braces}"),
        )
    } else if message.contains("missing assignment") {
        ("an entry in braces has no `=`", braces.to_string())
    } else if message.contains("extra assignment") {
        ("there is one `=` too many in braces", braces.to_string())
    } else if message.contains("inline table") || message.contains("key-value") {
        (
            "an entry in braces is not written as `key = value`",
            braces.to_string(),
        )
    } else if message.contains("missing value") || message.contains("invalid value") {
        let key = key_on(source, line.clone()).unwrap_or("title");
        (
            "a value is missing or cannot be read",
            format!("write the value after `=`: `{key} = \"…\"`"),
        )
    } else if message.contains("comment") {
        (
            "a comment holds a character that cannot be shown",
            "delete the invisible character from the comment; an editor may show it as a box or as `^A`".to_string(),
        )
    } else if message.contains("carriage return") {
        (
            "a line ends in a lone carriage return",
            "save the file with ordinary line endings (LF, or CRLF); most editors offer this as \"line endings\"".to_string(),
        )
    } else {
        return None;
    };
    Some(problem(span.clone(), words.to_string(), help))
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

/// `span` when it covers more than `other`, else `other`.
fn wider(span: &Range<usize>, other: Range<usize>) -> Range<usize> {
    if span.len() >= other.len() {
        span.clone()
    } else {
        other
    }
}

/// A text cut to 40 characters for an example, with `…` when it was cut.
fn shortened(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The value written around `at` on `line`: from the `=`, `[`, `{` or `,` before it to the
/// space, `,`, bracket or comment after it (`1.2.3` around the parser's `.3`).
fn value_around(source: &str, line: Range<usize>, at: usize) -> Range<usize> {
    let text = &source[line.clone()];
    let at = at.clamp(line.start, line.end) - line.start;
    let ends = |c: char| c.is_whitespace() || matches!(c, '=' | '[' | ']' | '{' | '}' | ',' | '#');
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| ends(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(ends).map_or(text.len(), |i| at + i);
    line.start + start..line.start + end
}

/// `span`, or the character a trainer sees where it is empty: the one at its start, or at the
/// end of a line its last visible character (`title =` marks the `=`), never the line break.
fn visible(source: &str, span: Range<usize>) -> Range<usize> {
    let start = span.start.min(source.len());
    if span.end > start {
        return start..span.end.min(source.len());
    }
    let line = line_of(source, start);
    if let Some(c) = source[start..line.end.max(start)].chars().next() {
        return start..start + c.len_utf8();
    }
    // At the end of a line or of the file: the last character before it that is not a space,
    // on this line or, for an empty line, the lines above.
    if let Some((i, c)) = source[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace())
    {
        return i..i + c.len_utf8();
    }
    // Only spaces before it: the first character of the file, whatever it is.
    source
        .chars()
        .next()
        .map_or(start..start, |c| 0..c.len_utf8())
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
    fn a_place_at_the_end_of_a_line_or_file_marks_its_last_visible_character() {
        assert_eq!(visible("title = \n", 8..8), 6..7);
        assert_eq!(visible("title = ", 8..8), 6..7);
        assert_eq!(visible("x = 1\r\n\r\n", 6..6), 4..5);
        assert_eq!(visible("ab", 0..0), 0..1);
        assert_eq!(visible("   ", 3..3), 0..1);
    }

    #[test]
    fn a_parser_message_not_known_here_is_kept_with_a_place_and_a_rule() {
        let found = one("x = 1\n", "something new, expected nothing", 4..4);
        assert_eq!(found.span, 4..5);
        assert!(found.message.contains("something new"), "{found:?}");
        assert!(found.help.is_some());
    }

    #[test]
    fn every_type_has_its_words() {
        for (name, _) in crate::course::format::keys::QUESTION_TYPES {
            assert_ne!(question_in_words(name), "a question", "{name}");
        }
    }
}
