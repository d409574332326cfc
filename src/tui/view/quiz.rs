//! The quiz screen: "Frage 2 | 3", the prompt, the answer area of the question's type, and after
//! checking the feedback: right or wrong in symbol and word, picked choices' feedback, the right answer, the explanation.

use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Areas, Document, draw_document, draw_title};
use std::collections::BTreeSet;

use crate::course::{Choice, Module, Question, QuestionKind, Quiz, partner};
use crate::i18n::{self, Lang, T};
use crate::quiz::Outcome;
use crate::quiz::{Answer, right_answer};
use crate::safe_text::single_line;
use crate::tui::state::{AnswerInput, QuizScreen, State};
use crate::tui::theme::Theme;

/// What a line of the quiz stands for: a choice (by display position; a match question's item),
/// a match question's partner (by display position), the text input, or the verdict after
/// checking (which `update` scrolls into view).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizTarget {
    Choice(usize),
    Partner(usize),
    Input,
    Verdict,
}

pub fn document(state: &State, screen: &QuizScreen, width: usize) -> Document<QuizTarget> {
    let theme = &state.theme;
    let lang = state.lang();
    let mut doc = Document::new();
    let Some(question) = state.question_of(screen) else {
        return doc;
    };
    let order = &screen.run.asked[screen.position].order;
    doc.markdown(&question.prompt, width, 1, theme, None);
    doc.blank();
    let hint = how_to_answer(&question.kind);
    let answering = screen.checked.is_none();
    // How to answer, while answering; once checked the feedback takes its place. Hints wrap,
    // so that a narrow window shows them whole.
    if answering {
        doc.wrapped(
            hint.get(lang),
            width,
            vec![Span::raw(" ")],
            theme.dim(),
            None,
        );
    }
    answer_lines(
        &mut doc,
        question,
        order,
        &screen.input,
        answering,
        theme,
        lang,
        width,
    );
    if let Some(hint) = screen.hint {
        doc.blank();
        doc.wrapped(hint, width, vec![Span::raw(" ")], theme.warning(), None);
    }
    if let Some(outcome) = &screen.checked {
        feedback_lines(&mut doc, question, order, outcome, theme, lang, width);
    }
    doc
}

/// How to answer a question of this type, in one line.
pub fn how_to_answer(kind: &QuestionKind) -> T {
    match kind {
        QuestionKind::Single { .. } => T::SingleHint,
        QuestionKind::Multiple { .. } => T::MultipleHint,
        QuestionKind::TrueFalse { .. } => T::TrueFalseHint,
        QuestionKind::Text { .. } => T::TypeAnswer,
        QuestionKind::Order { .. } => T::OrderHint,
        QuestionKind::Match { .. } => T::MatchHint,
        QuestionKind::Numeric { .. } => T::NumericHint,
    }
}

