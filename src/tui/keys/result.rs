//! The quiz result's keys: the next module, repeating the wrong ones or all, the answers.

use super::{A, BACK, Binding, CLICK, FIRST_LAST, HELP, K, Key, MOVE_FOCUS, PAGE, WHEEL, b, mouse};
use crate::i18n::T;

const NEXT_MODULE: Binding = b(
    "n",
    Some("n"),
    T::KeyNextModule,
    &[(Key(K::Char('n')), A::NextModule)],
);

const REPEAT_WRONG: Binding = b(
    "r",
    Some("r"),
    T::KeyRepeatWrong,
    &[(Key(K::Char('r')), A::RepeatWrong)],
);

const REPEAT_ALL: Binding = b(
    "a",
    Some("a"),
    T::KeyRepeatAll,
    &[(Key(K::Char('a')), A::RepeatAll)],
);

const RESULT_OPEN: Binding = b(
    "Enter → Space",
    Some("Enter"),
    T::KeyResultOpen,
    &[
        (Key(K::Enter), A::Activate),
        (Key(K::Right), A::Activate),
        (Key(K::Char(' ')), A::Toggle),
    ],
);

/// `n` first: a result without a next module leaves it out, one without a wrong answer uses the
/// table without `r` (see `screen_bindings`). Back before `a`, so the bar has room for it.
pub(super) const RESULT_NEXT_WRONG: &[Binding] = &[
    NEXT_MODULE,
    RESULT_OPEN,
    REPEAT_WRONG,
    BACK,
    REPEAT_ALL,
    MOVE_FOCUS,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickOpen, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

pub(super) const RESULT_NEXT: &[Binding] = &[
    NEXT_MODULE,
    RESULT_OPEN,
    BACK,
    REPEAT_ALL,
    MOVE_FOCUS,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickOpen, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];
