//! Footnotes on the page: a reference shows its number in brackets, `[1]`; the notes themselves,
//! moved to the end of the text by `parse`, follow a short rule there, each behind its number.

use unicode_width::UnicodeWidthStr;

use super::{Container, Page};
use crate::i18n::T;
use crate::markdown::Run;
use crate::markdown::parse::footnote_key;
use crate::markdown::wrap::Wrapping;

/// The rule that sets the notes off from the text is short, so it is not taken for a thematic break.
const RULE_WIDTH: usize = 10;

impl Page {
    /// Numbers, not the trainer's labels: `[^quelle-bsi]` reads as `[1]`, as in print.
    pub(super) fn footnote_reference(&mut self, label: &str) {
        let text = match self.shape.footnotes.get(&footnote_key(label)) {
            Some(number) => format!("[{number}]"),
            None => format!("[^{label}]"),
        };
        self.text(&text, false, self.emphasis());
    }

    pub(super) fn start_footnote(&mut self, label: &str) {
        self.end_inline();
        if !self.footnotes_begun {
            self.footnotes_begun = true;
            match self.style.words {
                Some(lang) => {
                    let mut heading = Wrapping::new(self.room());
                    heading.feed(T::MarkdownFootnotes.get(lang), self.block_emphasis(), false);
                    for line in heading.finish() {
                        self.write(line);
                    }
                }
                None => {
                    let text = self.style.rule().repeat(self.room().min(RULE_WIDTH));
                    let emphasis = self.rule_emphasis();
                    self.write(vec![Run { text, emphasis }]);
                }
            }
        }
        let marker = match self.shape.footnotes.get(&footnote_key(label)) {
            Some(number) => format!("[{number}] "),
            None => format!("[^{label}] "),
        };
        // A note is laid out like a list item with its number as the marker: its lines hang
        // under its text, and the notes follow one another without empty lines.
        self.containers.push(Container::Item {
            marker_width: marker.width(),
            marker,
            marker_pending: true,
            in_loose_list: false,
        });
        self.block_done();
    }

    pub(super) fn end_footnote(&mut self) {
        self.end_item();
        self.block_done();
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::markdown::test_support::{plain, terminal, text_of};
    use crate::markdown::{Style, render};

    #[test]
    fn references_become_numbers_in_the_order_they_are_read() {
        let text = "Erst[^b], dann[^a], wieder[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n";
        assert_eq!(
            terminal(text, 40),
            "Erst[1], dann[2], wieder[1].\n\n──────────\n[1] Note B.\n[2] Note A."
        );
    }

    #[test]
    fn notes_written_in_the_middle_move_to_the_end() {
        let text = "One[^x].\n\n[^x]: The note.\n\nTwo.";
        assert_eq!(
            terminal(text, 40),
            "One[1].\n\nTwo.\n\n──────────\n[1] The note."
        );
    }

    #[test]
    fn a_long_note_hangs_under_its_number() {
        let text = "Text[^1].\n\n[^1]: A note long enough to wrap.";
        assert_eq!(
            terminal(text, 16),
            "Text[1].\n\n──────────\n[1] A note long\n    enough to\n    wrap."
        );
    }

    #[test]
    fn a_reference_without_a_note_stays_as_written() {
        assert_eq!(terminal("See[^none].", 40), "See[^none].");
    }

    #[test]
    fn a_note_nobody_refers_to_is_still_shown_after_the_others() {
        let text = "A[^a].\n\n[^z]: Lonely.\n\n[^a]: Used.";
        assert_eq!(
            terminal(text, 40),
            "A[1].\n\n──────────\n[1] Used.\n[2] Lonely."
        );
    }

    #[test]
    fn labels_match_without_regard_to_case() {
        assert_eq!(
            terminal("A[^Note].\n\n[^note]: Found.", 40),
            "A[1].\n\n──────────\n[1] Found."
        );
    }

    #[test]
    fn the_word_for_the_notes_wraps_in_a_narrow_window() {
        let lines = render("A[^1].\n\n[^1]: B.", 8, Style::PLAIN.told_in(Lang::De));
        assert_eq!(text_of(&lines), "A[1].\n\nFußnoten\n:\n[1] B.");
    }

    #[test]
    fn plain_mode_names_the_notes_in_words() {
        let text = "Text[^1].\n\n[^1]: The note.";
        assert_eq!(
            text_of(&render(text, 40, Style::PLAIN.told_in(Lang::De))),
            "Text[1].\n\nFußnoten:\n[1] The note."
        );
        assert_eq!(plain(text, 40), "Text[1].\n\n----------\n[1] The note.");
    }
}