/// The answer area of a question as the learner builds it (choices, true/false, the typed
/// text, the items in order); after checking with ✓/✗. The quiz and the exam show it alike.
#[allow(clippy::too_many_arguments)]
pub fn answer_lines(
    doc: &mut Document<QuizTarget>,
    question: &Question,
    order: &[usize],
    input: &AnswerInput,
    answering: bool,
    theme: &Theme,
    lang: Lang,
    width: usize,
) {
    match (&question.kind, input) {
        (
            QuestionKind::Single { choices } | QuestionKind::Multiple { choices },
            AnswerInput::Choice {
                multiple,
                cursor,
                picked,
            },
        ) => {
            let input = ChoiceInput {
                multiple,
                cursor,
                picked,
            };
            choice_lines(doc, choices, order, input, answering, theme, width);
        }
        (QuestionKind::TrueFalse { answer }, AnswerInput::TrueFalse { cursor, picked }) => {
            true_false_lines(doc, answer, cursor, picked, answering, theme, lang);
        }
        (QuestionKind::Text { .. }, AnswerInput::Text { text, cursor }) => {
            text_line(doc, text, cursor, None, width);
        }
        (QuestionKind::Numeric { unit, .. }, AnswerInput::Number { text, cursor, .. }) => {
            text_line(doc, text, cursor, unit.as_deref(), width);
        }
        (QuestionKind::Order { items }, AnswerInput::Order { cursor, order }) => {
            order_lines(doc, items, order, cursor, answering, theme, width);
        }
        (QuestionKind::Match { pairs, distractors }, AnswerInput::Match { cursor, picked }) => {
            let partners: Vec<&str> = order
                .iter()
                .filter_map(|&i| partner(pairs, distractors, i))
                .collect();
            for (item, pair) in pairs.iter().enumerate() {
                let chosen = picked.get(item).copied().flatten();
                let focused = answering && *cursor == item;
                // Right when the partner shown at the chosen place is this item's own.
                let right = chosen.and_then(|p| order.get(p)) == Some(&item);
                let verdict = match (answering, right) {
                    (true, _) => "",
                    (false, true) => " ✓",
                    (false, false) => " ✗",
                };
                let style = match (focused, answering, right) {
                    (true, _, _) => theme.focused(),
                    (false, false, true) => theme.right(),
                    (false, false, false) => theme.wrong(),
                    _ => Style::new(),
                };
                let marker = if focused { "›" } else { " " };
                let partner_text = match chosen.and_then(|p| Some((p, partners.get(p)?))) {
                    Some((p, text)) => format!(
                        "{}) {}",
                        partner_letter(p).unwrap_or(' '),
                        single_line(text)
                    ),
                    None => "–".to_owned(),
                };
                doc.wrapped(
                    &format!("{} → {partner_text}", single_line(&pair.left)),
                    width,
                    vec![Span::styled(
                        format!("{marker}{}.{verdict} ", item + 1),
                        style,
                    )],
                    style,
                    Some(QuizTarget::Choice(item)),
                );
            }
            if answering {
                doc.blank();
                doc.push(
                    Line::from(Span::styled(
                        format!(" {}:", T::MatchPartners.get(lang)),
                        theme.dim(),
                    )),
                    None,
                );
                for (pos, text) in partners.iter().enumerate() {
                    let letter = partner_letter(pos).map_or("   ".to_owned(), |l| format!("{l})"));
                    doc.wrapped(
                        &single_line(text),
                        width,
                        vec![Span::raw(format!("   {letter} "))],
                        Style::new(),
                        Some(QuizTarget::Partner(pos)),
                    );
                }
            }
        }
        _ => {}
    }
}

/// The choice under the cursor and the ones picked, as the learner builds the answer.
struct ChoiceInput<'a> {
    multiple: &'a bool,
    cursor: &'a usize,
    picked: &'a BTreeSet<usize>,
}

/// Single and multiple choice: "(•)" or "[x]" per choice in the order shown; after checking ✓/✗.
fn choice_lines(
    doc: &mut Document<QuizTarget>,
    choices: &[Choice],
    order: &[usize],
    input: ChoiceInput<'_>,
    answering: bool,
    theme: &Theme,
    width: usize,
) {
    let ChoiceInput {
        multiple,
        cursor,
        picked,
    } = input;
    for (pos, &index) in order.iter().enumerate() {
        let Some(choice) = choices.get(index) else {
            continue;
        };
        let on = picked.contains(&pos);
        let mark = match (multiple, on) {
            (false, true) => "(•)",
            (false, false) => "( )",
            (true, true) => "[x]",
            (true, false) => "[ ]",
        };
        let focused = answering && *cursor == pos;
        let verdict = if answering {
            String::new()
        } else if choice.correct {
            " ✓".to_string()
        } else if on {
            " ✗".to_string()
        } else {
            "  ".to_string()
        };
        let style = match (focused, answering, choice.correct, on) {
            (true, _, _, _) => theme.focused(),
            (false, false, true, _) => theme.right(),
            (false, false, false, true) => theme.wrong(),
            _ => Style::new(),
        };
        let marker = if focused { "›" } else { " " };
        let prefix = format!("{marker}{}{verdict} {} ", number(pos), mark);
        doc.wrapped(
            &single_line(&choice.text),
            width,
            vec![Span::styled(prefix, style)],
            style,
            Some(QuizTarget::Choice(pos)),
        );
    }
}

/// True or false: two choices in the course's words.
fn true_false_lines(
    doc: &mut Document<QuizTarget>,
    answer: &bool,
    cursor: &usize,
    picked: &Option<bool>,
    answering: bool,
    theme: &Theme,
    lang: Lang,
) {
    for (pos, value) in [true, false].into_iter().enumerate() {
        let on = *picked == Some(value);
        let focused = answering && *cursor == pos;
        let label = if value { T::True } else { T::False }.get(lang);
        let verdict = if answering {
            ""
        } else if *answer == value {
            " ✓"
        } else if on {
            " ✗"
        } else {
            "  "
        };
        let style = if focused {
            theme.focused()
        } else {
            Style::new()
        };
        let marker = if focused { "›" } else { " " };
        doc.push(
            Line::from(Span::styled(
                format!(
                    "{marker}{}{verdict} {} {label}",
                    number(pos),
                    if on { "(•)" } else { "( )" }
                ),
                style,
            )),
            Some(QuizTarget::Choice(pos)),
        );
    }
}

