//! The progress overview (`s` in the library): every course with how many modules are passed,
//! and each module's status, best score and its day, attempts and "Gelernt" with its day, then
//! the final exam and the certificate — the facts `kurs progress` prints, from the same
//! `session::overview`.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::Span;

use super::{Areas, Document, draw_document, draw_title};
use crate::course::Course;
use crate::i18n::{self, T};
use crate::safe_text::single_line;
use crate::session::{course_end_lines, day_of, overview};
use crate::tui::state::{OverviewScreen, State};

pub fn document(state: &State, width: usize) -> Document<()> {
    let theme = &state.theme;
    let lang = state.lang();
    let mut doc = Document::new();
    let facts = overview(&state.library, state.store.progress());
    for (course, facts) in state.library.courses.iter().zip(&facts) {
        doc.blank();
        doc.wrapped(
            &format!(
                "{} · {}",
                single_line(&course.title),
                i18n::passed_of(lang, facts.passed(), facts.modules.len())
            ),
            width,
            vec![Span::raw(" ")],
            theme.heading(),
            None,
        );
        for (module, fact) in course.modules.iter().zip(&facts.modules) {
            let best = fact
                .best_percent
                .zip(fact.best_at.as_deref().map(|at| single_line(day_of(at))));
            let learned = fact.learned_at.as_deref().map(|at| single_line(day_of(at)));
            let line = i18n::plain_overview_line(
                lang,
                &single_line(&Course::module_label(module)),
                fact.status,
                best.as_ref().map(|(p, day)| (*p, day.as_str())),
                learned.as_deref(),
                fact.attempts,
            );
            let style = if fact.passed {
                theme.right()
            } else {
                Style::new()
            };
            doc.wrapped(
                &line,
                width,
                vec![Span::styled(
                    format!("  {} ", i18n::status_symbol(fact.status)),
                    style,
                )],
                Style::new(),
                None,
            );
        }
        for line in course_end_lines(lang, facts) {
            let style = if line.done {
                theme.right()
            } else {
                Style::new()
            };
            doc.wrapped(
                &single_line(&line.text),
                width,
                vec![Span::styled(format!("  {} ", line.symbol), style)],
                Style::new(),
                None,
            );
        }
    }
    doc
}

pub fn draw(state: &State, screen: &OverviewScreen, frame: &mut Frame, areas: &Areas) {
    draw_title(
        frame,
        areas.title,
        state.t(T::OverviewTitle),
        state.t(T::Library),
        &state.theme,
    );
    let doc = document(state, super::content_width(areas.body.width));
    draw_document(frame, areas.body, &doc, screen.scroll);
}
