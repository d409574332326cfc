//! The result screen: points and percent, passed or not against the pass mark, and each question right or wrong.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Areas, Document, draw_document, draw_title};
use crate::i18n::{self, T};
use crate::markdown;
use crate::tui::state::{ResultScreen, State};

pub fn document(state: &State, screen: &ResultScreen, width: usize) -> Document<()> {
    let theme = &state.theme;
    let lang = state.lang();
    let mut doc = Document::new();
    let Some(quiz) = state.quiz(screen.at) else {
        return doc;
    };
    let (points, max) = screen.run.score();
    let passed = screen.run.passed(quiz);
    doc.blank();
    doc.push(
        Line::from(format!(
            " {}",
            i18n::score(lang, points, max, screen.run.percent())
        )),
        None,
    );
    let verdict = if passed {
        Span::styled(format!(" ✓ {}", T::Passed.get(lang)), theme.right())
    } else {
        Span::styled(format!(" ✗ {}", T::NotPassed.get(lang)), theme.wrong())
    };
    doc.push(
        Line::from(vec![
            verdict,
            Span::raw(format!("  ({})", i18n::pass_mark(lang, quiz.pass_percent))),
        ]),
        None,
    );
    doc.blank();
    for (n, (asked, outcome)) in screen
        .run
        .asked
        .iter()
        .zip(&screen.run.outcomes)
        .enumerate()
    {
        let Some(question) = quiz.questions.get(asked.question) else {
            continue;
        };
        let right = outcome.as_ref().is_some_and(|o| o.correct);
        let (mark, style) = if right {
            ("✓", theme.right())
        } else {
            ("✗", theme.wrong())
        };
        let prompt = markdown::render(&question.prompt, 10_000, markdown::Style::PLAIN)
            .first()
            .map(|l| l.text())
            .unwrap_or_default();
        doc.wrapped(
            &prompt,
            width,
            vec![Span::styled(format!(" {mark} {}. ", n + 1), style)],
            Style::new(),
            None,
        );
    }
    if !screen.run.carried.is_empty() {
        doc.blank();
        let text = format!(" {}", i18n::carried_right(lang, screen.run.carried.len()));
        doc.push(Line::from(Span::styled(text, theme.right())), None);
    }
    doc
}

pub fn draw(state: &State, screen: &ResultScreen, frame: &mut Frame, areas: &Areas) {
    let lang = state.lang();
    let (Some(module), Some(quiz)) = (state.module(screen.at), state.quiz(screen.at)) else {
        return;
    };
    let label = super::quiz::quiz_label(module, quiz, lang);
    draw_title(
        frame,
        areas.title,
        &label,
        T::Result.get(lang),
        &state.theme,
    );
    let doc = document(state, screen, super::content_width(areas.body.width));
    draw_document(frame, areas.body, &doc, screen.scroll);
}