/// The typed answer on one line, scrolled sideways so the cursor stays visible; a number's
/// unit after it.
fn text_line(
    doc: &mut Document<QuizTarget>,
    text: &str,
    cursor: &usize,
    unit: Option<&str>,
    width: usize,
) {
    let unit = unit
        .map(|u| format!(" {}", single_line(u)))
        .unwrap_or_default();
    let room = width.saturating_sub(INPUT_PREFIX + unit.width());
    // Typed with its unit ("85 %"): the unit is not shown a second time.
    let unit = if crate::quiz::unit_at_end(text, Some(unit.as_str())).is_some() {
        String::new()
    } else {
        unit
    };
    let (shown, _) = input_window(text, *cursor, room);
    let mut spans = vec![
        Span::raw(" > "),
        Span::styled(
            shown,
            Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED),
        ),
    ];
    if !unit.is_empty() {
        spans.push(Span::raw(unit));
    }
    doc.push(Line::from(spans), Some(QuizTarget::Input));
}

/// The columns a typed answer has on its line: the width less " > " and the unit.
pub fn input_room(question: &Question, width: usize) -> usize {
    let unit = match &question.kind {
        QuestionKind::Numeric {
            unit: Some(unit), ..
        } => single_line(unit).width() + 1,
        _ => 0,
    };
    width.saturating_sub(INPUT_PREFIX + unit)
}

/// Items in their current order, numbered; after checking ✓/✗ per place.
fn order_lines(
    doc: &mut Document<QuizTarget>,
    items: &[String],
    order: &[usize],
    cursor: &usize,
    answering: bool,
    theme: &Theme,
    width: usize,
) {
    for (pos, &index) in order.iter().enumerate() {
        let Some(item) = items.get(index) else {
            continue;
        };
        let focused = answering && *cursor == pos;
        let style = if focused {
            theme.focused()
        } else {
            Style::new()
        };
        let marker = if focused { "›" } else { " " };
        let verdict = if answering {
            ""
        } else if index == pos {
            " ✓"
        } else {
            " ✗"
        };
        doc.wrapped(
            &single_line(item),
            width,
            vec![Span::styled(
                format!("{marker}{}.{verdict} ", pos + 1),
                style,
            )],
            style,
            Some(QuizTarget::Choice(pos)),
        );
    }
}

/// After checking: the verdict (its line is the `Verdict` target), the feedback of each picked
/// choice, the right answer when wrong, and the explanation.
fn feedback_lines(
    doc: &mut Document<QuizTarget>,
    question: &Question,
    order: &[usize],
    outcome: &Outcome,
    theme: &Theme,
    lang: Lang,
    width: usize,
) {
    doc.blank();
    doc.wrapped(
        &i18n::verdict(lang, outcome.credit),
        width,
        vec![Span::raw(" ")],
        theme.verdict(outcome.credit),
        Some(QuizTarget::Verdict),
    );
    // Feedback of every picked choice.
    if let (QuestionKind::Single { choices } | QuestionKind::Multiple { choices }, Some(picked)) =
        (&question.kind, picked_choices(&outcome.answer))
    {
        for index in picked {
            if let Some(feedback) = choices.get(index).and_then(|c| c.feedback.as_ref()) {
                doc.blank();
                doc.wrapped(
                    &single_line(&choices[index].text),
                    width,
                    vec![Span::raw(" » ")],
                    theme.dim(),
                    None,
                );
                doc.markdown(feedback, width, 3, theme, None);
            }
        }
    }
    if !outcome.is_right() {
        doc.blank();
        doc.push(
            Line::from(Span::styled(
                format!(" {}:", T::RightAnswer.get(lang)),
                theme.heading(),
            )),
            None,
        );
        let answers = right_answer(question, order, lang);
        for (i, answer) in answers.iter().enumerate() {
            let text = single_line(answer);
            let prefix = match &question.kind {
                QuestionKind::Order { .. } => format!("   {}. ", i + 1),
                _ => "   • ".to_string(),
            };
            doc.wrapped(&text, width, vec![Span::raw(prefix)], Style::new(), None);
        }
    }
    if let Some(explanation) = &question.explanation {
        doc.blank();
        doc.push(
            Line::from(Span::styled(
                format!(" {}:", T::Explanation.get(lang)),
                theme.heading(),
            )),
            None,
        );
        doc.markdown(explanation, width, 3, theme, None);
    }
}

