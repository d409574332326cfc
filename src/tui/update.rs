//! `update`: the only place the player's state changes, one action at a time. It saves progress
//! after every change that matters and never draws.

use std::collections::BTreeSet;

use unicode_segmentation::UnicodeSegmentation;

use super::action::Action;
use super::state::{
    AnswerInput, Focus, LibraryScreen, ModuleRef, ModuleScreen, QuizScreen, ResultScreen, Screen,
    State,
};
use super::view::{self, body_height, clamp_scroll, scroll_to};
use crate::course::{Course, QuestionKind};
use crate::i18n::{self, T};
use crate::progress::{Progress, StoreMode, now};
use crate::quiz::{Answer, Run};

pub fn update(state: &mut State, action: Action) {
    // A notice is read once; the next key clears it.
    if !matches!(action, Action::Resize { .. }) {
        state.notice = None;
    }
    match action {
        Action::Quit => {
            remember_place(state);
            state.quit = true;
            return;
        }
        Action::Resize { width, height } => {
            state.width = width;
            state.height = height;
        }
        Action::Help => state.help = !state.help,
        _ if state.help => {}
        action => match &state.screen {
            Screen::Library(_) => library(state, action),
            Screen::Module(_) => module(state, action),
            Screen::Quiz(_) => quiz(state, action),
            Screen::Result(_) => result(state, action),
        },
    }
    settle(state);
}

/// After any change: scroll positions back inside their content, focus visible.
fn settle(state: &mut State) {
    let height = body_height(state);
    let width = view::content_width(state.width);
    match &state.screen {
        Screen::Library(screen) => {
            let rows = state.library_rows().len();
            let selected = screen.selected.min(rows.saturating_sub(1));
            let place = view::library::place_of(state, screen, width, selected);
            // Show the course heading above the first module of a course when there is room.
            let (first, context) = (place.line, place.context);
            let scroll = scroll_to(screen.scroll, first - context, first, height, place.len);
            if let Screen::Library(screen) = &mut state.screen {
                screen.selected = selected;
                screen.scroll = scroll;
            }
        }
        Screen::Module(screen) => {
            let doc = view::module::document(state, screen, width);
            let scroll = clamp_scroll(screen.scroll, height, doc.len());
            if let Screen::Module(screen) = &mut state.screen {
                screen.scroll = scroll;
            }
        }
        Screen::Quiz(screen) => {
            let doc = view::quiz::document(state, screen, width);
            let scroll = clamp_scroll(screen.scroll, height, doc.len());
            if let Screen::Quiz(screen) = &mut state.screen {
                screen.scroll = scroll;
            }
        }
        Screen::Result(screen) => {
            let doc = view::result::document(state, screen, width);
            let scroll = clamp_scroll(screen.scroll, height, doc.len());
            if let Screen::Result(screen) = &mut state.screen {
                screen.scroll = scroll;
            }
        }
    }
}

/// Applies a change to the progress and saves it; a problem becomes the lasting warning, and a
/// save that works again (it writes everything kept meanwhile) takes the warning away.
fn save(state: &mut State, course: &str, change: impl FnOnce(&mut Progress)) {
    match state.store.update(course, change) {
        Some(notice) => {
            let lang = state.lang();
            state.warning = Some(i18n::store_notice(lang, &notice));
        }
        None if *state.store.mode() == StoreMode::ReadWrite => state.warning = None,
        None => {}
    }
}

/// Where the learner is, so the next start resumes there. On an action rather than a section,
/// the section read last stays the place to come back to.
fn remember_place(state: &mut State) {
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let focus = screen.focus;
    let at = screen.at;
    let (Some(course), Some(module)) = (state.course(at), state.module(at)) else {
        return;
    };
    let (course, module) = (course.id.clone(), module.id.clone());
    save(state, &course, |p| {
        let section = match focus {
            Focus::Section(i) => Some(i),
            _ => p
                .courses
                .get(&course)
                .filter(|c| c.last_module.as_deref() == Some(module.as_str()))
                .and_then(|c| c.last_section),
        };
        p.set_place(&course, &module, section);
    });
}

