//! The module screen: intro, every section as an accordion pane (▸ closed, ▾ open) with its
//! Markdown body, and the two actions "Mein Wissen üben" and "Gelernt".

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Areas, Document, draw_document, draw_title_fitting};
use crate::i18n::{self, T};
use crate::progress::{QuestionState, question_state};
use crate::safe_text::single_line;
use crate::tui::state::{Focus, ModuleScreen, State};

/// The module as lines; headers and actions point at what Enter or a click does there.
pub fn document(state: &State, screen: &ModuleScreen, width: usize) -> Document<Focus> {
    let theme = &state.theme;
    let lang = state.lang();
    let mut doc = Document::new();
    let (Some(course), Some(module)) = (state.course(screen.at), state.module(screen.at)) else {
        return doc;
    };
    if let Some(intro) = &module.intro {
        doc.markdown(intro, width, 1, theme, None);
        doc.blank();
    }
    let opened = state
        .store
        .progress()
        .module(&course.id, &module.id)
        .map(|m| m.opened_sections.clone())
        .unwrap_or_default();
    for (i, section) in module.sections.iter().enumerate() {
        let expanded = screen.expanded.get(i).copied().unwrap_or(false);
        let focused = screen.focus == Focus::Section(i);
        let marker = if focused { "›" } else { " " };
        let arrow = if expanded { "▾" } else { "▸" };
        // A dot marks sections read before, in words in the help; never by colour alone.
        let seen = if opened.contains(&i) { " ·" } else { "" };
        let style = if focused {
            theme.focused()
        } else {
            theme.heading()
        };
        doc.wrapped(
            &format!("{}{seen}", single_line(&section.title)),
            width,
            vec![Span::styled(format!("{marker}{arrow} "), style)],
            style,
            Some(Focus::Section(i)),
        );
        if expanded {
            doc.markdown(&section.body, width, 3, theme, Some(Focus::Section(i)));
            doc.blank();
        }
    }
    doc.blank();
    let quiz_title = module
        .quiz
        .as_ref()
        .and_then(|q| q.title.clone())
        .unwrap_or_else(|| T::QuizDefaultTitle.get(lang).to_string());
    let practice = if module.quiz.is_some() {
        format!("▶ {} (p)", single_line(&quiz_title))
    } else {
        format!("▶ {}", T::NoQuiz.get(lang))
    };
    action_line(
        &mut doc,
        &practice,
        screen.focus == Focus::Practice,
        width,
        state,
        Focus::Practice,
    );
    let record = state.store.progress().module(&course.id, &module.id);
    if let (Some(quiz), Some(record)) = (&module.quiz, record) {
        let changed = quiz
            .questions
            .iter()
            .filter(|q| {
                question_state(Some(record), &q.id, &q.fingerprint()) == QuestionState::Changed
            })
            .count();
        let best = record
            .best_attempt()
            .and_then(|a| Some((a.points, a.max, a.percent()?)));
        let summary = i18n::quiz_summary(lang, best, record.answers_since_last_attempt(), changed);
        if !summary.is_empty() {
            doc.wrapped(&summary, width, vec![Span::raw("    ")], theme.dim(), None);
        }
    }
    let learned = match record.and_then(|m| m.learned_at.as_deref()) {
        Some(at) => format!(
            "☑ {} (l)",
            i18n::learned_on(lang, at.get(..10).unwrap_or(at))
        ),
        None => format!("☐ {} (l)", T::MarkLearned.get(lang)),
    };
    action_line(
        &mut doc,
        &learned,
        screen.focus == Focus::Learned,
        width,
        state,
        Focus::Learned,
    );
    if let Some(word) = screen.highlight.as_deref() {
        let needle = word.to_lowercase();
        for (line, target) in doc.lines.iter_mut().zip(&doc.targets) {
            if matches!(target, Some(Focus::Section(_))) {
                mark_found(line, &needle, theme.found());
            }
        }
    }
    doc
}

/// Marks every place `needle` (lower case) occurs in `line` with `style`, span by span. A span
/// whose lower case changes its length (rare letters such as "İ") is left unmarked rather than
/// cut in the wrong place.
fn mark_found(line: &mut Line<'static>, needle: &str, style: Style) {
    if needle.is_empty() {
        return;
    }
    let mut spans = Vec::with_capacity(line.spans.len());
    for span in line.spans.drain(..) {
        let text = span.content.to_string();
        let lower = text.to_lowercase();
        if lower.len() != text.len() || !lower.contains(needle) {
            spans.push(span);
            continue;
        }
        let mut at = 0;
        for (start, _) in lower.match_indices(needle) {
            if start < at || !text.is_char_boundary(start) {
                continue;
            }
            let end = start + needle.len();
            if !text.is_char_boundary(end) {
                continue;
            }
            if start > at {
                spans.push(Span::styled(text[at..start].to_string(), span.style));
            }
            spans.push(Span::styled(
                text[start..end].to_string(),
                span.style.patch(style),
            ));
            at = end;
        }
        if at < text.len() {
            spans.push(Span::styled(text[at..].to_string(), span.style));
        }
    }
    line.spans = spans;
}

fn action_line(
    doc: &mut Document<Focus>,
    text: &str,
    focused: bool,
    width: usize,
    state: &State,
    target: Focus,
) {
    let marker = if focused { "›" } else { " " };
    let style = if focused {
        state.theme.focused()
    } else {
        Style::new()
    };
    doc.wrapped(
        text,
        width,
        vec![Span::styled(format!("{marker} "), style)],
        style,
        Some(target),
    );
}

pub fn draw(state: &State, screen: &ModuleScreen, frame: &mut Frame, areas: &Areas) {
    let (Some(course), Some(module)) = (state.course(screen.at), state.module(screen.at)) else {
        return;
    };
    let left = match &module.code {
        Some(code) => format!("{} | {}", code, module.title),
        None => module.title.clone(),
    };
    // Sections read (opened at least once, now or before), not the panes open right now.
    let read = state
        .store
        .progress()
        .module(&course.id, &module.id)
        .map_or(0, |m| m.opened_sections.count_below(module.sections.len()));
    let count = format!("{read}/{}", module.sections.len());
    let read_of = format!(
        "{count} {} {}",
        state.t(T::Sections),
        state.t(T::SectionsRead)
    );
    let with_course = format!("{read_of} · {}", single_line(&course.title));
    let short = format!("{count} {}", state.t(T::SectionsRead));
    draw_title_fitting(
        frame,
        areas.title,
        &left,
        &[&with_course, &read_of, &short, &count],
        &state.theme,
    );
    let mut doc = document(state, screen, super::content_width(areas.body.width));
    // Reading inside a long section: its header (with the focus marker) stays at the top.
    if let (Some(first), Some(last)) = (
        doc.first_line_of(screen.focus),
        doc.last_line_of(screen.focus),
    ) && matches!(screen.focus, Focus::Section(_))
        && first < screen.scroll
        && last >= screen.scroll
        && let Some(header) = doc.lines.get(first).cloned()
        && let Some(top) = doc.lines.get_mut(screen.scroll)
    {
        *top = header;
    }
    draw_document(frame, areas.body, &doc, screen.scroll);
}
