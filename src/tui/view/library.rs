//! The library screen: every course with its areas and modules, each module's status in a
//! symbol and a word, its best score, and per course how many modules are passed.

use std::ops::Range;

use ratatui::Frame;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Areas, Document, clean, draw_lines, draw_title, truncate};
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
    window(state, screen, width, 0..usize::MAX).0
}

/// The library's lines that fall in `lines`, and how many lines the whole library has. Lines
/// outside are counted, not built, so a frame costs about the same for ten modules or a thousand.
fn window(
    state: &State,
    screen: &LibraryScreen,
    width: usize,
    lines: Range<usize>,
) -> (Document<usize>, usize) {
    let theme = &state.theme;
    let progress = state.store.progress();
    let mut out = Window {
        doc: Document::new(),
        line: 0,
        lines,
    };
    if state.library_row(0).is_none() {
        out.push(|| Line::from(state.t(T::NoCourses)), None);
        return (out.doc, out.line);
    }
    // On small screens the modules matter more than the course's description.
    let descriptions = super::body_height(state) >= 16;
    // The widest summary for a language and module count; courses mostly share both.
    let mut widest_summary: Option<(Lang, usize, usize)> = None;
    let mut row = 0;
    for (c, course) in state.library.courses.iter().enumerate() {
        let lang = state
            .lang_override
            .or_else(|| Lang::from_tag(&course.language))
            .unwrap_or(Lang::En);
        let total = course.modules.len();
        let passed = || {
            course
                .modules
                .iter()
                .filter(|m| {
                    module_status(progress.module(&course.id, &m.id)) == ModuleStatus::Passed
                })
                .count()
        };
        // The width of `clean(&course.title)`, without building it for courses out of view.
        let title_width = if course.title.contains('\n') {
            clean(&course.title).width()
        } else {
            crate::markdown::sanitize(&course.title).width()
        };
        // Whether title and summary share a line; only the digits of `passed` change the
        // summary's width, so the modules are looked at only when those digits decide.
        let fits = |summary_width: usize| title_width + summary_width + 2 <= width;
        let widest = match widest_summary {
            Some((l, t, widest)) if l == lang && t == total => widest,
            _ => {
                let widest = summary(lang, total, total).width();
                widest_summary = Some((lang, total, widest));
                widest
            }
        };
        let narrowest = widest + 1 - total.to_string().len();
        let one_line = if fits(widest) {
            true
        } else if !fits(narrowest) {
            false
        } else {
            fits(summary(lang, passed(), total).width())
        };
        let description = course.description.as_ref().filter(|_| descriptions);
        let description_lines =
            description.map_or(0, |d| Document::<usize>::markdown_height(d, width, 2) + 1);
        let modules: usize = course.areas.iter().map(|a| a.modules.len()).sum();
        let area_titles = course.areas.iter().filter(|a| a.title.is_some()).count();
        let height = usize::from(c > 0)
            + if one_line { 1 } else { 2 }
            + description_lines
            + area_titles
            + modules;
        if !out.reaches(height) {
            out.line += height;
            row += modules;
            continue;
        }

        if c > 0 {
            out.push(Line::default, None);
        }
        if one_line {
            out.push(
                || {
                    let summary = summary(lang, passed(), total);
                    let gap = width - title_width - summary.width();
                    Line::from(vec![
                        Span::styled(clean(&course.title), theme.heading()),
                        Span::raw(" ".repeat(gap)),
                        Span::raw(summary),
                    ])
                },
                None,
            );
        } else {
            out.push(
                || {
                    let title = truncate(&clean(&course.title), width);
                    Line::from(Span::styled(title, theme.heading()))
                },
                None,
            );
            out.push(
                || Line::from(truncate(&summary(lang, passed(), total), width)),
                None,
            );
        }
        if let Some(description) = description {
            if out.reaches(description_lines) {
                let mut lines = Document::<usize>::new();
                lines.markdown(description, width, 2, theme, None);
                for line in lines.lines {
                    out.push(|| line, None);
                }
                out.push(Line::default, None);
            } else {
                out.line += description_lines;
            }
        }
        for area in &course.areas {
            if let Some(area_title) = &area.title {
                let label = match &area.code {
                    Some(code) => format!("{} {}", clean(code), clean(area_title)),
                    None => clean(area_title),
                };
                out.push(
                    || {
                        Line::from(Span::styled(
                            truncate(&format!("  {label}"), width),
                            theme.heading(),
                        ))
                    },
                    None,
                );
            }
            for &m in &area.modules {
                let selected = row == screen.selected;
                out.push(
                    || module_line(state, course, m, lang, selected, width),
                    Some(row),
                );
                row += 1;
            }
        }
    }
    (out.doc, out.line)
}

/// Lines of a range of the library, built only when asked for, and the count of all.
struct Window {
    doc: Document<usize>,
    line: usize,
    lines: Range<usize>,
}

impl Window {
    fn push(&mut self, line: impl FnOnce() -> Line<'static>, target: Option<usize>) {
        if self.lines.contains(&self.line) {
            self.doc.push(line(), target);
        }
        self.line += 1;
    }

    /// Whether any of the next `count` lines falls in the range.
    fn reaches(&self, count: usize) -> bool {
        self.line < self.lines.end && self.line + count > self.lines.start
    }
}

/// A course's progress bar and "3 / 20 bestanden".
fn summary(lang: Lang, passed: usize, total: usize) -> String {
    format!(
        "{}  {}",
        bar(passed, total, 10),
        i18n::passed_of(lang, passed, total)
    )
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
    let height = usize::from(areas.body.height);
    let (visible, len) = window(
        state,
        screen,
        super::content_width(areas.body.width),
        screen.scroll..screen.scroll + height,
    );
    draw_title(
        frame,
        areas.title,
        &format!("kurs · {}", state.t(T::Library)),
        "",
        &state.theme,
    );
    draw_lines(frame, areas.body, &visible.lines, screen.scroll, len);
}