fn library(state: &mut State, action: Action) {
    let rows = state.library_rows();
    let page = body_height(state).saturating_sub(1).max(1);
    let Screen::Library(screen) = &mut state.screen else {
        return;
    };
    let last = rows.len().saturating_sub(1);
    match action {
        Action::Up => screen.selected = screen.selected.saturating_sub(1),
        Action::Down => screen.selected = (screen.selected + 1).min(last),
        Action::PageUp => screen.selected = screen.selected.saturating_sub(page),
        Action::PageDown => screen.selected = (screen.selected + page).min(last),
        Action::Home => screen.selected = 0,
        Action::End => screen.selected = last,
        Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(3),
        Action::ScrollDown => screen.scroll += 3,
        Action::Activate | Action::Toggle => {
            if let Some(&at) = rows.get(screen.selected) {
                open_module(state, at, None);
            }
        }
        Action::Click { row, .. } => {
            let line = screen.scroll + usize::from(row.saturating_sub(1));
            let screen = screen.clone();
            let width = view::content_width(state.width);
            if let Some(target) = view::library::row_at(state, &screen, width, line)
                && let Some(&at) = rows.get(target)
            {
                if screen.selected == target {
                    open_module(state, at, None);
                } else if let Screen::Library(s) = &mut state.screen {
                    s.selected = target;
                }
            }
        }
        _ => {}
    }
}

/// Opens a module; `section` (from the last visit) gets the focus and is opened.
pub fn open_module(state: &mut State, at: ModuleRef, section: Option<usize>) {
    if let Err(errors) = crate::course::load_module(&mut state.library, at.course, at.module) {
        let label = state
            .module(at)
            .map(Course::module_label)
            .unwrap_or_default();
        state.notice = Some(i18n::module_unreadable(state.lang(), &label, &errors));
        return;
    }
    let Some(module) = state.module(at) else {
        return;
    };
    let count = module.sections.len();
    let mut expanded = vec![false; count];
    let focus = match section.filter(|&s| s < count) {
        Some(s) => {
            expanded[s] = true;
            Focus::Section(s)
        }
        None if count > 0 => Focus::Section(0),
        None => Focus::Practice,
    };
    state.screen = Screen::Module(ModuleScreen {
        at,
        expanded,
        focus,
        scroll: 0,
    });
    focus_visible(state);
}

/// Where the library cursor should be for a module.
fn back_to_library(state: &mut State, at: ModuleRef) {
    remember_place(state);
    let selected = state
        .library_rows()
        .iter()
        .position(|r| *r == at)
        .unwrap_or(0);
    state.screen = Screen::Library(LibraryScreen {
        selected,
        scroll: 0,
    });
}

fn focus_order(count: usize) -> Vec<Focus> {
    let mut order: Vec<Focus> = (0..count).map(Focus::Section).collect();
    order.push(Focus::Practice);
    order.push(Focus::Learned);
    order
}

fn focus_visible(state: &mut State) {
    let height = body_height(state);
    let width = view::content_width(state.width);
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let doc = view::module::document(state, screen, width);
    let first = doc.first_line_of(screen.focus).unwrap_or(0);
    // The header line is what must be visible; a long body may go below the screen.
    let header_end = first;
    let scroll = scroll_to(screen.scroll, first, header_end, height, doc.len());
    if let Screen::Module(screen) = &mut state.screen {
        screen.scroll = scroll;
    }
}

