//! Markdown markup in a text that kurs shows as plain text (titles, choices, items, accepted
//! answers): found so that `kurs check` can warn (W007) before a learner sees the backticks.
//!
//! The rule is conservative, since these texts are often passwords, paths or code where a lone
//! `*`, `#` or `_` belongs to the text. Only these count as markup:
//!
//! - inline code: two backticks with something other than spaces between them (`` `P@ss` ``);
//! - bold: `**…**` or `__…__` around text that neither starts nor ends with a space;
//! - struck-out text: `~~…~~` in the same way (GitHub's strikethrough, which kurs renders);
//! - emphasis: `*…*` around a word or words with a letter in them, the first `*` at the start
//!   of the text or after a space or opening bracket, the last one at the end or before a space
//!   or punctuation (`P@ss*1*` and `2*3*4` do not count);
//! - a link: `[text](target)` with text and a target without spaces;
//! - a heading: a line that starts with one to six `#` and a space (`#1 Tipp` does not count).

use std::ops::Range;

/// The kind of markup found, named as a trainer would recognise it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Markup {
    Code,
    Bold,
    Strikethrough,
    Emphasis,
    Link,
    Heading,
}

impl Markup {
    /// What the learner would see, in the words of the warning.
    pub(super) fn described(self) -> &'static str {
        match self {
            Markup::Code => "the backticks of Markdown code (`…`)",
            Markup::Bold => "the stars or underscores of Markdown bold (**…**)",
            Markup::Strikethrough => "the tildes of struck-out Markdown text (~~…~~)",
            Markup::Emphasis => "the stars of Markdown emphasis (*…*)",
            Markup::Link => "the brackets of a Markdown link ([…](…))",
            Markup::Heading => "the `#` of a Markdown heading",
        }
    }
}

/// The first markup in `text` that a Markdown field would render and a plain one shows as
/// typed, with its byte range in `text`.
pub(super) fn markup_in_plain(text: &str) -> Option<(Markup, Range<usize>)> {
    // Every kind of markup needs one of these; most plain texts (choices, titles) hold none,
    // and one scan says so at less than the cost of the six searches below.
    if !text
        .bytes()
        .any(|b| matches!(b, b'#' | b'`' | b'*' | b'_' | b'~' | b']'))
    {
        return None;
    }
    [
        heading(text),
        code(text),
        paired(text, &["**", "__"], Markup::Bold),
        paired(text, &["~~"], Markup::Strikethrough),
        link(text),
        emphasis(text),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|(_, range)| range.start)
}

fn heading(text: &str) -> Option<(Markup, Range<usize>)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let hashes = rest.len() - rest.trim_start_matches('#').len();
        let after = &rest[hashes..];
        if indent <= 3
            && (1..=6).contains(&hashes)
            && after.starts_with(' ')
            && !after.trim().is_empty()
        {
            let start = offset + indent;
            return Some((Markup::Heading, start..start + hashes));
        }
        offset += line.len();
    }
    None
}

fn code(text: &str) -> Option<(Markup, Range<usize>)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('`').map(|i| from + i) {
        let close = text[open + 1..].find('`').map(|i| open + 1 + i)?;
        if !text[open + 1..close].trim().is_empty() {
            return Some((Markup::Code, open..close + 1));
        }
        from = close + 1;
    }
    None
}

/// Text between two of the same `marks` (`**…**`), the text neither empty nor starting or
/// ending with a space, and holding no `*`, `_` or `~`.
fn paired(text: &str, marks: &[&str], kind: Markup) -> Option<(Markup, Range<usize>)> {
    marks
        .iter()
        .filter_map(|mark| {
            let mut from = 0;
            while let Some(open) = text[from..].find(mark).map(|i| from + i) {
                let inner_start = open + mark.len();
                let close = text[inner_start..].find(mark).map(|i| inner_start + i)?;
                let inner = &text[inner_start..close];
                if !inner.is_empty() && inner.trim() == inner && !inner.contains(['*', '_', '~']) {
                    return Some((kind, open..close + mark.len()));
                }
                from = inner_start;
            }
            None
        })
        .min_by_key(|(_, range)| range.start)
}

