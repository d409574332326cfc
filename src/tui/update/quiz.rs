//! The quiz screen's keys: building an answer of each question type, checking it (recorded at
//! once), the feedback, and the result when the last question is done.

use std::collections::BTreeSet;

use super::module::back_to_module;
use super::{record, saved, text};
use crate::course::{QuestionKind, Quiz};
use crate::i18n::T;
use crate::quiz::{Answer, Outcome, Run};
use crate::session::ModuleRef;
use crate::tui::action::Action;
use crate::tui::state::{AnswerInput, QuizScreen, ResultFocus, ResultScreen, Screen, State};
use crate::tui::view::quiz::QuizTarget;
use crate::tui::view::{self, body_height, scroll_to};

/// Starts a run: over every question, or repeating a previous run's wrong ones.
pub(super) fn start_quiz(state: &mut State, at: ModuleRef, repeat: Option<Run>) {
    let Some(quiz) = state.quiz(at).filter(|q| !q.questions.is_empty()).cloned() else {
        state.notice = Some(state.t(T::NoQuiz).to_string());
        return;
    };
    let run = match repeat {
        Some(previous) => previous.repeat_wrong(&quiz, &mut state.shuffler),
        None => Run::start(&quiz, &mut state.shuffler),
    };
    let input = first_input(&quiz, &run, 0);
    state.screen = Screen::Quiz(QuizScreen {
        at,
        run,
        position: 0,
        input,
        checked: None,
        scroll: 0,
        hint: None,
        leaving: false,
    });
}

/// A fresh answer for the question at `position` of the run.
fn first_input(quiz: &Quiz, run: &Run, position: usize) -> AnswerInput {
    let asked = &run.asked[position.min(run.asked.len().saturating_sub(1))];
    match quiz.questions.get(asked.question) {
        Some(q) => AnswerInput::new(&q.kind, &asked.order),
        None => AnswerInput::TrueFalse {
            cursor: 0,
            picked: None,
        },
    }
}

pub(super) fn update(state: &mut State, action: Action) {
    let height = body_height(state);
    let choices = state
        .current_question()
        .map_or(0, |q| choice_count(&q.kind));
    let Screen::Quiz(screen) = &mut state.screen else {
        return;
    };
    let at = screen.at;
    if action == Action::Back {
        // Leaving throws the attempt away (its answers stay recorded): asked once, never silent.
        let answered = screen.run.outcomes.iter().any(Option::is_some);
        if answered && !screen.leaving {
            screen.leaving = true;
            state.notice = Some(state.t(T::LeaveQuizAsk).to_string());
            return;
        }
        back_to_module(state, at);
        if answered {
            state.notice = Some(state.t(T::LeftQuiz).to_string());
        }
        return;
    }
    screen.leaving = false;
    // After checking, Enter goes on and the arrows read the feedback.
    if screen.checked.is_some() {
        match action {
            Action::Activate | Action::Toggle => next_question(state),
            Action::Up | Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => screen.scroll += 1,
            Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
            Action::PageDown => screen.scroll += height,
            _ => {}
        }
        return;
    }
    screen.hint = None;
    match action {
        Action::Activate => check_answer(state),
        Action::Click { row, .. } => {
            if let Some(position) = clicked_choice(state, row)
                && let Screen::Quiz(screen) = &mut state.screen
            {
                edit_answer(&mut screen.input, Action::Digit(position), choices);
            }
        }
        Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
        Action::ScrollDown => screen.scroll += 1,
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
        Action::PageDown => screen.scroll += height,
        action => edit_answer(&mut screen.input, action, choices),
    }
}

/// The choice (or item, or true/false) on the screen row `row` that was clicked, if any.
fn clicked_choice(state: &State, row: u16) -> Option<usize> {
    let Screen::Quiz(screen) = &state.screen else {
        return None;
    };
    let body = view::areas(
        state,
        ratatui::layout::Rect::new(0, 0, state.width, state.height),
    )
    .body;
    let line = screen.scroll + usize::from(row.checked_sub(body.y)?);
    let doc = view::quiz::document(state, screen, view::content_width(state.width));
    match doc.targets.get(line).copied().flatten()? {
        QuizTarget::Choice(position) => Some(position),
        _ => None,
    }
}