fn module(state: &mut State, action: Action) {
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let at = screen.at;
    let Some(module) = state.module(at) else {
        return;
    };
    let count = module.sections.len();
    let order = focus_order(count);
    let index = order.iter().position(|f| *f == screen.focus).unwrap_or(0);
    let height = body_height(state);
    match action {
        Action::Back => back_to_library(state, at),
        Action::Up => set_focus(state, order[index.saturating_sub(1)]),
        Action::Down => set_focus(state, order[(index + 1).min(order.len() - 1)]),
        Action::Home => {
            set_focus(state, order[0]);
            set_scroll(state, |_| 0);
        }
        Action::End => {
            set_focus(state, order[order.len() - 1]);
        }
        Action::PageUp => set_scroll(state, |s| s.saturating_sub(height.saturating_sub(1).max(1))),
        Action::PageDown => set_scroll(state, |s| s + height.saturating_sub(1).max(1)),
        Action::ScrollUp => set_scroll(state, |s| s.saturating_sub(3)),
        Action::ScrollDown => set_scroll(state, |s| s + 3),
        Action::Activate | Action::Toggle => {
            let focus = screen.focus;
            activate(state, focus);
        }
        Action::ToggleAll => {
            let all_open = screen.expanded.iter().all(|e| *e);
            let newly: Vec<usize> = screen
                .expanded
                .iter()
                .enumerate()
                .filter(|(_, e)| !**e)
                .map(|(i, _)| i)
                .collect();
            if let Screen::Module(screen) = &mut state.screen {
                screen.expanded.iter_mut().for_each(|e| *e = !all_open);
            }
            if !all_open {
                record_opened(state, at, &newly);
            }
            focus_visible(state);
        }
        Action::Practice => start_quiz(state, at, None),
        Action::Learned => toggle_learned(state, at),
        Action::Click { row, .. } => {
            let line = screen.scroll + usize::from(row.saturating_sub(1));
            let doc = view::module::document(state, screen, view::content_width(state.width));
            // Only a click on a header line (or an action) acts; a click in a body does nothing.
            if let Some(Some(target)) = doc.targets.get(line).copied()
                && doc
                    .first_line_of(target)
                    .is_some_and(|first| !matches!(target, Focus::Section(_)) || line == first)
            {
                if let Screen::Module(screen) = &mut state.screen {
                    screen.focus = target;
                }
                activate(state, target);
            }
        }
        _ => {}
    }
}

fn set_focus(state: &mut State, focus: Focus) {
    if let Screen::Module(screen) = &mut state.screen {
        screen.focus = focus;
    }
    focus_visible(state);
}

fn set_scroll(state: &mut State, change: impl FnOnce(usize) -> usize) {
    let height = body_height(state);
    let width = view::content_width(state.width);
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let doc = view::module::document(state, screen, width);
    let scroll = clamp_scroll(change(screen.scroll), height, doc.len());
    // Keep the focus on something visible, so Enter acts on what the learner sees.
    let visible = doc.targets[scroll..(scroll + height).min(doc.len())]
        .iter()
        .flatten()
        .next()
        .copied();
    let focus_line = doc.first_line_of(screen.focus).unwrap_or(0);
    let focus_shown = focus_line >= scroll && focus_line < scroll + height;
    if let Screen::Module(screen) = &mut state.screen {
        screen.scroll = scroll;
        if !focus_shown && let Some(target) = visible {
            screen.focus = target;
        }
    }
}

fn activate(state: &mut State, focus: Focus) {
    let Screen::Module(screen) = &mut state.screen else {
        return;
    };
    let at = screen.at;
    match focus {
        Focus::Section(i) => {
            let Some(open) = screen.expanded.get_mut(i) else {
                return;
            };
            *open = !*open;
            if *open {
                record_opened(state, at, &[i]);
            }
            focus_visible(state);
        }
        Focus::Practice => start_quiz(state, at, None),
        Focus::Learned => toggle_learned(state, at),
    }
}

fn record_opened(state: &mut State, at: ModuleRef, sections: &[usize]) {
    let (Some(course), Some(module)) = (state.course(at), state.module(at)) else {
        return;
    };
    let (course, module) = (course.id.clone(), module.id.clone());
    let sections = sections.to_vec();
    save(state, &course, |p| {
        for s in sections {
            p.open_section(&course, &module, s);
        }
    });
}

fn toggle_learned(state: &mut State, at: ModuleRef) {
    let (Some(course), Some(module)) = (state.course(at), state.module(at)) else {
        return;
    };
    let (course, module) = (course.id.clone(), module.id.clone());
    let learned = state
        .store
        .progress()
        .module(&course, &module)
        .is_some_and(|m| m.learned_at.is_some());
    let time = now();
    save(state, &course, |p| {
        p.set_learned(&course, &module, !learned, &time)
    });
}

/// Starts a run: over every question, or repeating a previous run's wrong ones.
fn start_quiz(state: &mut State, at: ModuleRef, repeat: Option<Run>) {
    let Some(quiz) = state.quiz(at).cloned() else {
        state.notice = Some(state.t(T::NoQuiz).to_string());
        return;
    };
    if quiz.questions.is_empty() {
        state.notice = Some(state.t(T::NoQuiz).to_string());
        return;
    }
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
    });
}

