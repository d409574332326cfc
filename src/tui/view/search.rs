//! The search screen (`/`): the query as it is typed, and every place in the library's modules
//! where it is found — module, section and the text around it — from `course::search`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Areas, Document, draw_document, draw_title};
use crate::i18n::{self, T};
use crate::safe_text::single_line;
use crate::tui::state::{SearchScreen, State};

/// The hits as lines; both lines of a hit (where, and the text around it) stand for it.
pub fn document(state: &State, screen: &SearchScreen, width: usize) -> Document<usize> {
    let theme = &state.theme;
    let lang = state.lang();
    let mut doc = Document::new();
    let query = single_line(&screen.query);
    if query.trim().is_empty() {
        doc.wrapped(
            T::SearchPrompt.get(lang),
            width,
            vec![Span::raw(" ")],
            theme.dim(),
            None,
        );
        return doc;
    }
    if screen.found.hits.is_empty() {
        doc.wrapped(
            &i18n::plain_search_nothing(lang, &query),
            width,
            vec![Span::raw(" ")],
            theme.dim(),
            None,
        );
        return doc;
    }
    doc.wrapped(
        &i18n::plain_search_found(lang, &query, screen.found.hits.len(), screen.found.more),
        width,
        vec![Span::raw(" ")],
        theme.dim(),
        None,
    );
    for (i, hit) in screen.found.hits.iter().enumerate() {
        let focused = i == screen.selected;
        let marker = if focused { "›" } else { " " };
        let place =
            i18n::plain_search_hit(lang, &hit.module_label, hit.section_title.as_deref(), None);
        let style = if focused {
            theme.focused()
        } else {
            theme.heading()
        };
        doc.wrapped(
            &place,
            width,
            vec![Span::styled(format!("{marker} "), style)],
            style,
            Some(i),
        );
        if hit.section.is_some() {
            doc.wrapped(
                &hit.context,
                width,
                vec![Span::raw("    ")],
                Style::new(),
                Some(i),
            );
        }
    }
    doc
}

/// Where the query line and the hits go: the query stays on the first row of the body.
pub fn layout(body: Rect) -> (Rect, Rect) {
    let [input, _, hits] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(body);
    (input, hits)
}

pub fn draw(state: &State, screen: &SearchScreen, frame: &mut Frame, areas: &Areas) {
    draw_title(
        frame,
        areas.title,
        state.t(T::SearchTitle),
        state.t(T::Library),
        &state.theme,
    );
    let (input, hits) = layout(areas.body);
    // The query, scrolled sideways so its end (where the cursor usually is) stays in view.
    let query = single_line(&screen.query);
    let room = usize::from(input.width.saturating_sub(4)).max(1);
    let before = single_line(screen.query.get(..screen.cursor).unwrap_or(""));
    let skip = before.width().saturating_sub(room);
    let shown: String = {
        let mut used = 0;
        query
            .chars()
            .skip_while(|c| {
                let w = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                if used + w <= skip {
                    used += w;
                    true
                } else {
                    false
                }
            })
            .collect()
    };
    let line = Line::from(vec![
        Span::styled(" / ", state.theme.key()),
        Span::styled(
            shown,
            Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED),
        ),
    ]);
    frame.render_widget(Paragraph::new(line), input);
    let column = 3 + before.width().saturating_sub(skip);
    if let Ok(column) = u16::try_from(column)
        && column < input.width
    {
        frame.set_cursor_position(Position::new(input.x + column, input.y));
    }
    let doc = document(state, screen, super::content_width(hits.width));
    draw_document(frame, hits, &doc, screen.scroll);
}
