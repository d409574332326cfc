//! The keys while help is shown.

use super::{A, Binding, K, Key, WHEEL, b, mouse};
use crate::i18n::T;

/// While help is shown, only the keys that close it or scroll it act.
pub(super) const HELP_OPEN: &[Binding] = &[
    b(
        "Esc ? q Enter F1",
        None,
        T::HelpCloseKeys,
        &[
            (Key(K::Esc), A::Help),
            (Key(K::Char('?')), A::Help),
            (Key(K::Char('q')), A::Help),
            (Key(K::Enter), A::Help),
            (Key(K::F(1)), A::Help),
        ],
    ),
    b(
        "↑↓ k/j PgUp/PgDn",
        None,
        T::KeyScroll,
        &[
            (Key(K::Up), A::Up),
            (Key(K::Down), A::Down),
            (Key(K::Char('k')), A::Up),
            (Key(K::Char('j')), A::Down),
            (Key(K::PageUp), A::PageUp),
            (Key(K::PageDown), A::PageDown),
        ],
    ),
    mouse(T::KeyWheel, WHEEL),
];
