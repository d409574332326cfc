//! What the learner asked for, independent of the key or mouse gesture that said it.
//! Terminal events become actions here; only key presses count, never releases or repeats of releases.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::state::{Screen, State};

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
    Input(char),
    Backspace,
    Delete,
    Left,
    Right,
    /// Move the focused item (order questions).
    MoveUp,
    MoveDown,
    RepeatWrong,
    RepeatAll,
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
        Event::Mouse(mouse) => from_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn from_mouse(mouse: &MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
            column: mouse.column,
            row: mouse.row,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        _ => None,
    }
}

fn from_key(state: &State, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C')) {
        return Some(Action::Quit);
    }
    if state.help {
        // Any of the usual closing keys closes the help; the rest is ignored while it is open.
        return match key.code {
            KeyCode::Esc
            | KeyCode::Char('?')
            | KeyCode::Char('q')
            | KeyCode::Enter
            | KeyCode::F(1) => Some(Action::Help),
            _ => None,
        };
    }
    // Keys shared by every screen.
    let common = match key.code {
        KeyCode::F(1) => Some(Action::Help),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Up if shift => Some(Action::MoveUp),
        KeyCode::Down if shift => Some(Action::MoveDown),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::Enter => Some(Action::Activate),
        _ => None,
    };
    if common.is_some() {
        return common;
    }

    // While the learner types an answer, printable keys are text.
    if let Screen::Quiz(quiz) = &state.screen
        && quiz.checked.is_none()
        && quiz.input.is_text()
    {
        return match key.code {
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Delete => Some(Action::Delete),
            KeyCode::Left => Some(Action::Left),
            KeyCode::Right => Some(Action::Right),
            KeyCode::Home => Some(Action::Home),
            KeyCode::End => Some(Action::End),
            _ => None,
        };
    }

    let screen_key = match (&state.screen, key.code) {
        (Screen::Library(_), KeyCode::Char('q')) => Some(Action::Quit),
        (Screen::Module(_), KeyCode::Char('p')) => Some(Action::Practice),
        (Screen::Module(_), KeyCode::Char('l')) => Some(Action::Learned),
        (Screen::Module(_), KeyCode::Char('a')) => Some(Action::ToggleAll),
        (Screen::Quiz(_), KeyCode::Char('+')) | (Screen::Quiz(_), KeyCode::Char('K')) => {
            Some(Action::MoveUp)
        }
        (Screen::Quiz(_), KeyCode::Char('-')) | (Screen::Quiz(_), KeyCode::Char('J')) => {
            Some(Action::MoveDown)
        }
        (Screen::Quiz(_), KeyCode::Char(c @ '1'..='9')) => {
            Some(Action::Digit(c as usize - '1' as usize))
        }
        (Screen::Quiz(_), KeyCode::Left) => Some(Action::Up),
        (Screen::Quiz(_), KeyCode::Right) => Some(Action::Down),
        (Screen::Quiz(_), KeyCode::Backspace | KeyCode::Char('h')) => None,
        (Screen::Result(_), KeyCode::Char('r')) => Some(Action::RepeatWrong),
        (Screen::Result(_), KeyCode::Char('a')) => Some(Action::RepeatAll),
        _ => None,
    };
    if screen_key.is_some()
        || matches!(state.screen, Screen::Quiz(_))
            && matches!(
                key.code,
                KeyCode::Left | KeyCode::Right | KeyCode::Backspace | KeyCode::Char('h')
            )
    {
        return screen_key;
    }
    match key.code {
        KeyCode::Char('?') => Some(Action::Help),
        KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Char('j') => Some(Action::Down),
        KeyCode::Char(' ') => Some(Action::Toggle),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Home),
        KeyCode::End | KeyCode::Char('G') => Some(Action::End),
        KeyCode::Left | KeyCode::Backspace | KeyCode::Char('h') => Some(Action::Back),
        KeyCode::Right => Some(Action::Activate),
        _ => None,
    }
}
