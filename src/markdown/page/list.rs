//! Lists on the page: bullets by depth or running numbers, task boxes, hanging indentation, and
//! the empty lines that set off a loose list's items.

use unicode_width::UnicodeWidthStr;

use super::{Container, Page};
use crate::i18n::T;

pub(super) struct List {
    /// The number of the next item in a numbered list.
    next_number: Option<u64>,
    loose: bool,
}

impl Page {
    pub(super) fn start_list(&mut self, start: Option<u64>) {
        self.end_inline();
        let loose = self
            .shape
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
        let task = self.shape.tasks.get(self.items_started).copied().flatten();
        self.items_started += 1;
        let task_box = task.map(|done| self.task_box(done));
        let (marker, in_loose_list) = match self.lists.last_mut() {
            Some(list) => {
                let marker = match (&mut list.next_number, task_box) {
                    // A numbered task keeps its number: the order may matter.
                    (Some(number), task_box) => {
                        let marker = format!("{number}. {}", task_box.unwrap_or_default());
                        *number = number.saturating_add(1);
                        marker
                    }
                    // A bulleted task's box takes the place of the bullet, as on GitHub.
                    (None, Some(task_box)) => task_box.to_owned(),
                    (None, None) => self.style.bullets[depth].to_owned(),
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

    /// ☐ and ☑ on screen; read aloud, the words for "to do" and "done", since a screen reader
    /// may pass over brackets.
    fn task_box(&self, done: bool) -> &'static str {
        match self.style.words {
            Some(lang) if done => T::MarkdownTaskDone.get(lang),
            Some(lang) => T::MarkdownTaskOpen.get(lang),
            None => self.style.tasks[usize::from(done)],
        }
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
    use crate::i18n::Lang;
    use crate::markdown::test_support::{plain, terminal, text_of};
    use crate::markdown::{Style, render};

    #[test]
    fn a_task_item_shows_its_box_in_place_of_the_bullet() {
        assert_eq!(
            terminal(
                "- [ ] Passwort-Manager installieren\n- [x] Updates an\n- ohne Box",
                40
            ),
            "☐ Passwort-Manager installieren\n☑ Updates an\n• ohne Box"
        );
        assert_eq!(
            plain("- [ ] offen\n- [x] fertig", 40),
            "[ ] offen\n[x] fertig"
        );
    }

    #[test]
    fn a_task_item_that_wraps_hangs_under_its_text() {
        assert_eq!(
            terminal("- [ ] Passwort-Manager installieren", 20),
            "☐ Passwort-Manager\n  installieren"
        );
        assert_eq!(
            terminal("- [x] erst\n\n  dann mehr", 20),
            "☑ erst\n\n  dann mehr"
        );
    }

    #[test]
    fn a_numbered_task_keeps_its_number() {
        assert_eq!(
            terminal("1. [x] eins\n2. [ ] zwei", 40),
            "1. ☑ eins\n2. ☐ zwei"
        );
    }

    #[test]
    fn task_boxes_are_said_in_words_where_the_page_is_read_aloud() {
        let told = |lang| {
            text_of(&render(
                "- [ ] Backup\n- [x] Update",
                40,
                Style::PLAIN.told_in(lang),
            ))
        };
        assert_eq!(told(Lang::De), "zu tun: Backup\nerledigt: Update");
        assert_eq!(told(Lang::En), "to do: Backup\ndone: Update");
    }

    #[test]
    fn brackets_that_are_not_a_task_box_stay_text() {
        assert_eq!(
            terminal("- [y] no box\n\n[x] not in a list", 40),
            "• [y] no box\n\n[x] not in a list"
        );
    }

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
