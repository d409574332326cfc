//! Every key of every screen in one table per screen: what it does (`action`), and how the key
//! bar and the `?` help name it (`view::help`), so help can never disagree with what a key does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

use super::action::Action;
use super::state::{AnswerInput, ExamPhase, Screen, State};
use crate::i18n::{Lang, T};

mod exam;
mod help;
mod library;
mod module;
mod overview;
mod quiz;
mod result;
mod search;

use exam::{
    EXAM_CHOICE, EXAM_MATCH, EXAM_ORDER, EXAM_PROFILE, EXAM_RESULT, EXAM_START, EXAM_SUMMARY,
    EXAM_TEXT,
};
use help::HELP_OPEN;
use library::{LIBRARY, LIBRARY_EXAM};
use module::MODULE;
use overview::OVERVIEW;
use quiz::{QUIZ_CHECKED, QUIZ_CHOICE, QUIZ_MATCH, QUIZ_ORDER, QUIZ_TEXT};
use result::{RESULT_NEXT, RESULT_NEXT_WRONG};
use search::SEARCH_SCREEN;

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

/// Esc alone goes back where the other back keys have jobs of their own (a question, the search,
/// the exam's start).
const ESC_BACK: Binding = b("Esc", Some("Esc"), T::KeyBack, &[(Key(K::Esc), A::Back)]);
/// Help on F1 alone where `?` is typed.
const HELP_F1: Binding = b("F1", Some("F1"), T::KeyHelp, &[(Key(K::F(1)), A::Help)]);
const PAGE_SCROLL: Binding = b("PgUp/PgDn", None, T::KeyScroll, PAGE.presses);
const HOME_END: Binding = b(
    "Home/End",
    None,
    T::KeyFirstLast,
    &[(Key(K::Home), A::Home), (Key(K::End), A::End)],
);

/// The keys of a line being typed: a text or number answer, the search, the profile form.
const EDIT_CURSOR: Binding = b(
    "←→",
    None,
    T::KeyEdit,
    &[(Key(K::Left), A::Left), (Key(K::Right), A::Right)],
);
const EDIT_DELETE: Binding = b(
    "Backspace/Del",
    None,
    T::KeyEdit,
    &[
        (Key(K::Backspace), A::Backspace),
        (Key(K::Delete), A::Delete),
    ],
);
const TYPED: Binding = Binding {
    keys: Label::Word(T::KeyLetters),
    bar: None,
    what: T::KeyType,
    presses: &[(Press::Typed, A::Input(' '))],
};

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
        Screen::Result(result) if result.profile.is_some() => EXAM_PROFILE,
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
}
