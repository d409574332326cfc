//! Line editing for typed answers, by grapheme, so "ä" written as a + combining mark is one step.

use unicode_segmentation::UnicodeSegmentation;

use crate::tui::action::Action;

/// Answers are short; a bound keeps a stuck key from growing the line forever.
const MAX_CHARS: usize = 500;

/// One key's change to `text`; `cursor` is a byte offset kept on a grapheme boundary.
pub(super) fn edit(text: &mut String, cursor: &mut usize, action: Action) {
    *cursor = (*cursor).min(text.len());
    match action {
        Action::Input(c) if !c.is_control() && text.chars().count() < MAX_CHARS => {
            text.insert(*cursor, c);
            *cursor += c.len_utf8();
        }
        Action::Backspace => {
            if let Some((start, _)) = text[..*cursor].grapheme_indices(true).next_back() {
                text.replace_range(start..*cursor, "");
                *cursor = start;
            }
        }
        Action::Delete => {
            if let Some(g) = text[*cursor..].graphemes(true).next() {
                let end = *cursor + g.len();
                text.replace_range(*cursor..end, "");
            }
        }
        Action::Left => {
            if let Some((start, _)) = text[..*cursor].grapheme_indices(true).next_back() {
                *cursor = start;
            }
        }
        Action::Right => {
            if let Some(g) = text[*cursor..].graphemes(true).next() {
                *cursor += g.len();
            }
        }
        Action::Home => *cursor = 0,
        Action::End => *cursor = text.len(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Action]) -> (String, usize) {
        let (mut text, mut cursor) = (String::new(), 0);
        for key in keys {
            edit(&mut text, &mut cursor, key.clone());
        }
        (text, cursor)
    }

    #[test]
    fn backspace_removes_a_letter_with_its_combining_mark() {
        let (text, cursor) = typed(&[
            Action::Input('a'),
            Action::Input('\u{308}'),
            Action::Backspace,
        ]);
        assert_eq!((text.as_str(), cursor), ("", 0));
    }

    #[test]
    fn typing_in_the_middle_inserts_at_the_cursor() {
        let (text, _) = typed(&[
            Action::Input('a'),
            Action::Input('c'),
            Action::Left,
            Action::Input('b'),
        ]);
        assert_eq!(text, "abc");
    }

    #[test]
    fn a_stuck_key_stops_at_the_bound() {
        let keys = vec![Action::Input('x'); MAX_CHARS + 10];
        assert_eq!(typed(&keys).0.chars().count(), MAX_CHARS);
    }

    #[test]
    fn control_characters_are_never_typed() {
        assert_eq!(typed(&[Action::Input('\u{1b}')]).0, "");
    }
}