fn emphasis(text: &str) -> Option<(Markup, Range<usize>)> {
    let bytes = text.as_bytes();
    let opens_after =
        |i: usize| i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'(' | b'"');
    let closes_before = |i: usize| {
        i == bytes.len()
            || matches!(
                bytes[i],
                b' ' | b'\t' | b'\n' | b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'"'
            )
    };
    let stars: Vec<usize> = text.match_indices('*').map(|(i, _)| i).collect();
    for (n, &open) in stars.iter().enumerate() {
        // A `**` is bold, found by `bold`; a star beside another is never emphasis here.
        let lone = |i: usize| {
            (i == 0 || bytes[i - 1] != b'*') && bytes.get(i + 1).is_none_or(|&b| b != b'*')
        };
        if !lone(open) || !opens_after(open) {
            continue;
        }
        let Some(&close) = stars.get(n + 1) else {
            break;
        };
        let inner = &text[open + 1..close];
        if lone(close)
            && closes_before(close + 1)
            && !inner.is_empty()
            && inner.trim() == inner
            && inner.chars().any(char::is_alphabetic)
        {
            return Some((Markup::Emphasis, open..close + 1));
        }
    }
    None
}

fn link(text: &str) -> Option<(Markup, Range<usize>)> {
    let mut from = 0;
    while let Some(middle) = text[from..].find("](").map(|i| from + i) {
        from = middle + 2;
        let Some(open) = text[..middle].rfind('[') else {
            continue;
        };
        let Some(close) = text[middle + 2..].find(')').map(|i| middle + 2 + i) else {
            continue;
        };
        let label = &text[open + 1..middle];
        let target = &text[middle + 2..close];
        if !label.trim().is_empty()
            && !label.contains(']')
            && !target.is_empty()
            && !target.contains(char::is_whitespace)
        {
            return Some((Markup::Link, open..close + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<Markup> {
        markup_in_plain(text).map(|(kind, _)| kind)
    }

    #[test]
    fn backticks_around_a_password_are_markup_and_point_at_the_code() {
        assert_eq!(markup_in_plain("`P@ssw0rd!`"), Some((Markup::Code, 0..11)));
        assert_eq!(
            markup_in_plain("Use `ls -l` here"),
            Some((Markup::Code, 4..11))
        );
    }

    #[test]
    fn bold_emphasis_links_and_headings_are_markup() {
        assert_eq!(kind("a **strong** word"), Some(Markup::Bold));
        assert_eq!(kind("__strong__"), Some(Markup::Bold));
        assert_eq!(kind("nicht ~~123456~~ nehmen"), Some(Markup::Strikethrough));
        assert_eq!(kind("a *really* good idea"), Some(Markup::Emphasis));
        assert_eq!(kind("*Nie* das Passwort nennen."), Some(Markup::Emphasis));
        assert_eq!(
            kind("see [the page](https://example.org)"),
            Some(Markup::Link)
        );
        assert_eq!(kind("# Einleitung"), Some(Markup::Heading));
        assert_eq!(kind("## Teil 2"), Some(Markup::Heading));
    }

    #[test]
    fn lone_marks_in_passwords_paths_and_sums_are_not_markup() {
        for text in [
            "P@ss#1",
            "#1 Tipp",
            "P@ss*1*",
            "2*3*4",
            "a * b * c",
            "Fluffy*2015",
            "C#",
            "#hashtag",
            "file_name_x",
            "snake_case_name",
            "it's `",
            "` `",
            "[1] (siehe oben)",
            "Array[0](x y)",
            "**",
            "*1*",
            "Sommer2024!",
            "~/.ssh/id_rsa",
            "Pa~~",
            "~~ ~~",
        ] {
            assert_eq!(markup_in_plain(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_first_markup_in_the_text_is_named() {
        assert_eq!(kind("**bold** and `code`"), Some(Markup::Bold));
        assert_eq!(kind("`code` and **bold**"), Some(Markup::Code));
    }
}
