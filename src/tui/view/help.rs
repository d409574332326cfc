//! The keys of each screen: one list feeds both the bottom key bar and the `?` help overlay.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::i18n::{Lang, T};
use crate::tui::state::{AnswerInput, Screen, State};

pub struct Key {
    /// What to press, such as `Enter`; words a learner reads (`Maus`/`Mouse`) are translated.
    pub keys: Keys,
    pub what: T,
    /// Shown in the bottom bar (the overlay shows every key).
    pub in_bar: bool,
}

/// The name of a key: the same in every language (`Enter`, `Esc`), or a word to translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    Fixed(&'static str),
    Word(T),
}

impl Key {
    pub fn keys(&self, lang: Lang) -> &'static str {
        match self.keys {
            Keys::Fixed(keys) => keys,
            Keys::Word(word) => word.get(lang),
        }
    }
}

const fn key(keys: &'static str, what: T, in_bar: bool) -> Key {
    Key {
        keys: Keys::Fixed(keys),
        what,
        in_bar,
    }
}

const fn word(keys: T, what: T, in_bar: bool) -> Key {
    Key {
        keys: Keys::Word(keys),
        what,
        in_bar,
    }
}

/// Every key of the current screen, most important first.
pub fn keys(state: &State) -> Vec<Key> {
    let mut list = match &state.screen {
        Screen::Library(_) => vec![
            key("↑↓", T::KeyMoveFocus, true),
            key("Enter", T::KeyOpen, true),
            key("q", T::KeyQuit, true),
            key("?", T::KeyHelp, true),
            key("PgUp/PgDn", T::KeyPage, false),
            key("Home/End", T::KeyFirstLast, false),
        ],
        Screen::Module(_) => vec![
            key("↑↓", T::KeyMoveFocus, true),
            key("Enter", T::KeyToggle, true),
            key("p", T::KeyPractice, true),
            key("l", T::KeyLearned, true),
            key("a", T::KeyAll, true),
            key("Esc", T::KeyBack, true),
            key("?", T::KeyHelp, true),
            key("Space", T::KeyToggle, false),
            key("PgUp/PgDn", T::KeyPage, false),
            key("Home/End", T::KeyFirstLast, false),
            word(T::KeyMouse, T::KeyClick, false),
            word(T::KeyMouse, T::KeyWheel, false),
        ],
        Screen::Quiz(quiz) if quiz.checked.is_some() => vec![
            key("Enter", T::KeyNext, true),
            key("↑↓", T::KeyScroll, true),
            key("Esc", T::KeyBack, true),
            key("?", T::KeyHelp, true),
        ],
        Screen::Quiz(quiz) => match &quiz.input {
            AnswerInput::Text { .. } => vec![
                key("Enter", T::KeyCheck, true),
                key("←→", T::KeyEdit, true),
                key("Esc", T::KeyBack, true),
                key("F1", T::KeyHelp, true),
                key("Backspace/Del", T::KeyEdit, false),
                key("Home/End", T::KeyFirstLast, false),
            ],
            AnswerInput::Order { .. } => vec![
                key("↑↓", T::KeyMoveFocus, true),
                key("Shift+↑↓ +/-", T::KeyMove, true),
                key("Enter", T::KeyCheck, true),
                key("Esc", T::KeyBack, true),
                key("?", T::KeyHelp, true),
            ],
            _ => vec![
                key("↑↓", T::KeyMoveFocus, true),
                key("1-9 Space", T::KeyPick, true),
                key("Enter", T::KeyCheck, true),
                key("Esc", T::KeyBack, true),
                key("?", T::KeyHelp, true),
            ],
        },
        Screen::Result(_) => vec![
            key("r", T::KeyRepeatWrong, true),
            key("a", T::KeyRepeatAll, true),
            key("Esc", T::KeyBack, true),
            key("?", T::KeyHelp, true),
            key("↑↓", T::KeyScroll, false),
        ],
    };
    list.push(key("Ctrl-C", T::KeyQuitAnywhere, false));
    list
}

pub fn draw(state: &State, frame: &mut Frame, area: Rect) {
    let lang = state.lang();
    let theme = &state.theme;
    let list = keys(state);
    let key_width = list
        .iter()
        .map(|k| k.keys(lang).chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = list
        .iter()
        .map(|k| {
            Line::from(vec![
                Span::styled(format!("{:<key_width$}  ", k.keys(lang)), theme.key()),
                Span::raw(k.what.get(lang)),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(T::HelpClose.get(lang)));
    let width = area.width.saturating_sub(4).min(60);
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", T::Help.get(lang))),
        ),
        popup,
    );
}
