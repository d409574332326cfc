//! The final exam's keys: one table per kind of answer, and the start, summary, profile and
//! result.

use super::quiz::{
    MATCH_CLEAR, MATCH_DIGITS, MATCH_ITEM, MATCH_LETTER, MATCH_PARTNER, ORDER_DIGITS,
};
use super::{
    A, BACK, Binding, EDIT_CURSOR, EDIT_DELETE, ESC_BACK, FIRST_LAST, HELP, HELP_F1, HOME_END, K,
    Key, MOVE_FOCUS, PAGE, PAGE_SCROLL, Press, Shift, TYPED, WHEEL, b, mouse,
};
use crate::i18n::T;

/// Enter records the answer and goes on to the next open question: no feedback in an exam.
const EXAM_RECORD: Binding = b(
    "Enter",
    Some("Enter"),
    T::KeyExamRecord,
    &[(Key(K::Enter), A::Activate)],
);

const EXAM_PREV_NEXT: Binding = b(
    "←→ b/n PgUp/PgDn",
    Some("←→"),
    T::KeyExamPrevNext,
    &[
        (Key(K::Left), A::PrevQuestion),
        (Key(K::Right), A::NextQuestion),
        (Key(K::Char('b')), A::PrevQuestion),
        (Key(K::Char('n')), A::NextQuestion),
        (Key(K::PageUp), A::PrevQuestion),
        (Key(K::PageDown), A::NextQuestion),
    ],
);

const EXAM_FLAG: Binding = b(
    "f",
    Some("f"),
    T::KeyExamFlag,
    &[(Key(K::Char('f')), A::Flag)],
);

const EXAM_HAND_IN: Binding = b(
    "s",
    Some("s"),
    T::KeyExamHandIn,
    &[(Key(K::Char('s')), A::HandIn)],
);

const EXAM_MORE_TIME: Binding = b(
    "m",
    None,
    T::KeyExamMoreTime,
    &[(Key(K::Char('m')), A::MoreTime)],
);

const EXAM_LEAVE: Binding = b(
    "Esc",
    Some("Esc"),
    T::KeyExamLeave,
    &[(Key(K::Esc), A::Back)],
);

const EXAM_CURSOR: Binding = b(
    "↑↓ k/j",
    None,
    T::KeyMoveFocus,
    &[
        (Key(K::Up), A::Up),
        (Key(K::Down), A::Down),
        (Key(K::Char('k')), A::Up),
        (Key(K::Char('j')), A::Down),
    ],
);

/// Where letters are typed (a text or match answer), the exam's moves are on PgUp/PgDn and
/// function keys.
const EXAM_PAGE_PREV_NEXT: Binding = b(
    "PgUp/PgDn",
    Some("PgUp/PgDn"),
    T::KeyExamPrevNext,
    &[
        (Key(K::PageUp), A::PrevQuestion),
        (Key(K::PageDown), A::NextQuestion),
    ],
);
const EXAM_FLAG_F2: Binding = b("F2", Some("F2"), T::KeyExamFlag, &[(Key(K::F(2)), A::Flag)]);
const EXAM_HAND_IN_F3: Binding = b(
    "F3",
    Some("F3"),
    T::KeyExamHandIn,
    &[(Key(K::F(3)), A::HandIn)],
);
const EXAM_MORE_TIME_F4: Binding = b(
    "F4",
    None,
    T::KeyExamMoreTime,
    &[(Key(K::F(4)), A::MoreTime)],
);

pub(super) const EXAM_CHOICE: &[Binding] = &[
    b(
        "1-9 Space",
        Some("1-9"),
        T::KeyPick,
        &[(Press::Digits, A::Digit(0)), (Key(K::Char(' ')), A::Toggle)],
    ),
    EXAM_RECORD,
    EXAM_PREV_NEXT,
    EXAM_FLAG,
    EXAM_HAND_IN,
    EXAM_LEAVE,
    HELP,
    EXAM_CURSOR,
    EXAM_MORE_TIME,
    HOME_END,
    mouse(T::KeyWheel, WHEEL),
];

pub(super) const EXAM_ORDER: &[Binding] = &[
    b(
        "Shift+↑↓ K/J",
        Some("Shift+↑↓"),
        T::KeyMove,
        &[
            (Shift(K::Up), A::MoveUp),
            (Shift(K::Down), A::MoveDown),
            (Key(K::Char('K')), A::MoveUp),
            (Key(K::Char('J')), A::MoveDown),
        ],
    ),
    EXAM_RECORD,
    EXAM_PREV_NEXT,
    EXAM_FLAG,
    EXAM_HAND_IN,
    EXAM_LEAVE,
    HELP,
    EXAM_CURSOR,
    EXAM_MORE_TIME,
    ORDER_DIGITS,
    mouse(T::KeyWheel, WHEEL),
];