fn picked_choices(answer: &Answer) -> Option<Vec<usize>> {
    match answer {
        Answer::Single(i) => Some(vec![*i]),
        Answer::Multiple(set) => Some(set.iter().copied().collect()),
        _ => None,
    }
}

/// Columns taken by " > " before the typed answer.
pub const INPUT_PREFIX: usize = 3;

/// The part of a typed answer that fits `width` columns with the cursor in view, and the
/// cursor's column within it. Long answers scroll sideways instead of running off the screen.
pub fn input_window(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let text = single_line(text);
    let cursor = cursor.min(text.len());
    let width = width.max(2);
    let mut start = 0;
    // Drop characters from the front until the cursor (plus one free column) fits.
    while text.get(start..cursor).map_or(0, |t| t.width()) + 1 > width {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    let mut shown = String::new();
    let mut used = 0;
    for c in text[start..].chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        shown.push(c);
    }
    let at = text.get(start..cursor).map_or(0, |t| t.width());
    (shown, at)
}

/// The letter that names a match question's partner at display position `position`: `a`, `b`,
/// … `z` (the loader allows no more partners than that).
pub fn partner_letter(position: usize) -> Option<char> {
    u8::try_from(position)
        .ok()
        .filter(|&p| p < 26)
        .map(|p| char::from(b'a' + p))
}

/// "1 " … "9 " for the choices digits can pick; nothing beyond.
fn number(pos: usize) -> String {
    if pos < 9 {
        format!("{} ", pos + 1)
    } else {
        "  ".to_string()
    }
}

/// "C2 · Mein Wissen üben": the module's code and the quiz's title, for the title bar.
pub fn quiz_label(module: &Module, quiz: &Quiz, lang: Lang) -> String {
    let title = quiz
        .title
        .clone()
        .unwrap_or_else(|| T::QuizDefaultTitle.get(lang).to_string());
    match &module.code {
        Some(code) => format!("{code} · {title}"),
        None => title,
    }
}

pub fn draw(state: &State, screen: &QuizScreen, frame: &mut Frame, areas: &Areas) {
    let lang = state.lang();
    let (Some(module), Some(quiz)) = (state.module(screen.at), state.quiz(screen.at)) else {
        return;
    };
    let label = quiz_label(module, quiz, lang);
    let counter = i18n::question_counter(lang, screen.position + 1, screen.run.asked.len());
    draw_title(frame, areas.title, &label, &counter, &state.theme);
    let doc = document(state, screen, super::content_width(areas.body.width));
    draw_document(frame, areas.body, &doc, screen.scroll);
    // The text cursor, where the learner types.
    if let (Some((text, cursor)), None, Some(question)) = (
        screen.input.typed(),
        &screen.checked,
        state.question_of(screen),
    ) {
        let room = input_room(question, super::content_width(areas.body.width));
        let line = doc.first_line_of(QuizTarget::Input);
        place_cursor(frame, areas.body, line, screen.scroll, (text, cursor, room));
    }
}

/// Puts the terminal's cursor where the learner types: at byte `cursor` of `text` (shown in
/// `room` columns after " > ") on document line `line` of `body`, when that line is on screen.
pub fn place_cursor(
    frame: &mut Frame,
    body: ratatui::layout::Rect,
    line: Option<usize>,
    scroll: usize,
    (text, cursor, room): (&str, usize, usize),
) {
    let Some(row) = line.and_then(|line| line.checked_sub(scroll)) else {
        return;
    };
    let (_, at) = input_window(text, cursor, room);
    let column = INPUT_PREFIX + at;
    if let (Ok(row), Ok(column)) = (u16::try_from(row), u16::try_from(column))
        && row < body.height
        && column < body.width
    {
        frame.set_cursor_position(Position::new(body.x + column, body.y + row));
    }
}

#[cfg(test)]
mod tests {
    use super::input_window;

    #[test]
    fn a_short_answer_is_shown_whole() {
        assert_eq!(input_window("DSGVO", 5, 20), ("DSGVO".to_string(), 5));
    }

    #[test]
    fn a_long_answer_scrolls_so_the_cursor_stays_visible() {
        let text = "a".repeat(50);
        let (shown, at) = input_window(&text, 50, 10);
        assert_eq!((shown.len(), at), (9, 9));
        let (shown, at) = input_window(&text, 0, 10);
        assert_eq!((shown.len(), at), (10, 0));
    }

    #[test]
    fn wide_characters_count_by_display_width() {
        let (shown, at) = input_window("日本語テキスト", 21, 6);
        assert_eq!((shown.as_str(), at), ("スト", 4));
    }
}
