//! GIFT text: escapes, pieces of the file with their places, the questions' chunks between
//! blank lines, comments blanked, and the text formats.

use std::ops::Range;

use crate::author::import::{html, without_controls};

/// The characters a backslash escapes (besides `n`, a line break).
const SPECIAL: [char; 7] = ['~', '=', '#', '{', '}', ':', '\\'];

/// `text` written as GIFT text: every special character escaped and line breaks as `\n`, so
/// that reading it back gives `text` again.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A part of the source: its text and the byte offset where it starts in the whole file.
#[derive(Clone, Copy, Debug)]
pub(super) struct Piece<'a> {
    pub(super) text: &'a str,
    pub(super) at: usize,
}

/// One character of GIFT text with escapes folded: its byte range in the piece, the character
/// meant, and whether it was escaped (then it has no special meaning).
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: usize,
    end: usize,
    c: char,
    escaped: bool,
}

fn units(text: &str) -> impl Iterator<Item = Unit> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.next()?;
        if c == '\\'
            && let Some(&(next_at, next)) = chars.peek()
            && (SPECIAL.contains(&next) || next == 'n')
        {
            chars.next();
            return Some(Unit {
                start,
                end: next_at + next.len_utf8(),
                c: if next == 'n' { '\n' } else { next },
                escaped: true,
            });
        }
        Some(Unit {
            start,
            end: start + c.len_utf8(),
            c,
            escaped: false,
        })
    })
}

impl<'a> Piece<'a> {
    pub(super) fn span(self) -> Range<usize> {
        self.at..self.at + self.text.len()
    }

    pub(super) fn slice(self, range: Range<usize>) -> Piece<'a> {
        Piece {
            text: &self.text[range.clone()],
            at: self.at + range.start,
        }
    }

    pub(super) fn from(self, start: usize) -> Piece<'a> {
        self.slice(start..self.text.len())
    }

    pub(super) fn to(self, end: usize) -> Piece<'a> {
        self.slice(0..end)
    }

    pub(super) fn trim(self) -> Piece<'a> {
        let start = self.text.len() - self.text.trim_start().len();
        let end = self.text.trim_end().len().max(start);
        self.slice(start..end)
    }

    pub(super) fn is_blank(self) -> bool {
        self.text.trim().is_empty()
    }

    /// The offset of the first unescaped `c`.
    pub(super) fn find(self, c: char) -> Option<usize> {
        units(self.text)
            .find(|u| u.c == c && !u.escaped)
            .map(|u| u.start)
    }

    /// The offset of the first run of `n` unescaped `c`.
    pub(super) fn find_run(self, c: char, n: usize) -> Option<usize> {
        let mut run = 0;
        let mut first = 0;
        for u in units(self.text) {
            if u.c == c && !u.escaped {
                if run == 0 {
                    first = u.start;
                }
                run += 1;
                if run == n {
                    return Some(first);
                }
            } else {
                run = 0;
            }
        }
        None
    }

    /// Splits at every unescaped marker: the text before the first, then each marker with the
    /// text after it.
    pub(super) fn split_markers(self, markers: &[char]) -> (Piece<'a>, Vec<(char, Piece<'a>)>) {
        let mut cuts: Vec<(char, usize, usize)> = Vec::new();
        for u in units(self.text) {
            if !u.escaped && markers.contains(&u.c) {
                cuts.push((u.c, u.start, u.end));
            }
        }
        let before = self.to(cuts.first().map_or(self.text.len(), |cut| cut.1));
        let parts = cuts
            .iter()
            .enumerate()
            .map(|(i, &(marker, _, end))| {
                let next = cuts.get(i + 1).map_or(self.text.len(), |cut| cut.1);
                (marker, self.slice(end..next))
            })
            .collect();
        (before, parts)
    }

    /// The text meant: escapes resolved, control characters replaced.
    pub(super) fn unescape(self) -> String {
        let text: String = units(self.text).map(|u| u.c).collect();
        without_controls(&text).0
    }
}

/// The questions of the file: runs of lines between blank lines (a comment line is not blank).
pub(super) fn chunks(source: &str) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(from) = start.take() {
                chunks.push(from..end);
            }
        } else {
            start.get_or_insert(offset);
            end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(from) = start {
        chunks.push(from..end);
    }
    chunks
}

/// The text formats GIFT knows; `[moodle]` is the default, and allows HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Moodle,
    Html,
    Markdown,
    Plain,
}

impl Format {
    pub(super) fn named(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "moodle" => Format::Moodle,
            "html" => Format::Html,
            "markdown" => Format::Markdown,
            "plain" => Format::Plain,
            _ => return None,
        })
    }

    /// GIFT text for a Markdown key of kurs: HTML converted, plain text escaped.
    pub(super) fn markdown(self, piece: Piece<'_>) -> String {
        let text = piece.unescape();
        let text = text.trim();
        match self {
            Format::Markdown => text.to_owned(),
            Format::Plain => html::escape_markdown(text, true),
            Format::Moodle => html::to_markdown(text, true),
            Format::Html => html::to_markdown(text, false),
        }
    }

    /// GIFT text for a plain key of kurs (a choice, an accepted answer): HTML as its text.
    pub(super) fn plain(self, piece: Piece<'_>) -> String {
        let text = piece.unescape();
        match self {
            Format::Moodle | Format::Html => html::to_plain(&text),
            Format::Markdown | Format::Plain => text.trim().to_owned(),
        }
    }
}

/// `source` with every comment line (`//` after leading spaces) turned into spaces of the same
/// length, so that every offset in it is the offset in the file.
pub(super) fn blank_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.split_inclusive('\n') {
        if line.trim_start().starts_with("//") {
            let content = line.trim_end_matches(['\n', '\r']);
            out.extend(std::iter::repeat_n(' ', content.len()));
            out.push_str(&line[content.len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}
