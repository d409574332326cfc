//! Places in the source: the line of an offset, the key it sets, the value around a place, the
//! character a trainer sees, and the question a place lies in, in words.

use std::ops::Range;

/// `span` when it covers more than `other`, else `other`.
pub(super) fn wider(span: &Range<usize>, other: Range<usize>) -> Range<usize> {
    if span.len() >= other.len() {
        span.clone()
    } else {
        other
    }
}

/// A text cut to 40 characters for an example, with `…` when it was cut.
pub(super) fn shortened(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The value written around `at` on `line`: from the `=`, `[`, `{` or `,` before it to the
/// space, `,`, bracket or comment after it (`1.2.3` around the parser's `.3`).
pub(super) fn value_around(source: &str, line: Range<usize>, at: usize) -> Range<usize> {
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
pub(super) fn visible(source: &str, span: Range<usize>) -> Range<usize> {
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

/// The line (without its line break) that holds `offset`.
pub(super) fn line_of(source: &str, offset: usize) -> Range<usize> {
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
pub(super) fn key_on(source: &str, line: Range<usize>) -> Option<&str> {
    let (key, _) = source[line].split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[') && !key.contains(char::is_whitespace)).then_some(key)
}

/// The `type` of the `[[quiz.question]]` that `offset` lies in (its choices included), if it
/// lies in one; `""` for a question without a readable type.
pub(super) fn question_type_at(source: &str, offset: usize) -> Option<&str> {
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
pub(in crate::course::load) fn question_in_words(kind: &str) -> &'static str {
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
pub(in crate::course::load) fn type_in_words(kind: &str) -> &'static str {
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

    #[test]
    fn a_place_at_the_end_of_a_line_or_file_marks_its_last_visible_character() {
        assert_eq!(visible("title = \n", 8..8), 6..7);
        assert_eq!(visible("title = ", 8..8), 6..7);
        assert_eq!(visible("x = 1\r\n\r\n", 6..6), 4..5);
        assert_eq!(visible("ab", 0..0), 0..1);
        assert_eq!(visible("   ", 3..3), 0..1);
    }

    #[test]
    fn every_type_has_its_words() {
        for (name, _) in crate::course::format::keys::QUESTION_TYPES {
            assert_ne!(question_in_words(name), "a question", "{name}");
        }
    }
}
