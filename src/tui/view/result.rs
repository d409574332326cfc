//! The result screen: points and percent, passed or not against the pass mark, each question
//! right or wrong — each opens to the learner's answer, the right one and the explanation — and
//! after a passed quiz the certificate it completed and the next module to go on with.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Areas, Document, draw_document, draw_title};
use crate::course::{Course, Question, QuestionKind};
use crate::i18n::{self, Lang, T};
use crate::markdown;
use crate::quiz::{Answer, Asked, Credit, Outcome, match_words, right_answer};
use crate::safe_text::single_line;
use crate::tui::state::{ResultFocus, ResultScreen, State};
use crate::tui::theme::Theme;

pub fn document(state: &State, screen: &ResultScreen, width: usize) -> Document<ResultFocus> {
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
    // This pass made the certificate due: name and birth date first, the rest after.
    if let Some(form) = &screen.profile {
        super::profile::form_lines(state, form, &mut doc, width, ResultFocus::ProfileField);
        return doc;
    }
    certificate_lines(&mut doc, &screen.certificate, width, theme);
    if let Some(next) = screen.next.and_then(|at| state.module(at)) {
        doc.blank();
        let focused = screen.focus == ResultFocus::Next;
        let style = if focused {
            theme.focused()
        } else {
            theme.heading()
        };
        let text = i18n::go_on_with(lang, &single_line(&Course::module_label(next)));
        doc.wrapped(
            &format!("{text} (n)"),
            width,
            vec![Span::styled(
                format!("{}▶ ", if focused { "›" } else { " " }),
                style,
            )],
            style,
            Some(ResultFocus::Next),
        );
    }
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
        let target = ResultFocus::Question(n);
        let focused = screen.focus == target;
        let open = screen.open.contains(&n);
        let credit = outcome.as_ref().map_or(Credit::NONE, |o| o.credit);
        let (mark, style) = (i18n::verdict_symbol(credit), theme.verdict(credit));
        let prompt = markdown::render(&question.prompt, 10_000, markdown::Style::PLAIN)
            .first()
            .map(|l| l.text())
            .unwrap_or_default();
        let marker = if focused { "›" } else { " " };
        let arrow = if open { "▾" } else { "▸" };
        doc.wrapped(
            &prompt,
            width,
            vec![Span::styled(
                format!("{marker}{arrow} {mark} {}. ", n + 1),
                if focused { theme.focused() } else { style },
            )],
            if focused {
                theme.focused()
            } else {
                Style::new()
            },
            Some(target),
        );
        if open {
            detail_lines(
                &mut doc,
                question,
                asked,
                outcome.as_ref(),
                target,
                theme,
                lang,
                width,
            );
        }
    }
    if !screen.run.carried.is_empty() {
        doc.blank();
        let text = format!(" {}", i18n::carried_right(lang, screen.run.carried.len()));
        doc.push(Line::from(Span::styled(text, theme.right())), None);
    }
    doc
}

/// What became of the certificate (where its files are, or why not), after a quiz's or an
/// exam's result alike.
pub fn certificate_lines<F: Copy + PartialEq>(
    doc: &mut Document<F>,
    lines: &[String],
    width: usize,
    theme: &Theme,
) {
    if lines.is_empty() {
        return;
    }
    doc.blank();
    for line in lines {
        doc.wrapped(
            &single_line(line),
            width,
            vec![Span::raw(" ")],
            theme.heading(),
            None,
        );
    }
}

