//! The one sanitiser: every piece of course text, file name or system message passes here before
//! it reaches a terminal, so no byte of it can act as a control sequence.

use std::borrow::Cow;

/// Replaces every control character except '\n' and '\t' (C0, DEL, C1: U+0080–U+009F) by U+FFFD, and '\t' by four spaces,
/// so no byte of course text can act as a terminal control sequence. Borrow when nothing changes.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let needs_change = |c: char| c == '\t' || (c.is_control() && c != '\n');
    if !text.chars().any(needs_change) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => clean.push_str("    "),
            '\n' => clean.push('\n'),
            c if c.is_control() => clean.push('\u{FFFD}'),
            c => clean.push(c),
        }
    }
    Cow::Owned(clean)
}

/// Text for a single line, its spaces kept (columns line up as written): sanitised, line breaks
/// turned into spaces.
pub fn single_line(text: &str) -> String {
    sanitize(text).replace('\n', " ")
}

/// Text for a single line read word by word (a title in a list, a choice spoken by a screen
/// reader): sanitised, every run of white space folded into one space.
pub fn folded(text: &str) -> String {
    sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_replaces_control_characters() {
        assert_eq!(
            sanitize("a\x1bb\x7fc\u{9f}d\re\nf"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\nf"
        );
    }

    #[test]
    fn sanitize_replaces_tabs_with_four_spaces() {
        assert_eq!(sanitize("a\tb"), "a    b");
    }

    #[test]
    fn sanitize_borrows_when_nothing_changes() {
        assert!(matches!(sanitize("Grüße\nnach 日本"), Cow::Borrowed(_)));
    }

    #[test]
    fn single_line_keeps_spaces_and_turns_breaks_into_spaces() {
        assert_eq!(single_line("a  b\nc\x1b"), "a  b c\u{FFFD}");
    }

    #[test]
    fn folded_collapses_every_run_of_white_space() {
        assert_eq!(folded("  a \n\t b  "), "a b");
    }
}
