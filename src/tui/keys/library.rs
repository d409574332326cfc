//! The library's keys: a course list, with `e` in the bar when the selected course has an exam.

use super::{
    A, Binding, CLICK, FIRST_LAST, HELP, K, Key, MOVE_FOCUS, PAGE, SEARCH, WHEEL, b, mouse,
};
use crate::i18n::T;

const LIBRARY_OPEN: Binding = b(
    "Enter → Space",
    Some("Enter"),
    T::KeyOpen,
    &[
        (Key(K::Enter), A::Activate),
        (Key(K::Right), A::Activate),
        (Key(K::Char(' ')), A::Toggle),
    ],
);

const LIBRARY_OVERVIEW: Binding = b(
    "s",
    Some("s"),
    T::KeyOverview,
    &[(Key(K::Char('s')), A::Overview)],
);

const LIBRARY_QUIT: Binding = b("q", Some("q"), T::KeyQuit, &[(Key(K::Char('q')), A::Quit)]);

const LIBRARY_ESC: Binding = b("Esc", None, T::KeyHowToQuit, &[(Key(K::Esc), A::Back)]);

/// A course without a final exam: `e` still says so, but the bar does not offer it.
pub(super) const LIBRARY: &[Binding] = &[
    MOVE_FOCUS,
    LIBRARY_OPEN,
    SEARCH,
    LIBRARY_OVERVIEW,
    b(
        "e",
        None,
        T::KeyExamOpen,
        &[(Key(K::Char('e')), A::OpenExam)],
    ),
    LIBRARY_QUIT,
    LIBRARY_ESC,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickSelect, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

/// The selected course has a final exam: `e` comes right after Enter, so the bar shows it at
/// 80 columns (search and the overview give way, and stay in help).
pub(super) const LIBRARY_EXAM: &[Binding] = &[
    MOVE_FOCUS,
    LIBRARY_OPEN,
    b(
        "e",
        Some("e"),
        T::KeyExamOpen,
        &[(Key(K::Char('e')), A::OpenExam)],
    ),
    LIBRARY_QUIT,
    SEARCH,
    LIBRARY_OVERVIEW,
    LIBRARY_ESC,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickSelect, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];
