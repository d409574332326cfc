//! Breaking text into lines of at most a given number of display columns: word wrapping of prose,
//! cutting of code lines and over-long words between grapheme clusters, and where CJK text may break.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Emphasis, Run, push_text};
use crate::safe_text::sanitize;

/// Cuts a line (of code) into pieces of at most `width` columns, between grapheme clusters.
pub(super) fn cut_to_width(text: &str, width: usize) -> impl Iterator<Item = String> + '_ {
    let mut clusters = text.graphemes(true).peekable();
    std::iter::from_fn(move || {
        clusters.peek()?;
        let mut piece = String::new();
        let mut used = 0;
        while let Some(cluster) = clusters.peek() {
            let (cluster, cluster_width) = fitting_cluster(cluster, width);
            if used + cluster_width > width && !piece.is_empty() {
                break;
            }
            piece.push_str(cluster);
            used += cluster_width;
            clusters.next();
        }
        Some(piece)
    })
}

/// A cluster wider than the whole line (a CJK character at width 1) cannot be shown; a placeholder keeps its place.
fn fitting_cluster(cluster: &str, width: usize) -> (&str, usize) {
    match cluster.width() {
        w if w > width => ("\u{FFFD}", 1),
        w => (cluster, w),
    }
}

/// Fills lines word by word; a word too long for a whole line is cut between grapheme clusters.
pub(super) struct Wrapping {
    room: usize,
    /// The first line's room, where it differs (a first line behind a shorter marker).
    first_room: usize,
    lines: Vec<Vec<Run>>,
    line: Vec<Run>,
    line_width: usize,
    /// What goes between the line so far and the next word: a space, or nothing where CJK text may break.
    gap: Option<Run>,
    word: Vec<Run>,
    word_text: String,
    /// The first character of the cluster before, to find where CJK text may break.
    previous: Option<char>,
}

impl Wrapping {
    pub(super) fn new(room: usize) -> Wrapping {
        Wrapping::hanging(room, room)
    }

    /// Lines of `room` columns after a first line of `first_room`.
    pub(super) fn hanging(first_room: usize, room: usize) -> Wrapping {
        Wrapping {
            room: room.max(1),
            first_room: first_room.max(1),
            lines: Vec::new(),
            line: Vec::new(),
            line_width: 0,
            gap: None,
            word: Vec::new(),
            word_text: String::new(),
            previous: None,
        }
    }

    /// Adds text; spaces collapse to one unless `keep_spaces` (inside code spans).
    pub(super) fn feed(&mut self, text: &str, emphasis: Emphasis, keep_spaces: bool) {
        let text = sanitize(text);
        for cluster in text.graphemes(true) {
            if cluster == " " || cluster == "\n" {
                self.end_word();
                self.previous = None;
                match &mut self.gap {
                    Some(gap) if !gap.text.is_empty() => {
                        if keep_spaces {
                            gap.text.push(' ');
                        }
                    }
                    _ => {
                        self.gap = Some(Run {
                            text: " ".to_owned(),
                            emphasis,
                        })
                    }
                }
                continue;
            }
            let Some(first) = cluster.chars().next() else {
                continue;
            };
            if let Some(previous) = self.previous
                && !self.word.is_empty()
                && may_break_between(previous, first)
                && cluster.width() > 0
            {
                self.end_word();
                self.gap = Some(Run {
                    text: String::new(),
                    emphasis,
                });
            }
            push_text(&mut self.word, cluster, emphasis);
            self.word_text.push_str(cluster);
            self.previous = Some(first);
        }
    }

    pub(super) fn hard_break(&mut self) {
        self.end_word();
        self.gap = None;
        self.previous = None;
        self.break_line();
    }

    pub(super) fn finish(mut self) -> Vec<Vec<Run>> {
        self.end_word();
        if !self.line.is_empty() {
            self.lines.push(self.line);
        }
        self.lines
    }

    /// The room of the line being filled.
    fn room(&self) -> usize {
        if self.lines.is_empty() {
            self.first_room
        } else {
            self.room
        }
    }

