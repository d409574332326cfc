//! The library screen: every course with its areas and modules, each module's status in a
//! symbol and a word, its best score, and per course how many modules are passed.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Areas, Document, clean, draw_document, draw_title, truncate};
use crate::course::Course;
use crate::i18n::{self, Lang, T};
use crate::progress::{ModuleStatus, module_status};
use crate::tui::state::{LibraryScreen, State};

/// The symbol that goes with each status; the word is always shown beside it.
pub fn status_symbol(status: ModuleStatus) -> &'static str {
    match status {
        ModuleStatus::NotStarted => "○",
        ModuleStatus::InProgress => "◐",
        ModuleStatus::Learned => "●",
        ModuleStatus::Passed => "✓",
    }
}

/// The library as lines; module lines point at their row index.
pub fn document(state: &State, screen: &LibraryScreen, width: usize) -> Document<usize> {
    let theme = &state.theme;
    let progress = state.store.progress();
    let mut doc = Document::new();
    let rows = state.library_rows();
    if rows.is_empty() {
        doc.push(Line::from(state.t(T::NoCourses)), None);
        return doc;
    }
    let mut row = 0;
    for (c, course) in state.library.courses.iter().enumerate() {
        let lang = state
            .lang_override
            .or_else(|| Lang::from_tag(&course.language))
            .unwrap_or(Lang::En);
        if c > 0 {
            doc.blank();
        }
        let passed = course
            .modules
            .iter()
            .filter(|m| module_status(progress.module(&course.id, &m.id)) == ModuleStatus::Passed)
            .count();
        let total = course.modules.len();
        let summary = format!(
            "{}  {}",
            bar(passed, total, 10),
            i18n::passed_of(lang, passed, total)
        );
        let title = clean(&course.title);
        if title.width() + summary.width() + 2 <= width {
            let gap = width - title.width() - summary.width();
            doc.push(
                Line::from(vec![
                    Span::styled(title, theme.heading()),
                    Span::raw(" ".repeat(gap)),
                    Span::raw(summary),
                ]),
                None,
            );
        } else {
            doc.push(
                Line::from(Span::styled(truncate(&title, width), theme.heading())),
                None,
            );
            doc.push(Line::from(truncate(&summary, width)), None);
        }
        // On small screens the modules matter more than the course's description.
        if let Some(description) = course
            .description
            .as_ref()
            .filter(|_| super::body_height(state) >= 16)
        {
            doc.markdown(description, width, 2, theme, None);
            doc.blank();
        }
        for area in &course.areas {
            if let Some(area_title) = &area.title {
                let label = match &area.code {
                    Some(code) => format!("{} {}", clean(code), clean(area_title)),
                    None => clean(area_title),
                };
                doc.push(
                    Line::from(Span::styled(
                        truncate(&format!("  {label}"), width),
                        theme.heading(),
                    )),
                    None,
                );
            }
            for &m in &area.modules {
                let line = module_line(state, course, m, lang, row == screen.selected, width);
                doc.push(line, Some(row));
                row += 1;
            }
        }
    }
    doc
}

fn module_line(
    state: &State,
    course: &Course,
    m: usize,
    lang: Lang,
    selected: bool,
    width: usize,
) -> Line<'static> {
    let theme = &state.theme;
    let Some(module) = course.modules.get(m) else {
        return Line::default();
    };
    let record = state.store.progress().module(&course.id, &module.id);
    let status = module_status(record);
    let mut right = i18n::T::status(status).get(lang).to_string();
    if let Some(best) = record.and_then(|r| r.best_percent()) {
        right.push_str(&format!(" · {best} %"));
    }
    let marker = if selected { "› " } else { "  " };
    let left = format!(
        "{marker}  {} {}",
        status_symbol(status),
        clean(&Course::module_label(module))
    );
    let right_width = right.width();
    let line = if left.width() + right_width + 2 <= width {
        let gap = width - left.width() - right_width;
        format!("{left}{}{right}", " ".repeat(gap))
    } else {
        truncate(&format!("{left} · {right}"), width)
    };
    let style = match (selected, status) {
        (true, _) => theme.focused(),
        (false, ModuleStatus::Passed) => theme.right(),
        _ => ratatui::style::Style::new(),
    };
    Line::from(Span::styled(line, style))
}

/// A text progress bar such as `███░░░░░░░`.
fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn draw(state: &State, screen: &LibraryScreen, frame: &mut Frame, areas: &Areas) {
    let doc = document(state, screen, super::content_width(areas.body.width));
    draw_title(
        frame,
        areas.title,
        &format!("kurs · {}", state.t(T::Library)),
        "",
        &state.theme,
    );
    draw_document(frame, areas.body, &doc, screen.scroll);
}
