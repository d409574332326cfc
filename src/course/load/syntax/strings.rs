//! Texts in quotes: never closed, opened by a quote where a key belongs, or holding a backslash
//! that starts no escape.

use std::ops::Range;

use super::place::key_on;
use super::{SyntaxProblem, problem};

/// Texts in quotes: never closed, or holding a backslash that starts no escape.
pub(super) fn strings(
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
