//! Lists on the page: bullets by depth or running numbers, hanging indentation, and the empty
//! lines that set off a loose list's items.

use unicode_width::UnicodeWidthStr;

use super::{Container, Page};

pub(super) struct List {
    /// The number of the next item in a numbered list.
    next_number: Option<u64>,
    loose: bool,
}

impl Page {
    pub(super) fn start_list(&mut self, start: Option<u64>) {
        self.end_inline();
        let loose = self
            .loose_lists
            .get(self.lists_started)
            .copied()
            .unwrap_or(false);
        self.lists_started += 1;
        self.lists.push(List {
            next_number: start,
            loose,
        });
    }

    pub(super) fn end_list(&mut self) {
        self.end_inline();
        self.lists.pop();
        self.block_done();
    }

    pub(super) fn start_item(&mut self) {
        self.end_inline();
        let depth = self.lists.len().saturating_sub(1).min(2);
        let (marker, in_loose_list) = match self.lists.last_mut() {
            Some(list) => {
                let marker = match &mut list.next_number {
                    Some(number) => {
                        let marker = format!("{number}. ");
                        *number = number.saturating_add(1);
                        marker
                    }
                    None => self.style.bullets[depth].to_owned(),
                };
                (marker, list.loose)
            }
            None => (self.style.bullets[depth].to_owned(), false),
        };
        self.containers.push(Container::Item {
            marker_width: marker.width(),
            marker,
            marker_pending: true,
            in_loose_list,
        });
    }

    pub(super) fn end_item(&mut self) {
        self.end_inline();
        // An empty item still shows its marker, so numbering stays visible.
        let unseen = self.containers.len() > self.settled;
        if unseen
            && let Some(Container::Item {
                marker_pending: true,
                ..
            }) = self.containers.last()
        {
            self.write(Vec::new());
        }
        self.close_container();
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::test_support::terminal;

    #[test]
    fn bullet_list_uses_terminal_bullets_by_depth() {
        assert_eq!(
            terminal("- a\n  - b\n    - c\n      - d", 40),
            "• a\n  ◦ b\n    ▪ c\n      ▪ d"
        );
    }

    #[test]
    fn tight_list_has_no_empty_lines_between_items() {
        assert_eq!(terminal("- a\n- b\n- c", 40), "• a\n• b\n• c");
    }

    #[test]
    fn list_is_separated_from_paragraphs_by_empty_line() {
        assert_eq!(
            terminal("Before:\n- a\n- b\n\nAfter.", 40),
            "Before:\n\n• a\n• b\n\nAfter."
        );
    }

    #[test]
    fn nested_bullet_list_has_hanging_indent() {
        assert_eq!(
            terminal("- parent item text\n  - child item text\n- next", 14),
            "• parent item\n  text\n  ◦ child item\n    text\n• next"
        );
    }

    #[test]
    fn loose_list_items_are_separated_and_their_paragraphs_indented() {
        assert_eq!(
            terminal("- first\n\n  more of first\n- second", 40),
            "• first\n\n  more of first\n\n• second"
        );
    }

    #[test]
    fn numbered_list_respects_start() {
        assert_eq!(
            terminal("7. seven\n8. eight\n9. nine\n10. ten wraps here", 12),
            "7. seven\n8. eight\n9. nine\n10. ten\n    wraps\n    here"
        );
    }

    #[test]
    fn empty_list_item_shows_its_marker() {
        assert_eq!(terminal("1. one\n2.\n3. three", 40), "1. one\n2.\n3. three");
    }

    #[test]
    fn list_item_may_start_with_a_nested_list() {
        assert_eq!(terminal("- - inner", 40), "• ◦ inner");
    }

    #[test]
    fn quote_inside_list_item_follows_the_marker() {
        assert_eq!(
            terminal("1. > quoted in item", 12),
            "1. │ quoted\n   │ in item"
        );
    }
}