/// How many things the cursor can stand on: choices, items, or true and false.
pub(super) fn choice_count(kind: &QuestionKind) -> usize {
    match kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => choices.len(),
        QuestionKind::Order { items } => items.len(),
        QuestionKind::TrueFalse { .. } => 2,
        QuestionKind::Text { .. } => 0,
    }
}

/// One key's change to the answer being built, for each kind of answer.
pub(super) fn edit_answer(input: &mut AnswerInput, action: Action, choices: usize) {
    let last = choices.saturating_sub(1);
    match (input, action) {
        (AnswerInput::Text { text, cursor }, action) => text::edit(text, cursor, action),
        (
            AnswerInput::Choice { cursor, .. }
            | AnswerInput::Order { cursor, .. }
            | AnswerInput::TrueFalse { cursor, .. },
            cursor_move @ (Action::Up | Action::Down | Action::Home | Action::End),
        ) => {
            *cursor = match cursor_move {
                Action::Up => cursor.saturating_sub(1),
                Action::Down => (*cursor + 1).min(last),
                Action::Home => 0,
                _ => last,
            }
        }
        (
            AnswerInput::Choice {
                multiple,
                cursor,
                picked,
            },
            Action::Toggle,
        ) => pick(*multiple, picked, *cursor),
        (
            AnswerInput::Choice {
                multiple,
                cursor,
                picked,
            },
            Action::Digit(d),
        ) if d < choices => {
            *cursor = d;
            pick(*multiple, picked, d);
        }
        (AnswerInput::TrueFalse { cursor, picked }, Action::Toggle) => *picked = Some(*cursor == 0),
        (AnswerInput::TrueFalse { cursor, picked }, Action::Digit(d)) if d < 2 => {
            *cursor = d;
            *picked = Some(d == 0);
        }
        (AnswerInput::Order { cursor, order }, Action::MoveUp) if *cursor > 0 => {
            order.swap(*cursor, *cursor - 1);
            *cursor -= 1;
        }
        (AnswerInput::Order { cursor, order }, Action::MoveDown) if *cursor + 1 < order.len() => {
            order.swap(*cursor, *cursor + 1);
            *cursor += 1;
        }
        (AnswerInput::Order { cursor, .. }, Action::Digit(d)) if d < choices => *cursor = d,
        _ => {}
    }
}

fn pick(multiple: bool, picked: &mut BTreeSet<usize>, position: usize) {
    if multiple {
        if !picked.remove(&position) {
            picked.insert(position);
        }
    } else {
        picked.clear();
        picked.insert(position);
    }
}

/// The answer as built so far, translated to question indexes (`order`: display position →
/// index); Err is the hint to show when it is not complete (empty: nothing to say).
pub(super) fn answer_from(
    input: &AnswerInput,
    order: &[usize],
    lang: crate::i18n::Lang,
) -> Result<Answer, &'static str> {
    match input {
        AnswerInput::Choice {
            multiple: false,
            picked,
            ..
        } => {
            // Nothing picked is a hint, as for multiple choice: Enter never grades a choice
            // the cursor merely passed over.
            let Some(&position) = picked.iter().next() else {
                return Err(T::PickOneFirst.get(lang));
            };
            order.get(position).map(|&i| Answer::Single(i)).ok_or("")
        }
        AnswerInput::Choice {
            multiple: true,
            picked,
            ..
        } => {
            if picked.is_empty() {
                Err(T::MultipleHint.get(lang))
            } else {
                Ok(Answer::Multiple(
                    picked
                        .iter()
                        .filter_map(|&p| order.get(p).copied())
                        .collect(),
                ))
            }
        }
        AnswerInput::TrueFalse { picked, .. } => picked
            .map(Answer::TrueFalse)
            .ok_or(T::PickTrueFalseFirst.get(lang)),
        AnswerInput::Text { text, .. } => {
            if text.trim().is_empty() {
                Err(T::TypeAnswer.get(lang))
            } else {
                Ok(Answer::Text(text.clone()))
            }
        }
        AnswerInput::Order { order, .. } => Ok(Answer::Order(order.clone())),
    }
}