fn first_input(quiz: &crate::course::Quiz, run: &Run, position: usize) -> AnswerInput {
    let asked = &run.asked[position.min(run.asked.len().saturating_sub(1))];
    match quiz.questions.get(asked.question) {
        Some(q) => AnswerInput::new(&q.kind, &asked.order),
        None => AnswerInput::TrueFalse {
            cursor: 0,
            picked: None,
        },
    }
}

fn quiz(state: &mut State, action: Action) {
    let height = body_height(state);
    let Screen::Quiz(screen) = &mut state.screen else {
        return;
    };
    let at = screen.at;
    if action == Action::Back {
        back_to_module(state, at);
        return;
    }
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
    let choices = match &screen.input {
        AnswerInput::Choice { .. } | AnswerInput::Order { .. } => {
            state_choice_count(state).unwrap_or(0)
        }
        AnswerInput::TrueFalse { .. } => 2,
        AnswerInput::Text { .. } => 0,
    };
    let Screen::Quiz(screen) = &mut state.screen else {
        return;
    };
    match (&mut screen.input, action) {
        (_, Action::Activate) => check_answer(state),
        (_, Action::ScrollUp) => screen.scroll = screen.scroll.saturating_sub(1),
        (_, Action::ScrollDown) => screen.scroll += 1,
        (_, Action::PageUp) => screen.scroll = screen.scroll.saturating_sub(height),
        (_, Action::PageDown) => screen.scroll += height,
        (
            AnswerInput::Choice { cursor, .. }
            | AnswerInput::Order { cursor, .. }
            | AnswerInput::TrueFalse { cursor, .. },
            Action::Up,
        ) => *cursor = cursor.saturating_sub(1),
        (
            AnswerInput::Choice { cursor, .. }
            | AnswerInput::Order { cursor, .. }
            | AnswerInput::TrueFalse { cursor, .. },
            Action::Down,
        ) => *cursor = (*cursor + 1).min(choices.saturating_sub(1)),
        (
            AnswerInput::Choice { cursor, .. }
            | AnswerInput::Order { cursor, .. }
            | AnswerInput::TrueFalse { cursor, .. },
            Action::Home,
        ) => *cursor = 0,
        (
            AnswerInput::Choice { cursor, .. }
            | AnswerInput::Order { cursor, .. }
            | AnswerInput::TrueFalse { cursor, .. },
            Action::End,
        ) => *cursor = choices.saturating_sub(1),
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
        (AnswerInput::Text { text, cursor }, action) => edit_text(text, cursor, action),
        _ => {}
    }
}

/// Goes back to the module from the quiz, with the practice action focused.
fn back_to_module(state: &mut State, at: ModuleRef) {
    open_module(state, at, None);
    if let Screen::Module(screen) = &mut state.screen {
        screen.focus = Focus::Practice;
    }
    focus_visible(state);
}

fn state_choice_count(state: &State) -> Option<usize> {
    let Screen::Quiz(screen) = &state.screen else {
        return None;
    };
    let question = view::quiz::current_question(state, screen)?;
    Some(match &question.kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => choices.len(),
        QuestionKind::Order { items } => items.len(),
        QuestionKind::TrueFalse { .. } => 2,
        QuestionKind::Text { .. } => 0,
    })
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

/// Line editing by grapheme, so "ä" written as a + combining mark is one step.
fn edit_text(text: &mut String, cursor: &mut usize, action: Action) {
    *cursor = (*cursor).min(text.len());
    match action {
        // Answers are short; a bound keeps a stuck key from growing the line forever.
        Action::Input(c) if !c.is_control() && text.chars().count() < 500 => {
            text.insert(*cursor, c);
            *cursor += c.len_utf8();
        }
        Action::Backspace => {
            if let Some((start, _)) = text[..*cursor].grapheme_indices(true).next_back() {
                text.replace_range(start..*cursor, "");
                *cursor = start;
            }
        }
        Action::Delete => {
            if let Some(g) = text[*cursor..].graphemes(true).next() {
                let end = *cursor + g.len();
                text.replace_range(*cursor..end, "");
            }
        }
        Action::Left => {
            if let Some((start, _)) = text[..*cursor].grapheme_indices(true).next_back() {
                *cursor = start;
            }
        }
        Action::Right => {
            if let Some(g) = text[*cursor..].graphemes(true).next() {
                *cursor += g.len();
            }
        }
        Action::Home => *cursor = 0,
        Action::End => *cursor = text.len(),
        _ => {}
    }
}