/// One question opened: the learner's answer, the right answer (choices in the order they were
/// shown) and the explanation; its lines belong to the question, so a click on them closes it.
#[allow(clippy::too_many_arguments)]
pub fn detail_lines<F: Copy + PartialEq>(
    doc: &mut Document<F>,
    question: &Question,
    asked: &Asked,
    outcome: Option<&Outcome>,
    target: F,
    theme: &Theme,
    lang: Lang,
    width: usize,
) {
    let indent = "      ";
    let label = |doc: &mut Document<F>, text: T| {
        doc.push(
            Line::from(Span::styled(
                format!("{indent}{}:", text.get(lang)),
                theme.heading(),
            )),
            Some(target),
        );
    };
    label(doc, T::YourAnswer);
    let given = match outcome {
        Some(outcome) => answer_texts(question, &outcome.answer, lang),
        None => vec![T::Unanswered.get(lang).to_string()],
    };
    for text in given {
        doc.wrapped(
            &text,
            width,
            vec![Span::raw(format!("{indent}  • "))],
            Style::new(),
            Some(target),
        );
    }
    if let Some(outcome) = outcome.filter(|o| o.credit.is_partial()) {
        doc.wrapped(
            &i18n::verdict(lang, outcome.credit),
            width,
            vec![Span::raw(indent)],
            theme.partly(),
            Some(target),
        );
    }
    if !outcome.is_some_and(Outcome::is_right) {
        label(doc, T::RightAnswer);
        for text in right_texts(question, asked, lang) {
            doc.wrapped(
                &text,
                width,
                vec![Span::raw(format!("{indent}  • "))],
                Style::new(),
                Some(target),
            );
        }
    }
    if let Some(explanation) = &question.explanation {
        label(doc, T::Explanation);
        doc.markdown(explanation, width, indent.len() + 2, theme, Some(target));
    }
    doc.blank();
}

fn bool_word(value: bool, lang: Lang) -> String {
    (if value { T::True } else { T::False })
        .get(lang)
        .to_string()
}

/// The learner's answer in the question's own words.
fn answer_texts(question: &Question, answer: &Answer, lang: Lang) -> Vec<String> {
    match (&question.kind, answer) {
        (QuestionKind::Single { choices }, Answer::Single(i)) => choices
            .get(*i)
            .map(|c| c.text.clone())
            .into_iter()
            .collect(),
        (QuestionKind::Multiple { choices }, Answer::Multiple(picked)) => picked
            .iter()
            .filter_map(|&i| choices.get(i).map(|c| c.text.clone()))
            .collect(),
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse(value)) => vec![bool_word(*value, lang)],
        (QuestionKind::Text { .. }, Answer::Text(text)) => vec![text.clone()],
        (QuestionKind::Order { items }, Answer::Order(order)) => order
            .iter()
            .enumerate()
            .filter_map(|(pos, &i)| items.get(i).map(|item| format!("{}. {item}", pos + 1)))
            .collect(),
        (QuestionKind::Match { .. }, Answer::Match(picked)) => match_words(question, picked),
        (QuestionKind::Numeric { unit, .. }, Answer::Number(value)) => {
            let unit = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            vec![format!("{}{unit}", i18n::number(lang, *value))]
        }
        _ => Vec::new(),
    }
    .into_iter()
    .map(|t| single_line(&t))
    .collect()
}

/// The right answer as the quiz screen gives it, items numbered.
fn right_texts(question: &Question, asked: &Asked, lang: Lang) -> Vec<String> {
    let right = right_answer(question, &asked.order, lang);
    match &question.kind {
        QuestionKind::Order { .. } => right
            .iter()
            .enumerate()
            .map(|(pos, item)| format!("{}. {}", pos + 1, single_line(item)))
            .collect(),
        _ => right.iter().map(|t| single_line(t)).collect(),
    }
}

pub fn draw(state: &State, screen: &ResultScreen, frame: &mut Frame, areas: &Areas) {
    let lang = state.lang();
    let (Some(module), Some(quiz)) = (state.module(screen.at), state.quiz(screen.at)) else {
        return;
    };
    let label = super::quiz::quiz_label(module, quiz, lang);
    let right = if screen.profile.is_some() {
        T::ExamProfileTitle
    } else {
        T::Result
    };
    draw_title(frame, areas.title, &label, right.get(lang), &state.theme);
    let width = super::content_width(areas.body.width);
    let doc = document(state, screen, width);
    draw_document(frame, areas.body, &doc, screen.scroll);
    // The text cursor, in the field of the profile form being typed.
    if let Some(form) = &screen.profile {
        let line = doc.first_line_of(ResultFocus::ProfileField);
        let typed = super::profile::typed(form, width);
        super::quiz::place_cursor(frame, areas.body, line, screen.scroll, typed);
    }
}
