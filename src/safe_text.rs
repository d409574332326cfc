//! The one sanitiser: every piece of course text, file name or system message passes here before
//! it reaches a terminal, so no byte of it can act as a control sequence, reorder the text
//! around it, or hide in it.

use std::borrow::Cow;

/// Characters that are not control characters but still change what the reader sees without
/// being seen: the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069, the "Trojan Source" characters that show text in another order than it is
/// written), the zero width space U+200B, the byte order mark U+FEFF used as a zero width
/// no-break space, and the line and paragraph separators U+2028 and U+2029 (which some
/// terminals and editors break lines at and others hide).
///
/// The joiners U+200C/U+200D and the marks U+200E/U+200F are not in the list: scripts such as
/// Persian and emoji sequences need them, and they cannot reorder text beyond one character.
pub fn is_invisible(c: char) -> bool {
    invisible_name(c).is_some()
}

/// The Unicode name of an invisible character ([`is_invisible`]), for telling trainers which
/// one their text holds; `None` for every other character.
pub fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "zero width space",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{FEFF}' => "zero width no-break space (byte order mark)",
        _ => return None,
    })
}

/// Whether sanitising replaces `c` by U+FFFD: a control character other than '\n' and '\t'
/// (C0, DEL, C1: U+0080–U+009F), or an invisible character ([`is_invisible`]).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_invisible(c)
}

/// Replaces every unsafe character ([`is_unsafe`]: control characters except '\n' and '\t',
/// bidirectional controls and invisible characters) by U+FFFD, and '\t' by four spaces, so no
/// character of course text can act as a terminal control sequence or show the text in another
/// order than written. Replacing (not removing) keeps the place visible and every other
/// character where it was. Both front ends and `kurs check` use this. Borrows when nothing changes.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\t' || is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => clean.push_str("    "),
            c if is_unsafe(c) => clean.push('\u{FFFD}'),
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

/// A file name or path for one line of output: sanitised, and a line break in it replaced by
/// U+FFFD as well, so a name can never start a line of its own (where CI would read it as a
/// command, such as GitHub's `::error`).
pub fn name(text: &str) -> String {
    sanitize(text).replace('\n', "\u{FFFD}")
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
    fn sanitize_replaces_bidi_controls_and_invisible_characters() {
        let hostile = "a\u{202E}b\u{2066}c\u{2069}d\u{200B}e\u{FEFF}f\u{2028}g\u{2029}h\u{202A}i";
        assert_eq!(
            sanitize(hostile),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h\u{FFFD}i"
        );
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}',
        ] {
            assert!(is_invisible(c), "U+{:04X}", c as u32);
        }
        assert_eq!(single_line("x\u{2028}y"), "x\u{FFFD}y");
        assert_eq!(folded("x \u{200B} y"), "x \u{FFFD} y");
    }

    #[test]
    fn sanitize_keeps_joiners_and_marks_that_scripts_need() {
        let text = "\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645} \u{1F469}\u{200D}\u{1F4BB} \u{200F}x\u{200E}";
        assert!(matches!(sanitize(text), Cow::Borrowed(_)));
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
    fn a_name_never_breaks_the_line() {
        assert_eq!(
            name("a\n::error x\r.toml"),
            "a\u{FFFD}::error x\u{FFFD}.toml"
        );
    }

    #[test]
    fn folded_collapses_every_run_of_white_space() {
        assert_eq!(folded("  a \n\t b  "), "a b");
    }
}