/// Letters go into the answer: the exam's moves are on function keys here.
pub(super) const EXAM_TEXT: &[Binding] = &[
    EXAM_RECORD,
    EXAM_PAGE_PREV_NEXT,
    EXAM_FLAG_F2,
    EXAM_HAND_IN_F3,
    EXAM_LEAVE,
    HELP_F1,
    EXAM_MORE_TIME_F4,
    EDIT_CURSOR,
    EDIT_DELETE,
    HOME_END,
    TYPED,
    mouse(T::KeyWheel, WHEEL),
];

/// Letters pick a partner and ←→ change it: the exam's moves are on PgUp/PgDn and function
/// keys here, as in a text answer.
pub(super) const EXAM_MATCH: &[Binding] = &[
    MATCH_LETTER,
    EXAM_RECORD,
    EXAM_PAGE_PREV_NEXT,
    EXAM_FLAG_F2,
    EXAM_HAND_IN_F3,
    EXAM_LEAVE,
    HELP_F1,
    MATCH_ITEM,
    MATCH_PARTNER,
    MATCH_CLEAR,
    EXAM_MORE_TIME_F4,
    MATCH_DIGITS,
    HOME_END,
    mouse(T::KeyWheel, WHEEL),
];

/// Before a timed exam: Enter starts it, Esc goes back without anything counted.
pub(super) const EXAM_START: &[Binding] = &[
    b(
        "Enter",
        Some("Enter"),
        T::KeyExamStart,
        &[(Key(K::Enter), A::Activate)],
    ),
    ESC_BACK,
    HELP,
    b("↑↓ k/j", None, T::KeyScroll, MOVE_FOCUS.presses),
    PAGE_SCROLL,
    mouse(T::KeyWheel, WHEEL),
];

pub(super) const EXAM_SUMMARY: &[Binding] = &[
    b(
        "Enter",
        Some("Enter"),
        T::KeyExamConfirm,
        &[(Key(K::Enter), A::Activate)],
    ),
    b(
        "Esc",
        Some("Esc"),
        T::KeyExamBackToOpen,
        &[(Key(K::Esc), A::Back)],
    ),
    HELP,
];

pub(super) const EXAM_PROFILE: &[Binding] = &[
    b(
        "Enter",
        Some("Enter"),
        T::KeyProfileSave,
        &[(Key(K::Enter), A::Activate)],
    ),
    b(
        "Tab ↑↓",
        Some("Tab"),
        T::KeyProfileNextField,
        &[
            (Key(K::Tab), A::NextField),
            (Key(K::Up), A::Up),
            (Key(K::Down), A::Down),
        ],
    ),
    b(
        "Esc",
        Some("Esc"),
        T::KeyProfileSkip,
        &[(Key(K::Esc), A::Back)],
    ),
    HELP_F1,
    EDIT_CURSOR,
    EDIT_DELETE,
    HOME_END,
    TYPED,
];

pub(super) const EXAM_RESULT: &[Binding] = &[
    b("↑↓ k/j", Some("↑↓"), T::KeyScroll, MOVE_FOCUS.presses),
    BACK,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyWheel, WHEEL),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::key_action;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn in_an_exam_letters_are_moves_except_in_a_text_answer_where_function_keys_are() {
        let press = |c| KeyEvent::new(K::Char(c), KeyModifiers::NONE);
        assert_eq!(key_action(EXAM_CHOICE, &press('f')), Some(A::Flag));
        assert_eq!(key_action(EXAM_CHOICE, &press('s')), Some(A::HandIn));
        assert_eq!(key_action(EXAM_CHOICE, &press('m')), Some(A::MoreTime));
        assert_eq!(key_action(EXAM_ORDER, &press('n')), Some(A::NextQuestion));
        assert_eq!(key_action(EXAM_TEXT, &press('f')), Some(A::Input('f')));
        let f2 = KeyEvent::new(K::F(2), KeyModifiers::NONE);
        assert_eq!(key_action(EXAM_TEXT, &f2), Some(A::Flag));
        let enter = KeyEvent::new(K::Enter, KeyModifiers::NONE);
        assert_eq!(key_action(EXAM_SUMMARY, &enter), Some(A::Activate));
    }
}
