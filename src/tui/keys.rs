//! Every key of every screen in one table per screen: what it does (`action`), and how the key
//! bar and the `?` help name it (`view::help`), so help can never disagree with what a key does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

use super::action::Action;
use super::state::{AnswerInput, ExamPhase, Screen, State};
use crate::i18n::{Lang, T};

/// A press a binding answers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// A key without Shift (for characters the case is the key: `G` is Shift+g).
    Key(KeyCode),
    /// A key with Shift held.
    Shift(KeyCode),
    /// `1`–`9`: the action is `Digit` with the number.
    Digits,
    /// `0`–`9`: the action is `Number` with the digit, one digit of a longer number.
    Numbers,
    /// Any printable character without Ctrl: the action is `Input` with the character.
    Typed,
    /// A letter `a`–`z` (either case) without Ctrl: the action is `Input` with the letter.
    Letters,
    /// The left mouse button: the action is `Click` where it was pressed.
    Click,
    WheelUp,
    WheelDown,
}

/// One line of help: the keys, what they do, and the presses behind them.
pub struct Binding {
    /// The keys as help names them, such as `↑↓ k/j`; every press below is named in it.
    pub keys: Label,
    /// The binding's name in the key bar, when the bar shows it (often shorter than `keys`).
    pub bar: Option<&'static str>,
    pub what: T,
    /// Each press and the action it stands for (for `Digits`, `Typed` and `Click` the event
    /// fills in the number, the character or the place).
    pub presses: &'static [(Press, Action)],
}

/// How help names a key: the same in every language (`Enter`, `Esc`), or a word to translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Fixed(&'static str),
    Word(T),
}

impl Binding {
    pub fn keys(&self, lang: Lang) -> &'static str {
        match self.keys {
            Label::Fixed(keys) => keys,
            Label::Word(word) => word.get(lang),
        }
    }
}

use Action as A;
use KeyCode as K;
use Press::{Key, Shift};

const fn b(
    keys: &'static str,
    bar: Option<&'static str>,
    what: T,
    presses: &'static [(Press, Action)],
) -> Binding {
    Binding {
        keys: Label::Fixed(keys),
        bar,
        what,
        presses,
    }
}

const fn mouse(what: T, presses: &'static [(Press, Action)]) -> Binding {
    Binding {
        keys: Label::Word(T::KeyMouse),
        bar: None,
        what,
        presses,
    }
}

const CLICK: (Press, Action) = (Press::Click, A::Click { column: 0, row: 0 });
const WHEEL: &[(Press, Action)] = &[
    (Press::WheelUp, A::ScrollUp),
    (Press::WheelDown, A::ScrollDown),
];
const HELP: Binding = b(
    "? F1",
    Some("?"),
    T::KeyHelp,
    &[(Key(K::Char('?')), A::Help), (Key(K::F(1)), A::Help)],
);
/// Back from a module to the library; `q` too, the key that quits one level up.
const BACK: Binding = b(
    "Esc ← Backspace h q",
    Some("Esc"),
    T::KeyBack,
    &[
        (Key(K::Esc), A::Back),
        (Key(K::Left), A::Back),
        (Key(K::Backspace), A::Back),
        (Key(K::Char('h')), A::Back),
        (Key(K::Char('q')), A::Back),
    ],
);
const MOVE_FOCUS: Binding = b(
    "↑↓ k/j",
    Some("↑↓"),
    T::KeyMoveFocus,
    &[
        (Key(K::Up), A::Up),
        (Key(K::Down), A::Down),
        (Key(K::Char('k')), A::Up),
        (Key(K::Char('j')), A::Down),
    ],
);
const PAGE: Binding = b(
    "PgUp/PgDn",
    None,
    T::KeyPage,
    &[(Key(K::PageUp), A::PageUp), (Key(K::PageDown), A::PageDown)],
);
const FIRST_LAST: Binding = b(
    "Home/End g/G",
    None,
    T::KeyFirstLast,
    &[
        (Key(K::Home), A::Home),
        (Key(K::End), A::End),
        (Key(K::Char('g')), A::Home),
        (Key(K::Char('G')), A::End),
    ],
);