fn check_answer(state: &mut State) {
    let lang = state.lang();
    let Screen::Quiz(screen) = &mut state.screen else {
        return;
    };
    let order = &screen.run.asked[screen.position].order;
    let answer = match answer_from(&screen.input, order, lang) {
        Ok(answer) => answer,
        Err(hint) => {
            screen.hint = (!hint.is_empty()).then_some(hint);
            return;
        }
    };
    let (at, position) = (screen.at, screen.position);
    let Some(quiz) = state.quiz(at).cloned() else {
        return;
    };
    let Screen::Quiz(screen) = &mut state.screen else {
        return;
    };
    let Some(question) = quiz.questions.get(screen.run.asked[position].question) else {
        return;
    };
    let Some(correct) = screen.run.answer(&quiz, position, answer.clone()) else {
        return;
    };
    screen.checked = Some(Outcome {
        answer: answer.clone(),
        correct,
    });
    screen.scroll = 0;
    let notice = record(state).answer(at, question, &answer, correct);
    saved(state, notice);
    verdict_into_view(state);
}

/// Scrolls so the verdict ("Richtig" / "Leider falsch") is on screen.
fn verdict_into_view(state: &mut State) {
    let height = body_height(state);
    let width = view::content_width(state.width);
    let Screen::Quiz(screen) = &state.screen else {
        return;
    };
    let doc = view::quiz::document(state, screen, width);
    let verdict = doc.first_line_of(QuizTarget::Verdict).unwrap_or(0);
    let scroll = scroll_to(0, verdict, verdict, height, doc.len());
    if let Screen::Quiz(screen) = &mut state.screen {
        screen.scroll = scroll;
    }
}

/// The next question, or, after the last, the attempt recorded and its result shown.
fn next_question(state: &mut State) {
    let Screen::Quiz(screen) = &state.screen else {
        return;
    };
    let at = screen.at;
    let Some(quiz) = state.quiz(at).cloned() else {
        return;
    };
    let Screen::Quiz(screen) = &mut state.screen else {
        return;
    };
    if screen.position + 1 < screen.run.asked.len() {
        screen.position += 1;
        screen.input = first_input(&quiz, &screen.run, screen.position);
        screen.checked = None;
        screen.scroll = 0;
        return;
    }
    let run = screen.run.clone();
    let notice = record(state).attempt(at, &quiz, &run);
    saved(state, notice);
    let certificate = if run.passed(&quiz) {
        certificate_after_pass(state, at.course)
    } else {
        Vec::new()
    };
    // After a pass, the way on: the next module of the course not passed yet.
    let next = run
        .passed(&quiz)
        .then(|| crate::session::next_unpassed(&state.library, state.store.progress(), at))
        .flatten();
    let focus = match next {
        Some(_) => ResultFocus::Next,
        None => ResultFocus::Question(0),
    };
    state.screen = Screen::Result(ResultScreen {
        at,
        run,
        scroll: 0,
        focus,
        open: Default::default(),
        next,
        certificate,
    });
}

/// The certificate, when this pass completed its requirement (the exam may have come first):
/// issued at once when there is a profile, else one sentence on how to give one.
fn certificate_after_pass(state: &mut State, course: usize) -> Vec<String> {
    if state.certify.is_none()
        || !crate::session::certificate_now_due(&mut state.library, state.store.progress(), course)
    {
        return Vec::new();
    }
    let lang = state.lang();
    match crate::profile::Profile::load(state.store.path()) {
        Ok(Some(profile)) => super::exam::issue(state, course, &profile),
        Ok(None) => vec![T::CertificateNeedsProfile.get(lang).to_owned()],
        Err(error) => vec![error.text(lang)],
    }
}
