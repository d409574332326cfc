//! The quiz screen's keys: building an answer of each question type, checking it (recorded at
//! once), the feedback, and the result when the last question is done.

use std::collections::BTreeSet;

use super::module::back_to_module;
use super::{record, saved, text};
use crate::course::{QuestionKind, Quiz};
use crate::i18n::T;
use crate::quiz::{Answer, Outcome, Run, parse_number};
use crate::session::ModuleRef;
use crate::tui::action::Action;
use crate::tui::state::{
    AnswerInput, ProfileForm, QuizScreen, ResultFocus, ResultScreen, Screen, State,
};
use crate::tui::view::quiz::{QuizTarget, partner_letter};
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
            if let Some(target) = clicked_choice(state, row)
                && let Screen::Quiz(screen) = &mut state.screen
            {
                click_answer(&mut screen.input, target, choices);
            }
        }
        Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
        Action::ScrollDown => screen.scroll += 1,
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
        Action::PageDown => screen.scroll += height,
        action => edit_answer(&mut screen.input, action, choices),
    }
}

/// The choice (or item, or true/false, or partner) on the screen row `row` that was clicked.
fn clicked_choice(state: &State, row: u16) -> Option<QuizTarget> {
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
        target @ (QuizTarget::Choice(_) | QuizTarget::Partner(_)) => Some(target),
        _ => None,
    }
}

/// A click on a choice picks it, as its digit does; on a match question's item it chooses the
/// item, on a partner it gives the chosen item that partner, as its letter does.
fn click_answer(input: &mut AnswerInput, target: QuizTarget, choices: usize) {
    match target {
        QuizTarget::Choice(position) => edit_answer(input, Action::Digit(position), choices),
        QuizTarget::Partner(position) => {
            if let Some(letter) = partner_letter(position) {
                edit_answer(input, Action::Input(letter), choices);
            }
        }
        _ => {}
    }
}

/// How many things the cursor can stand on or pick: choices, items, true and false, or a
/// match question's partners (its items are counted by its input).
pub(super) fn choice_count(kind: &QuestionKind) -> usize {
    match kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => choices.len(),
        QuestionKind::Order { items } => items.len(),
        QuestionKind::TrueFalse { .. } => 2,
        QuestionKind::Match { pairs, distractors } => pairs.len() + distractors.len(),
        QuestionKind::Text { .. } | QuestionKind::Numeric { .. } => 0,
    }
}

