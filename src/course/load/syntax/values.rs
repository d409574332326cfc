//! Values: text without quotes, yes and no, dates and times, numbers, and what follows a value
//! on its line.

use std::ops::Range;

use super::place::{key_on, shortened, value_around, wider};
use super::{SyntaxProblem, problem};

/// Values: text without quotes, numbers, true and false, dates and times, and what follows a
/// value on its line.
pub(super) fn values(
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
