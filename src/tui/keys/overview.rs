//! The progress overview's keys: it only scrolls.

use super::{A, Binding, FIRST_LAST, HELP, K, Key, MOVE_FOCUS, PAGE, WHEEL, b, mouse};
use crate::i18n::T;

pub(super) const OVERVIEW: &[Binding] = &[
    b("↑↓ k/j", Some("↑↓"), T::KeyScroll, MOVE_FOCUS.presses),
    b(
        "Esc ← Backspace h q s",
        Some("Esc"),
        T::KeyBack,
        &[
            (Key(K::Esc), A::Back),
            (Key(K::Left), A::Back),
            (Key(K::Backspace), A::Back),
            (Key(K::Char('h')), A::Back),
            (Key(K::Char('q')), A::Back),
            (Key(K::Char('s')), A::Back),
        ],
    ),
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyWheel, WHEEL),
];
