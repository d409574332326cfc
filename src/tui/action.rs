//! What the learner asked for, independent of the key or mouse gesture that said it.
//! Terminal events become actions through the screen's key table (`keys`); only presses count.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::keys;
use super::state::State;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Back,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter: open, check, go on.
    Activate,
    /// Space: toggle the focused pane or choice.
    Toggle,
    ToggleAll,
    Practice,
    Learned,
    /// 1–9: pick a choice directly.
    Digit(usize),
    /// 0–9 in a module: one digit of the number of the section to open.
    Number(usize),
    Input(char),
    Backspace,
    Delete,
    Left,
    Right,
    /// Move the focused item (order questions).
    MoveUp,
    MoveDown,
    RepeatWrong,
    /// `/`: find a word in every module.
    Search,
    /// `s`: every module's progress on one screen.
    Overview,
    /// From a passed quiz's result on to the next module not passed yet.
    NextModule,
    RepeatAll,
    /// In the final test: the previous and the next question, flag, hand in, more time.
    PrevQuestion,
    NextQuestion,
    Flag,
    HandIn,
    MoreTime,
    /// `e` in the library: the final exam of the selected course.
    OpenExam,
    /// Tab: the next field of a form.
    NextField,
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    Resize {
        width: u16,
        height: u16,
    },
}

/// The action a terminal event stands for on the current screen, if any.
pub fn from_event(state: &State, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => from_key(state, key),
        Event::Mouse(mouse) => keys::mouse_action(keys::bindings(state), mouse),
        Event::Resize(width, height) => {
            let (width, height) = super::terminal::clamp_size(*width, *height);
            Some(Action::Resize { width, height })
        }
        _ => None,
    }
}

fn from_key(state: &State, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    // Ctrl-C leaves from anywhere, even while an answer is typed (see `keys::QUIT_ANYWHERE`).
    if key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C'))
    {
        return Some(Action::Quit);
    }
    keys::key_action(keys::bindings(state), key)
}
