//! The search screen's keys: typing goes into the query.

use super::{
    A, Binding, CLICK, EDIT_CURSOR, EDIT_DELETE, ESC_BACK, HELP_F1, HOME_END, K, Key, Label,
    PAGE_SCROLL, Press, WHEEL, b, mouse,
};
use crate::i18n::T;

/// Typing goes into the query, so help is F1 here, as in a text answer.
pub(super) const SEARCH_SCREEN: &[Binding] = &[
    b(
        "↑↓",
        Some("↑↓"),
        T::KeyPickHit,
        &[(Key(K::Up), A::Up), (Key(K::Down), A::Down)],
    ),
    b(
        "Enter",
        Some("Enter"),
        T::KeyOpenHit,
        &[(Key(K::Enter), A::Activate)],
    ),
    ESC_BACK,
    HELP_F1,
    EDIT_CURSOR,
    EDIT_DELETE,
    HOME_END,
    PAGE_SCROLL,
    Binding {
        keys: Label::Word(T::KeyLetters),
        bar: None,
        what: T::KeyTypeSearch,
        presses: &[(Press::Typed, A::Input(' '))],
    },
    mouse(T::KeyClickHit, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];