const SEARCH: Binding = b(
    "/",
    Some("/"),
    T::KeySearch,
    &[(Key(K::Char('/')), A::Search)],
);

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
const LIBRARY: &[Binding] = &[
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
const LIBRARY_EXAM: &[Binding] = &[
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

const MODULE: &[Binding] = &[
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

/// Keys of every question while it is answered, whatever its type.
const CHECK: Binding = b(
    "Enter",
    Some("Enter"),
    T::KeyCheck,
    &[(Key(K::Enter), A::Activate)],
);
const QUIZ_BACK: Binding = b("Esc", Some("Esc"), T::KeyBack, &[(Key(K::Esc), A::Back)]);
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

const QUIZ_CHOICE: &[Binding] = &[
    QUIZ_CURSOR,
    b(
        "1-9 Space",
        Some("1-9 Space"),
        T::KeyPick,
        &[(Press::Digits, A::Digit(0)), (Key(K::Char(' ')), A::Toggle)],
    ),
    CHECK,
    QUIZ_BACK,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickPick, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

const QUIZ_ORDER: &[Binding] = &[
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
    QUIZ_BACK,
    HELP,
    b(
        "1-9",
        None,
        T::KeyMoveFocus,
        &[(Press::Digits, A::Digit(0))],
    ),
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickItem, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

const QUIZ_TEXT: &[Binding] = &[
    CHECK,
    b(
        "←→",
        Some("←→"),
        T::KeyEdit,
        &[(Key(K::Left), A::Left), (Key(K::Right), A::Right)],
    ),
    QUIZ_BACK,
    b("F1", Some("F1"), T::KeyHelp, &[(Key(K::F(1)), A::Help)]),
    b(
        "Backspace/Del",
        None,
        T::KeyEdit,
        &[
            (Key(K::Backspace), A::Backspace),
            (Key(K::Delete), A::Delete),
        ],
    ),
    b(
        "Home/End",
        None,
        T::KeyFirstLast,
        &[(Key(K::Home), A::Home), (Key(K::End), A::End)],
    ),
    b("PgUp/PgDn", None, T::KeyScroll, PAGE.presses),
    // Typing is listed by the screen's own hint ("type your answer"), not as a key.
    Binding {
        keys: Label::Word(T::KeyLetters),
        bar: None,
        what: T::KeyType,
        presses: &[(Press::Typed, A::Input(' '))],
    },
    mouse(T::KeyWheel, WHEEL),
];

/// Letters pick a partner here, so the cursor keys are the arrows only and help is `?`/F1.
/// ←→ after Esc: at 80 columns the bar has room for the letters, the items, check and back.
const QUIZ_MATCH: &[Binding] = &[
    MATCH_LETTER,
    MATCH_ITEM,
    CHECK,
    QUIZ_BACK,
    MATCH_PARTNER,
    HELP,
    MATCH_CLEAR,
    b(
        "1-9",
        None,
        T::KeyMatchItem,
        &[(Press::Digits, A::Digit(0))],
    ),
    PAGE,
    b(
        "Home/End",
        None,
        T::KeyFirstLast,
        &[(Key(K::Home), A::Home), (Key(K::End), A::End)],
    ),
    mouse(T::KeyClickMatch, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];
const MATCH_ITEM: Binding = b(
    "↑↓",
    Some("↑↓"),
    T::KeyMatchItem,
    &[(Key(K::Up), A::Up), (Key(K::Down), A::Down)],
);
const MATCH_PARTNER: Binding = b(
    "←→ Space",
    Some("←→"),
    T::KeyMatchPartner,
    &[
        (Key(K::Left), A::Left),
        (Key(K::Right), A::Right),
        (Key(K::Char(' ')), A::Toggle),
    ],
);
const MATCH_LETTER: Binding = b(
    "a-z",
    Some("a-z"),
    T::KeyMatchLetter,
    &[(Press::Letters, A::Input('a'))],
);
const MATCH_CLEAR: Binding = b(
    "Backspace/Del",
    None,
    T::KeyMatchClear,
    &[
        (Key(K::Backspace), A::Backspace),
        (Key(K::Delete), A::Delete),
    ],
);

const QUIZ_CHECKED: &[Binding] = &[
    b(
        "Enter Space",
        Some("Enter"),
        T::KeyNext,
        &[(Key(K::Enter), A::Activate), (Key(K::Char(' ')), A::Toggle)],
    ),
    b("↑↓ ←→ k/j", Some("↑↓"), T::KeyScroll, QUIZ_CURSOR.presses),
    QUIZ_BACK,
    HELP,
    PAGE,
    mouse(T::KeyWheel, WHEEL),
];

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
const RESULT_BACK: Binding = b(
    "Esc ← Backspace h q",
    Some("Esc"),
    T::KeyBack,
    &[
        (Key(K::Esc), A::Back),
        (Key(K::Left), A::Back),
        (Key(K::Backspace), A::Back),
        (Key(K::Char('h')), A::Back),
        (Key(K::Char('q')), A::Back),
    ],
);

/// `n` first: a result without a next module leaves it out, one without a wrong answer uses the
/// table without `r` (see `screen_bindings`). Back before `a`, so the bar has room for it.
const RESULT_NEXT_WRONG: &[Binding] = &[
    NEXT_MODULE,
    RESULT_OPEN,
    REPEAT_WRONG,
    RESULT_BACK,
    REPEAT_ALL,
    MOVE_FOCUS,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickOpen, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];
const RESULT_NEXT: &[Binding] = &[
    NEXT_MODULE,
    RESULT_OPEN,
    RESULT_BACK,
    REPEAT_ALL,
    MOVE_FOCUS,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyClickOpen, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

const OVERVIEW: &[Binding] = &[
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

/// Typing goes into the query, so help is F1 here, as in a text answer.
const SEARCH_SCREEN: &[Binding] = &[
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
    b("Esc", Some("Esc"), T::KeyBack, &[(Key(K::Esc), A::Back)]),
    b("F1", Some("F1"), T::KeyHelp, &[(Key(K::F(1)), A::Help)]),
    b(
        "←→",
        None,
        T::KeyEdit,
        &[(Key(K::Left), A::Left), (Key(K::Right), A::Right)],
    ),
    b(
        "Backspace/Del",
        None,
        T::KeyEdit,
        &[
            (Key(K::Backspace), A::Backspace),
            (Key(K::Delete), A::Delete),
        ],
    ),
    b(
        "Home/End",
        None,
        T::KeyFirstLast,
        &[(Key(K::Home), A::Home), (Key(K::End), A::End)],
    ),
    b("PgUp/PgDn", None, T::KeyScroll, PAGE.presses),
    Binding {
        keys: Label::Word(T::KeyLetters),
        bar: None,
        what: T::KeyTypeSearch,
        presses: &[(Press::Typed, A::Input(' '))],
    },
    mouse(T::KeyClickHit, &[CLICK]),
    mouse(T::KeyWheel, WHEEL),
];

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

const EXAM_CHOICE: &[Binding] = &[
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
    b(
        "Home/End",
        None,
        T::KeyFirstLast,
        &[(Key(K::Home), A::Home), (Key(K::End), A::End)],
    ),
    mouse(T::KeyWheel, WHEEL),
];

const EXAM_ORDER: &[Binding] = &[
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
    b(
        "1-9",
        None,
        T::KeyMoveFocus,
        &[(Press::Digits, A::Digit(0))],
    ),
    mouse(T::KeyWheel, WHEEL),
];

/// Letters go into the answer: the exam's moves are on function keys here.
const EXAM_TEXT: &[Binding] = &[
    EXAM_RECORD,
    b(
        "PgUp/PgDn",
        Some("PgUp/PgDn"),
        T::KeyExamPrevNext,
        &[
            (Key(K::PageUp), A::PrevQuestion),
            (Key(K::PageDown), A::NextQuestion),
        ],
    ),
    b("F2", Some("F2"), T::KeyExamFlag, &[(Key(K::F(2)), A::Flag)]),
    b(
        "F3",
        Some("F3"),
        T::KeyExamHandIn,
        &[(Key(K::F(3)), A::HandIn)],
    ),
    EXAM_LEAVE,
    b("F1", Some("F1"), T::KeyHelp, &[(Key(K::F(1)), A::Help)]),
    b(
        "F4",
        None,
        T::KeyExamMoreTime,
        &[(Key(K::F(4)), A::MoreTime)],
    ),
    b(
        "←→",
        None,
        T::KeyEdit,
        &[(Key(K::Left), A::Left), (Key(K::Right), A::Right)],
    ),
    b(
        "Backspace/Del",
        None,
        T::KeyEdit,
        &[
            (Key(K::Backspace), A::Backspace),
            (Key(K::Delete), A::Delete),
        ],
    ),
    b(
        "Home/End",
        None,
        T::KeyFirstLast,
        &[(Key(K::Home), A::Home), (Key(K::End), A::End)],
    ),
    Binding {
        keys: Label::Word(T::KeyLetters),
        bar: None,
        what: T::KeyType,
        presses: &[(Press::Typed, A::Input(' '))],
    },
    mouse(T::KeyWheel, WHEEL),
];

/// Letters pick a partner and ←→ change it: the exam's moves are on PgUp/PgDn and function
/// keys here, as in a text answer.
const EXAM_MATCH: &[Binding] = &[
    MATCH_LETTER,
    EXAM_RECORD,
    b(
        "PgUp/PgDn",
        Some("PgUp/PgDn"),
        T::KeyExamPrevNext,
        &[
            (Key(K::PageUp), A::PrevQuestion),
            (Key(K::PageDown), A::NextQuestion),
        ],
    ),
    b("F2", Some("F2"), T::KeyExamFlag, &[(Key(K::F(2)), A::Flag)]),
    b(
        "F3",
        Some("F3"),
        T::KeyExamHandIn,
        &[(Key(K::F(3)), A::HandIn)],
    ),
    EXAM_LEAVE,
    b("F1", Some("F1"), T::KeyHelp, &[(Key(K::F(1)), A::Help)]),
    MATCH_ITEM,
    MATCH_PARTNER,
    MATCH_CLEAR,
    b(
        "F4",
        None,
        T::KeyExamMoreTime,
        &[(Key(K::F(4)), A::MoreTime)],
    ),
    b(
        "1-9",
        None,
        T::KeyMatchItem,
        &[(Press::Digits, A::Digit(0))],
    ),
    b(
        "Home/End",
        None,
        T::KeyFirstLast,
        &[(Key(K::Home), A::Home), (Key(K::End), A::End)],
    ),
    mouse(T::KeyWheel, WHEEL),
];

/// Before a timed exam: Enter starts it, Esc goes back without anything counted.
const EXAM_START: &[Binding] = &[
    b(
        "Enter",
        Some("Enter"),
        T::KeyExamStart,
        &[(Key(K::Enter), A::Activate)],
    ),
    b("Esc", Some("Esc"), T::KeyBack, &[(Key(K::Esc), A::Back)]),
    HELP,
    b("↑↓ k/j", None, T::KeyScroll, MOVE_FOCUS.presses),
    b("PgUp/PgDn", None, T::KeyScroll, PAGE.presses),
    mouse(T::KeyWheel, WHEEL),
];

const EXAM_SUMMARY: &[Binding] = &[
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

const EXAM_PROFILE: &[Binding] = &[
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
    b("F1", Some("F1"), T::KeyHelp, &[(Key(K::F(1)), A::Help)]),
    b(
        "←→",
        None,
        T::KeyEdit,
        &[(Key(K::Left), A::Left), (Key(K::Right), A::Right)],
    ),
    b(
        "Backspace/Del",
        None,
        T::KeyEdit,
        &[
            (Key(K::Backspace), A::Backspace),
            (Key(K::Delete), A::Delete),
        ],
    ),
    b(
        "Home/End",
        None,
        T::KeyFirstLast,
        &[(Key(K::Home), A::Home), (Key(K::End), A::End)],
    ),
    Binding {
        keys: Label::Word(T::KeyLetters),
        bar: None,
        what: T::KeyType,
        presses: &[(Press::Typed, A::Input(' '))],
    },
];

const EXAM_RESULT: &[Binding] = &[
    b("↑↓ k/j", Some("↑↓"), T::KeyScroll, MOVE_FOCUS.presses),
    RESULT_BACK,
    HELP,
    PAGE,
    FIRST_LAST,
    mouse(T::KeyWheel, WHEEL),
];

/// While help is shown, only the keys that close it or scroll it act.
const HELP_OPEN: &[Binding] = &[
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

/// Ctrl-C quits from every screen, help or not.
pub const QUIT_ANYWHERE: Binding = Binding {
    keys: Label::Fixed("Ctrl-C"),
    bar: None,
    what: T::KeyQuitAnywhere,
    presses: &[],
};

/// The keys of what is on screen now, most important first; the key bar shows the first ones.
pub fn bindings(state: &State) -> &'static [Binding] {
    if state.help {
        return HELP_OPEN;
    }
    screen_bindings(state)
}

/// The keys of the screen shown, as its help lists them.
pub fn screen_bindings(state: &State) -> &'static [Binding] {
    match &state.screen {
        Screen::Library(library) => {
            let course = state.library_row(library.selected).map(|at| at.course);
            let has_exam = course
                .and_then(|c| state.library.courses.get(c))
                .is_some_and(|c| c.exam.is_some());
            if has_exam { LIBRARY_EXAM } else { LIBRARY }
        }
        Screen::Module(_) => MODULE,
        Screen::Overview(_) => OVERVIEW,
        Screen::Search(_) => SEARCH_SCREEN,
        Screen::Exam(exam) => match (&exam.phase, &exam.input) {
            (ExamPhase::Question, AnswerInput::Text { .. } | AnswerInput::Number { .. }) => {
                EXAM_TEXT
            }
            (ExamPhase::Question, AnswerInput::Order { .. }) => EXAM_ORDER,
            (ExamPhase::Question, AnswerInput::Match { .. }) => EXAM_MATCH,
            (ExamPhase::Question, _) => EXAM_CHOICE,
            (ExamPhase::Start, _) => EXAM_START,
            (ExamPhase::Summary, _) => EXAM_SUMMARY,
            (ExamPhase::Profile(_), _) => EXAM_PROFILE,
            (ExamPhase::Result(_), _) => EXAM_RESULT,
        },
        Screen::Quiz(quiz) if quiz.checked.is_some() => QUIZ_CHECKED,
        Screen::Quiz(quiz) => match quiz.input {
            AnswerInput::Text { .. } | AnswerInput::Number { .. } => QUIZ_TEXT,
            AnswerInput::Order { .. } => QUIZ_ORDER,
            AnswerInput::Match { .. } => QUIZ_MATCH,
            AnswerInput::Choice { .. } | AnswerInput::TrueFalse { .. } => QUIZ_CHOICE,
        },
        // Without a wrong answer there is nothing to repeat but all: `r` is not offered; `n`
        // only when there is a next module to go on with.
        Screen::Result(result) => match (result.next.is_some(), result.run.has_wrong()) {
            (true, true) => RESULT_NEXT_WRONG,
            (false, true) => &RESULT_NEXT_WRONG[1..],
            (true, false) => RESULT_NEXT,
            (false, false) => &RESULT_NEXT[1..],
        },
    }
}

/// The action a key press stands for in `bindings`, if any.
pub fn key_action(bindings: &[Binding], key: &KeyEvent) -> Option<Action> {
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let presses = bindings.iter().flat_map(|b| b.presses);
    presses.into_iter().find_map(|(press, action)| {
        match (*press, key.code) {
            // A character names its own case; Shift is part of it.
            (Key(code @ K::Char(_)), pressed) => (code == pressed).then(|| action.clone()),
            (Key(code), pressed) => (!shift && code == pressed).then(|| action.clone()),
            (Shift(code), pressed) => (shift && code == pressed).then(|| action.clone()),
            (Press::Digits, K::Char(c @ '1'..='9')) => Some(A::Digit(c as usize - '1' as usize)),
            (Press::Numbers, K::Char(c @ '0'..='9')) => Some(A::Number(c as usize - '0' as usize)),
            (Press::Typed, K::Char(c)) if !ctrl => Some(A::Input(c)),
            (Press::Letters, K::Char(c)) if !ctrl && c.is_ascii_alphabetic() => Some(A::Input(c)),
            _ => None,
        }
    })
}

/// The action a mouse event stands for in `bindings`, if any.
pub fn mouse_action(bindings: &[Binding], mouse: &MouseEvent) -> Option<Action> {
    let pressed = match mouse.kind {
        MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left) => Press::Click,
        MouseEventKind::ScrollUp => Press::WheelUp,
        MouseEventKind::ScrollDown => Press::WheelDown,
        _ => return None,
    };
    let presses = bindings.iter().flat_map(|b| b.presses);
    presses.into_iter().find_map(|(press, action)| {
        (*press == pressed).then(|| match action {
            A::Click { .. } => A::Click {
                column: mouse.column,
                row: mouse.row,
            },
            other => other.clone(),
        })
    })
}

/// The name help gives a press, as it must appear in the binding's `keys`.
pub fn press_name(press: Press, lang: Lang) -> String {
    let code = |code: KeyCode| match code {
        K::Up => "↑".to_string(),
        K::Down => "↓".to_string(),
        K::Left => "←".to_string(),
        K::Right => "→".to_string(),
        K::Enter => "Enter".to_string(),
        K::Esc => "Esc".to_string(),
        K::PageUp => "PgUp".to_string(),
        K::PageDown => "PgDn".to_string(),
        K::Home => "Home".to_string(),
        K::End => "End".to_string(),
        K::Backspace => "Backspace".to_string(),
        K::Delete => "Del".to_string(),
        K::F(n) => format!("F{n}"),
        K::Char(' ') => "Space".to_string(),
        K::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    match press {
        Key(k) => code(k),
        Shift(k) => format!("Shift+{}", code(k)),
        Press::Digits => "1-9".to_string(),
        Press::Numbers => "0-9".to_string(),
        Press::Typed => T::KeyLetters.get(lang).to_string(),
        Press::Letters => "a-z".to_string(),
        Press::Click | Press::WheelUp | Press::WheelDown => T::KeyMouse.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[&[Binding]] = &[
        LIBRARY,
        LIBRARY_EXAM,
        EXAM_START,
        MODULE,
        QUIZ_CHOICE,
        QUIZ_ORDER,
        QUIZ_TEXT,
        QUIZ_MATCH,
        QUIZ_CHECKED,
        RESULT_NEXT_WRONG,
        RESULT_NEXT,
        OVERVIEW,
        SEARCH_SCREEN,
        HELP_OPEN,
        EXAM_CHOICE,
        EXAM_ORDER,
        EXAM_TEXT,
        EXAM_MATCH,
        EXAM_SUMMARY,
        EXAM_PROFILE,
        EXAM_RESULT,
    ];

    /// Whether `name` is one of the key names in `keys` ("Shift+↑↓" names Shift+↑ and Shift+↓).
    fn names(keys: &str, name: &str) -> bool {
        // `/` is a key of its own (search) as well as the separator of `PgUp/PgDn`.
        if name == "/" {
            return keys.split(' ').any(|part| part == "/");
        }
        keys.split([' ', '/']).any(|part| {
            part == name
                || (name.chars().count() == 1
                    && part.chars().count() > 1
                    && !part.is_ascii()
                    && part.contains(name))
                || name.strip_prefix("Shift+").is_some_and(|arrow| {
                    part.strip_prefix("Shift+")
                        .is_some_and(|p| p.contains(arrow))
                })
        })
    }

    #[test]
    fn help_names_every_key_of_every_screen() {
        for table in ALL {
            for binding in *table {
                for lang in [Lang::De, Lang::En] {
                    for (press, _) in binding.presses {
                        let name = press_name(*press, lang);
                        assert!(
                            names(binding.keys(lang), &name),
                            "{name} is missing from help's “{}”",
                            binding.keys(lang)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_press_stands_for_two_things_on_one_screen() {
        for table in ALL {
            let presses: Vec<Press> = table.iter().flat_map(|b| b.presses).map(|p| p.0).collect();
            for (i, press) in presses.iter().enumerate() {
                assert!(!presses[i + 1..].contains(press), "{press:?} twice");
            }
        }
    }

    #[test]
    fn a_bar_name_is_part_of_the_help_name() {
        for table in ALL {
            for binding in *table {
                if let Some(bar) = binding.bar {
                    assert!(binding.keys(Lang::En).starts_with(bar), "{bar}");
                }
            }
        }
    }

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
    fn in_a_module_every_digit_zero_included_is_part_of_a_section_number() {
        let press = |c| KeyEvent::new(K::Char(c), KeyModifiers::NONE);
        assert_eq!(key_action(MODULE, &press('1')), Some(A::Number(1)));
        assert_eq!(key_action(MODULE, &press('0')), Some(A::Number(0)));
        assert_eq!(key_action(MODULE, &press('9')), Some(A::Number(9)));
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
