//! The `?` help overlay: every key of the current screen, read from the same table (`tui::keys`)
//! that turns keys into actions and fills the key bar.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Document;
use crate::i18n::T;
use crate::tui::keys::{self, Binding};
use crate::tui::state::{Screen, State};

/// The help's lines at `width`: every binding of the screen, Ctrl-C, and how to close it. A
/// description too long for its line goes on under itself, so the keys stay a column apart.
fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let lang = state.lang();
    let theme = &state.theme;
    let list: Vec<&Binding> = keys::screen_bindings(state)
        .iter()
        .chain([&keys::QUIT_ANYWHERE])
        .collect();
    let key_width = list.iter().map(|k| k.keys(lang).width()).max().unwrap_or(0);
    let mut doc: Document<()> = Document::new();
    for binding in list {
        let keys = binding.keys(lang);
        let pad = " ".repeat(key_width - keys.width());
        let prefix = vec![Span::styled(format!("{keys}{pad}  "), theme.key())];
        doc.wrapped(binding.what.get(lang), width, prefix, Style::new(), None);
    }
    // Marks on the screen that no key names are explained here, in words.
    if matches!(state.screen, Screen::Module(_)) {
        doc.blank();
        doc.wrapped(
            T::HelpReadMark.get(lang),
            width,
            Vec::new(),
            Style::new(),
            None,
        );
    }
    doc.blank();
    doc.wrapped(
        T::HelpClose.get(lang),
        width,
        Vec::new(),
        Style::new(),
        None,
    );
    doc.lines
}

/// Where the help box goes.
fn popup(area: Rect, lines: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(60);
    let lines = u16::try_from(lines).unwrap_or(u16::MAX);
    let height = lines.saturating_add(2).min(area.height.saturating_sub(2));
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    popup
}

/// The help as a paragraph cut to its box, the box, and how many rows the text takes.
fn layout(state: &State) -> (Rect, Paragraph<'static>, usize) {
    let area = Rect::new(0, 0, state.width, state.height);
    let text_width = area.width.saturating_sub(6).clamp(1, 58);
    let lines = lines(state, usize::from(text_width));
    let rows = lines.len();
    let paragraph = Paragraph::new(lines);
    let rect = popup(area, rows);
    (rect, paragraph, rows)
}

/// The first line help can start at so that its last line is still shown.
pub fn max_scroll(state: &State) -> usize {
    let (rect, _, rows) = layout(state);
    rows.saturating_sub(usize::from(rect.height.saturating_sub(2)))
}

pub fn draw(state: &State, frame: &mut Frame, area: Rect) {
    let lang = state.lang();
    let (popup, paragraph, _) = layout(state);
    let popup = popup.intersection(area);
    let max = max_scroll(state);
    let scroll = state.help_scroll.min(max);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", T::Help.get(lang)));
    // Help that does not fit says so on its frame, where it is seen without scrolling.
    if max > 0 {
        let more = if scroll < max {
            T::HelpMoreBelow
        } else {
            T::HelpMoreAbove
        };
        block = block.title_bottom(format!(" {} ", more.get(lang)));
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        paragraph
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .block(block),
        popup,
    );
}