/// One key's change to the answer being built, for each kind of answer.
pub(super) fn edit_answer(input: &mut AnswerInput, action: Action, choices: usize) {
    let last = choices.saturating_sub(1);
    match (input, action) {
        (AnswerInput::Text { text, cursor } | AnswerInput::Number { text, cursor, .. }, action) => {
            text::edit(text, cursor, action)
        }
        (AnswerInput::Match { cursor, picked }, action) => {
            edit_match(cursor, picked, action, choices)
        }
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

/// A match question's keys: ↑/↓ (and a digit) choose an item, ←/→ and Space change its
/// partner, a letter gives it that partner and goes on to the next item, Backspace takes the
/// partner away. `partners`: how many are offered.
fn edit_match(cursor: &mut usize, picked: &mut [Option<usize>], action: Action, partners: usize) {
    let last = picked.len().saturating_sub(1);
    let Some(slot) = picked.get_mut(*cursor) else {
        return;
    };
    match action {
        Action::Up => *cursor = cursor.saturating_sub(1),
        Action::Down => *cursor = (*cursor + 1).min(last),
        Action::Home => *cursor = 0,
        Action::End => *cursor = last,
        Action::Digit(d) if d <= last => *cursor = d,
        Action::Right | Action::Toggle if partners > 0 => {
            *slot = Some(slot.map_or(0, |p| (p + 1) % partners));
        }
        Action::Left if partners > 0 => {
            *slot = Some(slot.map_or(partners - 1, |p| (p + partners - 1) % partners));
        }
        Action::Input(c) if c.is_ascii_alphabetic() => {
            let position = usize::from(c.to_ascii_lowercase() as u8 - b'a');
            if position < partners {
                *slot = Some(position);
                *cursor = (*cursor + 1).min(last);
            }
        }
        Action::Backspace | Action::Delete => *slot = None,
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
        AnswerInput::Match { picked, .. } => {
            if picked.iter().any(Option::is_none) {
                return Err(T::MatchEveryItemFirst.get(lang));
            }
            match partial_match(input, order) {
                Some(answer) => Ok(answer),
                None => Err(""),
            }
        }
        AnswerInput::Number { text, unit, .. } => parse_number(text, unit.as_deref())
            .map(Answer::Number)
            .map_err(|problem| crate::i18n::number_problem(lang, problem)),
    }
}

/// A match answer with the items given a partner so far (the others `None`), as partner
/// indexes; `None` when no item has one yet, or for another kind of input.
pub(super) fn partial_match(input: &AnswerInput, order: &[usize]) -> Option<Answer> {
    let AnswerInput::Match { picked, .. } = input else {
        return None;
    };
    if picked.iter().all(Option::is_none) {
        return None;
    }
    Some(Answer::Match(
        picked
            .iter()
            .map(|p| p.and_then(|p| order.get(p).copied()))
            .collect(),
    ))
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
    let Some(credit) = screen.run.answer(&quiz, position, answer.clone()) else {
        return;
    };
    screen.checked = Some(Outcome {
        answer: answer.clone(),
        credit,
    });
    screen.scroll = 0;
    let notice = record(state).answer(at, question, &answer, credit);
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
    let (certificate, profile) = if run.passed(&quiz) {
        certificate_after_pass(state, at.course)
    } else {
        (Vec::new(), None)
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
        profile,
    });
    super::result::field_into_view(state);
}

/// The certificate, when this pass completed its requirement (the exam may have come first):
/// issued at once when there is a profile; else the profile form, asked over the result as
/// after a passed exam.
fn certificate_after_pass(state: &mut State, course: usize) -> (Vec<String>, Option<ProfileForm>) {
    if state.certify.is_none()
        || !crate::session::certificate_now_due(&mut state.library, state.store.progress(), course)
    {
        return (Vec::new(), None);
    }
    let lang = state.lang();
    match crate::profile::Profile::load(state.store.path()) {
        Ok(Some(profile)) => (super::exam::issue(state, course, &profile), None),
        Ok(None) => (Vec::new(), Some(ProfileForm::default())),
        Err(error) => (vec![error.text(lang)], None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn matching() -> AnswerInput {
        AnswerInput::Match {
            cursor: 0,
            picked: vec![None; 3],
        }
    }

    #[test]
    fn a_letter_gives_the_item_its_partner_and_goes_on_to_the_next_item() {
        let mut input = matching();
        edit_answer(&mut input, Action::Input('b'), 4);
        edit_answer(&mut input, Action::Input('D'), 4);
        edit_answer(&mut input, Action::Input('e'), 4);
        assert_eq!(
            input,
            AnswerInput::Match {
                cursor: 2,
                picked: vec![Some(1), Some(3), None],
            },
            "`e` names no partner of four"
        );
    }

    #[test]
    fn the_arrows_change_the_partner_round_and_backspace_takes_it_away() {
        let mut input = matching();
        edit_answer(&mut input, Action::Left, 4);
        edit_answer(&mut input, Action::Down, 4);
        edit_answer(&mut input, Action::Right, 4);
        edit_answer(&mut input, Action::Toggle, 4);
        edit_answer(&mut input, Action::Digit(2), 4);
        edit_answer(&mut input, Action::Right, 4);
        edit_answer(&mut input, Action::Backspace, 4);
        assert_eq!(
            input,
            AnswerInput::Match {
                cursor: 2,
                picked: vec![Some(3), Some(1), None],
            }
        );
    }

    #[test]
    fn a_match_answer_is_checked_only_once_every_item_has_a_partner() {
        let order = [2, 0, 3, 1];
        let open = AnswerInput::Match {
            cursor: 0,
            picked: vec![Some(1), None, Some(0)],
        };
        assert_eq!(
            answer_from(&open, &order, Lang::En),
            Err(T::MatchEveryItemFirst.get(Lang::En))
        );
        assert_eq!(
            partial_match(&open, &order),
            Some(Answer::Match(vec![Some(0), None, Some(2)]))
        );
        let done = AnswerInput::Match {
            cursor: 0,
            picked: vec![Some(1), Some(3), Some(0)],
        };
        assert_eq!(
            answer_from(&done, &order, Lang::En),
            Ok(Answer::Match(vec![Some(0), Some(1), Some(2)]))
        );
    }

    #[test]
    fn a_number_is_read_with_its_unit_and_anything_else_gets_the_reason() {
        let typed = |text: &str| AnswerInput::Number {
            text: text.into(),
            cursor: 0,
            unit: Some("GB".into()),
        };
        assert_eq!(
            answer_from(&typed("4,7 GB"), &[], Lang::De),
            Ok(Answer::Number(4.7))
        );
        assert_eq!(
            answer_from(&typed("1.234,5"), &[], Lang::De),
            Err(T::NumberSeveralMarks.get(Lang::De))
        );
    }
}