/// The answer as built so far, translated to question indexes; None when it is not complete.
fn answer_of(state: &State) -> Result<Answer, &'static str> {
    let lang = state.lang();
    let Screen::Quiz(screen) = &state.screen else {
        return Err("");
    };
    let order = &screen.run.asked[screen.position].order;
    match &screen.input {
        AnswerInput::Choice {
            multiple: false,
            cursor,
            picked,
        } => {
            let position = picked.iter().next().copied().unwrap_or(*cursor);
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
        AnswerInput::TrueFalse { cursor, picked } => {
            Ok(Answer::TrueFalse(picked.unwrap_or(*cursor == 0)))
        }
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
    let answer = match answer_of(state) {
        Ok(answer) => answer,
        Err(hint) => {
            if let Screen::Quiz(screen) = &mut state.screen {
                screen.hint = (!hint.is_empty()).then_some(hint);
            }
            return;
        }
    };
    let Screen::Quiz(screen) = &state.screen else {
        return;
    };
    let at = screen.at;
    let position = screen.position;
    let Some(quiz) = state.quiz(at).cloned() else {
        return;
    };
    let Some(question) = quiz
        .questions
        .get(screen.run.asked[position].question)
        .cloned()
    else {
        return;
    };
    let Screen::Quiz(screen) = &mut state.screen else {
        return;
    };
    let Some(correct) = screen.run.answer(&quiz, position, answer.clone()) else {
        return;
    };
    // Show the answer the learner gave as picked (single: the choice under the cursor).
    if let (
        AnswerInput::Choice {
            multiple: false,
            cursor,
            picked,
        },
        Answer::Single(_),
    ) = (&mut screen.input, &answer)
        && picked.is_empty()
    {
        picked.insert(*cursor);
    }
    if let (AnswerInput::TrueFalse { cursor, picked }, Answer::TrueFalse(_)) =
        (&mut screen.input, &answer)
        && picked.is_none()
    {
        *picked = Some(*cursor == 0);
    }
    screen.checked = Some(crate::quiz::Outcome { answer, correct });
    screen.scroll = 0;
    let (Some(course), Some(module)) = (state.course(at), state.module(at)) else {
        return;
    };
    let (course, module) = (course.id.clone(), module.id.clone());
    let fingerprint = question.fingerprint();
    let time = now();
    save(state, &course, |p| {
        p.record_answer(&course, &module, &question.id, &fingerprint, correct, &time)
    });
    // Bring the verdict into view.
    let height = body_height(state);
    let width = view::content_width(state.width);
    if let Screen::Quiz(screen) = &state.screen {
        let doc = view::quiz::document(state, screen, width);
        let verdict = doc
            .lines
            .iter()
            .position(|l| {
                let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                text.contains(T::Correct.get(state.lang()))
                    || text.contains(T::Wrong.get(state.lang()))
            })
            .unwrap_or(0);
        let scroll = scroll_to(0, verdict, verdict, height, doc.len());
        if let Screen::Quiz(screen) = &mut state.screen {
            screen.scroll = scroll;
        }
    }
}

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
    // The attempt is finished: record it and show the result.
    let run = screen.run.clone();
    let attempt = run.to_attempt(&quiz, now());
    if let (Some(course), Some(module)) = (state.course(at), state.module(at)) {
        let (course, module) = (course.id.clone(), module.id.clone());
        save(state, &course, |p| {
            p.record_attempt(&course, &module, attempt)
        });
    }
    state.screen = Screen::Result(ResultScreen { at, run, scroll: 0 });
}

fn result(state: &mut State, action: Action) {
    let height = body_height(state);
    let Screen::Result(screen) = &mut state.screen else {
        return;
    };
    let at = screen.at;
    match action {
        Action::Back | Action::Activate => back_to_module(state, at),
        Action::RepeatWrong => {
            let run = screen.run.clone();
            if run.has_wrong() {
                start_quiz(state, at, Some(run));
            } else {
                start_quiz(state, at, None);
            }
        }
        Action::RepeatAll => start_quiz(state, at, None),
        Action::Up | Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown => screen.scroll += 1,
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
        Action::PageDown => screen.scroll += height,
        Action::Home => screen.scroll = 0,
        Action::End => screen.scroll = usize::MAX / 2,
        _ => {}
    }
}
