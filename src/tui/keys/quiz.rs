//! The quiz's keys, one table per kind of answer, and once an answer is checked; the match
//! keys serve the exam's match questions too.

use super::{
    A, Binding, CLICK, EDIT_DELETE, ESC_BACK, FIRST_LAST, HELP, HELP_F1, HOME_END, K, Key, PAGE,
    PAGE_SCROLL, Press, Shift, TYPED, WHEEL, b, mouse,
};
use crate::i18n::T;

/// Keys of every question while it is answered, whatever its type.
const CHECK: Binding = b(
    "Enter",
    Some("Enter"),
    T::KeyCheck,
    &[(Key(K::Enter), A::Activate)],
);

const QUIZ_CURSOR: Binding = b(
    "↑↓ ←→ k/j",
    Some("↑↓"),
    T::KeyMoveFocus,
    &[
        (Key(K::Up), A::Up),
        (Key(K::Down), A::Down),
        (Key(K::Left), A::Up),
        (Key(K::Right), A::Down),
        (Key(K::Char('k')), A::Up),
        (Key(K::Char('j')), A::Down),
    ],
);

pub(super) const QUIZ_CHOICE: &[Binding] = &[
    QUIZ_CURSOR,
    b(
        "1-9 Space",
        Some("1-9 Space"),
        T::KeyPick,
        &[(Press::Digits, A::Digit(0)), (Key(K::Char(' ')), A::Toggle)],
    ),
    CHECK,
    ESC_BACK,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickPick, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

pub(super) const QUIZ_ORDER: &[Binding] = &[
    QUIZ_CURSOR,
    b(
        "Shift+↑↓ +/- K/J",
        Some("Shift+↑↓ +/-"),
        T::KeyMove,
        &[
            (Shift(K::Up), A::MoveUp),
            (Shift(K::Down), A::MoveDown),
            (Key(K::Char('+')), A::MoveUp),
            (Key(K::Char('-')), A::MoveDown),
            (Key(K::Char('K')), A::MoveUp),
            (Key(K::Char('J')), A::MoveDown),
        ],
    ),
    CHECK,
    ESC_BACK,
    HELP,
    ORDER_DIGITS,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickItem, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

pub(super) const QUIZ_TEXT: &[Binding] = &[
    CHECK,
    b(
        "←→",
        Some("←→"),
        T::KeyEdit,
        &[(Key(K::Left), A::Left), (Key(K::Right), A::Right)],
    ),
    ESC_BACK,
    HELP_F1,
    EDIT_DELETE,
    HOME_END,
    PAGE_SCROLL,
    // Typing is listed by the screen's own hint ("type your answer"), not as a key.
    TYPED,
    mouse(T::KeyWheel, WHEEL),
];

/// Letters pick a partner here, so the cursor keys are the arrows only and help is `?`/F1.
/// ←→ after Esc: at 80 columns the bar has room for the letters, the items, check and back.
pub(super) const QUIZ_MATCH: &[Binding] = &[
    MATCH_LETTER,
    MATCH_ITEM,
    CHECK,
    ESC_BACK,
    MATCH_PARTNER,
    HELP,
    MATCH_CLEAR,
    MATCH_DIGITS,
    PAGE,
    HOME_END,
    mouse(T::KeyClickMatch, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

/// `1`–`9` pick an item to move, in a quiz and in the exam.
pub(super) const ORDER_DIGITS: Binding = b(
    "1-9",
    None,
    T::KeyMoveFocus,
    &[(Press::Digits, A::Digit(0))],
);
/// `1`–`9` pick an item to match, in a quiz and in the exam.
pub(super) const MATCH_DIGITS: Binding = b(
    "1-9",
    None,
    T::KeyMatchItem,
    &[(Press::Digits, A::Digit(0))],
);
pub(super) const MATCH_ITEM: Binding = b(
    "↑↓",
    Some("↑↓"),
    T::KeyMatchItem,
    &[(Key(K::Up), A::Up), (Key(K::Down), A::Down)],
);

pub(super) const MATCH_PARTNER: Binding = b(
    "←→ Space",
    Some("←→"),
    T::KeyMatchPartner,
    &[
        (Key(K::Left), A::Left),
        (Key(K::Right), A::Right),
        (Key(K::Char(' ')), A::Toggle),
    ],
);

pub(super) const MATCH_LETTER: Binding = b(
    "a-z",
    Some("a-z"),
    T::KeyMatchLetter,
    &[(Press::Letters, A::Input('a'))],
);

pub(super) const MATCH_CLEAR: Binding = b(
    "Backspace/Del",
    None,
    T::KeyMatchClear,
    &[
        (Key(K::Backspace), A::Backspace),
        (Key(K::Delete), A::Delete),
    ],
);

pub(super) const QUIZ_CHECKED: &[Binding] = &[
    b(
        "Enter Space",
        Some("Enter"),
        T::KeyNext,
        &[(Key(K::Enter), A::Activate), (Key(K::Char(' ')), A::Toggle)],
    ),
    b("↑↓ ←→ k/j", Some("↑↓"), T::KeyScroll, QUIZ_CURSOR.presses),
    ESC_BACK,
    HELP,
    PAGE,
    mouse(T::KeyWheel, WHEEL),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::exam::EXAM_MATCH;
    use crate::tui::keys::key_action;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn in_a_match_question_letters_pick_a_partner_and_the_arrows_change_item_and_partner() {
        let press = |c| KeyEvent::new(K::Char(c), KeyModifiers::NONE);
        assert_eq!(key_action(QUIZ_MATCH, &press('b')), Some(A::Input('b')));
        assert_eq!(key_action(QUIZ_MATCH, &press('?')), Some(A::Help));
        assert_eq!(key_action(QUIZ_MATCH, &press('2')), Some(A::Digit(1)));
        assert_eq!(key_action(QUIZ_MATCH, &press(' ')), Some(A::Toggle));
        let left = KeyEvent::new(K::Left, KeyModifiers::NONE);
        assert_eq!(key_action(QUIZ_MATCH, &left), Some(A::Left));
        assert_eq!(key_action(EXAM_MATCH, &press('f')), Some(A::Input('f')));
        let f2 = KeyEvent::new(K::F(2), KeyModifiers::NONE);
        assert_eq!(key_action(EXAM_MATCH, &f2), Some(A::Flag));
    }

    #[test]
    fn shift_up_moves_an_item_and_plain_up_moves_the_cursor() {
        let up = KeyEvent::new(K::Up, KeyModifiers::NONE);
        let shift_up = KeyEvent::new(K::Up, KeyModifiers::SHIFT);
        assert_eq!(key_action(QUIZ_ORDER, &up), Some(A::Up));
        assert_eq!(key_action(QUIZ_ORDER, &shift_up), Some(A::MoveUp));
    }

    #[test]
    fn digits_pick_by_number_and_typing_gives_the_character() {
        let three = KeyEvent::new(K::Char('3'), KeyModifiers::NONE);
        assert_eq!(key_action(QUIZ_CHOICE, &three), Some(A::Digit(2)));
        assert_eq!(key_action(QUIZ_TEXT, &three), Some(A::Input('3')));
        let ctrl_a = KeyEvent::new(K::Char('a'), KeyModifiers::CONTROL);
        assert_eq!(key_action(QUIZ_TEXT, &ctrl_a), None);
    }
}