    fn break_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.line_width = 0;
    }

    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let width = self.word_text.width();
        self.word_text.clear();
        let word = std::mem::take(&mut self.word);
        let gap = self.gap.take();
        if !self.line.is_empty() {
            let gap_width = gap.as_ref().map_or(0, |gap| gap.text.width());
            if self.line_width + gap_width + width <= self.room() {
                for run in gap.into_iter().chain(word) {
                    push_text(&mut self.line, &run.text, run.emphasis);
                }
                self.line_width += gap_width + width;
                return;
            }
            self.break_line();
        }
        if width <= self.room() {
            for run in word {
                push_text(&mut self.line, &run.text, run.emphasis);
            }
            self.line_width = width;
            return;
        }
        for run in word {
            for cluster in run.text.graphemes(true) {
                let (cluster, cluster_width) = fitting_cluster(cluster, self.room());
                if self.line_width + cluster_width > self.room() && !self.line.is_empty() {
                    self.break_line();
                }
                push_text(&mut self.line, cluster, run.emphasis);
                self.line_width += cluster_width;
            }
        }
    }
}

/// Chinese, Japanese and Korean text has no spaces; a line may break between its characters,
/// except before closing and after opening punctuation.
fn may_break_between(before: char, after: char) -> bool {
    const NO_BREAK_BEFORE: &str = ",.;:!?)]}%、。，．：；！？）」』】〕〉》〙〛ー…々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
    const NO_BREAK_AFTER: &str = "([{（「『【〔〈《〘〚";
    (is_cjk(before) || is_cjk(after))
        && !NO_BREAK_BEFORE.contains(after)
        && !NO_BREAK_AFTER.contains(before)
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{2FDF}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3100}'..='\u{318F}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use crate::markdown::test_support::{emphasis_of, terminal, text_of};
    use crate::markdown::{Style, render};

    #[test]
    fn hard_break_starts_new_line() {
        assert_eq!(terminal("one  \ntwo\\\nthree", 40), "one\ntwo\nthree");
    }

    #[test]
    fn text_wraps_at_spaces_by_width() {
        assert_eq!(
            terminal("the quick brown fox jumps over the lazy dog", 10),
            "the quick\nbrown fox\njumps over\nthe lazy\ndog"
        );
    }

    #[test]
    fn spaces_between_words_collapse() {
        assert_eq!(terminal("a    b", 40), "a b");
    }

    #[test]
    fn code_span_keeps_inner_spaces() {
        assert_eq!(terminal("a `x  y` b", 40), "a x  y b");
    }

    #[test]
    fn emphasis_inside_a_word_adds_no_space() {
        let lines = render("Use **Slack**, or *Teams*.", 40, Style::TERMINAL);
        assert_eq!(text_of(&lines), "Use Slack, or Teams.");
        assert!(emphasis_of(&lines, "Slack").is_some_and(|e| e.bold));
    }

    #[test]
    fn word_with_mixed_emphasis_wraps_as_one_word() {
        assert_eq!(terminal("aaaa **Slack**,", 8), "aaaa\nSlack,");
    }

    #[test]
    fn long_url_is_broken_by_width() {
        assert_eq!(
            terminal("[x](https://example.org/abcdef)", 10),
            "x\n(https://e\nxample.org\n/abcdef)"
        );
    }

    #[test]
    fn long_german_word_is_broken_by_width() {
        assert_eq!(
            terminal("Die Donaudampfschifffahrtsgesellschaft fährt", 10),
            "Die\nDonaudampf\nschifffahr\ntsgesellsc\nhaft fährt"
        );
    }

    #[test]
    fn umlauts_count_one_column() {
        assert_eq!(terminal("Übung für Größe", 9), "Übung für\nGröße");
    }

    #[test]
    fn cjk_text_wraps_by_display_width() {
        assert_eq!(
            terminal("日本語のテキストです", 10),
            "日本語のテ\nキストです"
        );
    }

    #[test]
    fn cjk_closing_punctuation_stays_with_its_text() {
        assert_eq!(terminal("日本語。日本", 6), "日本\n語。日\n本");
    }

    #[test]
    fn emoji_count_two_columns() {
        assert_eq!(terminal("👍👍👍👍👍", 5), "👍👍\n👍👍\n👍");
    }

    #[test]
    fn combining_marks_count_no_columns() {
        let word = "e\u{301}".repeat(4);
        assert_eq!(
            terminal(&format!("{word} {word}"), 9),
            format!("{word} {word}")
        );
    }

    #[test]
    fn wide_character_wider_than_the_line_is_replaced() {
        assert_eq!(terminal("日", 1), "\u{FFFD}");
    }
}
