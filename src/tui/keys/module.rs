//! The module screen's keys: sections, practice, "Gelernt", and section numbers.

use super::{
    A, BACK, Binding, CLICK, FIRST_LAST, HELP, K, Key, MOVE_FOCUS, PAGE, Press, SEARCH, WHEEL, b,
    mouse,
};
use crate::i18n::T;

pub(super) const MODULE: &[Binding] = &[
    MOVE_FOCUS,
    b(
        "Enter → Space",
        Some("Enter"),
        T::KeyToggle,
        &[
            (Key(K::Enter), A::Activate),
            (Key(K::Right), A::Activate),
            (Key(K::Char(' ')), A::Toggle),
        ],
    ),
    b(
        "p",
        Some("p"),
        T::KeyPractice,
        &[(Key(K::Char('p')), A::Practice)],
    ),
    b(
        "l",
        Some("l"),
        T::KeyLearned,
        &[(Key(K::Char('l')), A::Learned)],
    ),
    // Back and help before `a`: at 80 columns the bar has room for these and not for all.
    BACK,
    HELP,
    b(
        "a",
        Some("a"),
        T::KeyAll,
        &[(Key(K::Char('a')), A::ToggleAll)],
    ),
    // Digits typed in quick succession make one number (`1` `2`: section 12), so a module of
    // more than nine sections is reached the same way.
    b(
        "0-9",
        Some("0-9"),
        T::KeyJumpSection,
        &[(Press::Numbers, A::Number(0))],
    ),
    SEARCH,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClick, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::key_action;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn in_a_module_every_digit_zero_included_is_part_of_a_section_number() {
        let press = |c| KeyEvent::new(K::Char(c), KeyModifiers::NONE);
        assert_eq!(key_action(MODULE, &press('1')), Some(A::Number(1)));
        assert_eq!(key_action(MODULE, &press('0')), Some(A::Number(0)));
        assert_eq!(key_action(MODULE, &press('9')), Some(A::Number(9)));
    }
}
