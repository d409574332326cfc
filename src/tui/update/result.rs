//! The result screen's keys: moving between the questions and opening each to see the answer
//! given, the right one and the explanation; on to the next module; repeating wrong ones or all.

use super::module::{back_to_module, open_module};
use super::profile::{FormStep, edit, field_scroll};
use super::quiz::start_quiz;
use crate::i18n::T;
use crate::tui::action::Action;
use crate::tui::state::{ResultFocus, Screen, State};
use crate::tui::view::{self, body_height, scroll_to};

pub(super) fn update(state: &mut State, action: Action) {
    let height = body_height(state);
    let Screen::Result(screen) = &mut state.screen else {
        return;
    };
    if screen.profile.is_some() {
        profile(state, action);
        field_into_view(state);
        return;
    }
    let at = screen.at;
    let order = focus_order(screen.next.is_some(), screen.run.asked.len());
    let index = order.iter().position(|f| *f == screen.focus).unwrap_or(0);
    match action {
        Action::Back => back_to_module(state, at),
        Action::NextModule => {
            if let Some(next) = screen.next {
                open_module(state, next, None);
            }
        }
        Action::Activate | Action::Toggle => {
            let focus = screen.focus;
            activate(state, focus);
        }
        Action::RepeatWrong => {
            let run = screen.run.clone();
            let repeat = run.has_wrong().then_some(run);
            start_quiz(state, at, repeat);
        }
        Action::RepeatAll => start_quiz(state, at, None),
        Action::Up => set_focus(state, order.get(index.saturating_sub(1)).copied()),
        Action::Down => set_focus(state, order.get(index + 1).copied()),
        Action::Home => {
            set_focus(state, order.first().copied());
            if let Screen::Result(screen) = &mut state.screen {
                screen.scroll = 0;
            }
        }
        Action::End => {
            set_focus(state, order.last().copied());
            if let Screen::Result(screen) = &mut state.screen {
                screen.scroll = usize::MAX / 2;
            }
        }
        Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
        Action::ScrollDown => screen.scroll += 1,
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
        Action::PageDown => screen.scroll += height,
        Action::Click { row, .. } => {
            let body = view::areas(
                state,
                ratatui::layout::Rect::new(0, 0, state.width, state.height),
            )
            .body;
            let Some(offset) = row.checked_sub(body.y) else {
                return;
            };
            let Screen::Result(screen) = &state.screen else {
                return;
            };
            let line = screen.scroll + usize::from(offset);
            let doc = view::result::document(state, screen, view::content_width(state.width));
            if let Some(Some(target)) = doc.targets.get(line).copied() {
                set_focus(state, Some(target));
                activate(state, target);
            }
        }
        _ => {}
    }
}

/// The next module first (the way on), then the questions in the order asked.
fn focus_order(next: bool, questions: usize) -> Vec<ResultFocus> {
    let mut order = Vec::new();
    if next {
        order.push(ResultFocus::Next);
    }
    order.extend((0..questions).map(ResultFocus::Question));
    order
}

fn activate(state: &mut State, focus: ResultFocus) {
    let Screen::Result(screen) = &mut state.screen else {
        return;
    };
    match focus {
        ResultFocus::Next => {
            if let Some(next) = screen.next {
                open_module(state, next, None);
            }
        }
        ResultFocus::Question(n) => {
            if !screen.open.remove(&n) {
                screen.open.insert(n);
            }
            focus_visible(state, true);
        }
        ResultFocus::ProfileField => {}
    }
}

/// The field of the profile form being typed stays on screen.
pub(super) fn field_into_view(state: &mut State) {
    let height = body_height(state);
    let width = view::content_width(state.width);
    let Screen::Result(screen) = &state.screen else {
        return;
    };
    let doc = view::result::document(state, screen, width);
    let line = doc.first_line_of(ResultFocus::ProfileField);
    let scroll = field_scroll(screen.scroll, line, height, doc.len());
    if let Screen::Result(screen) = &mut state.screen {
        screen.scroll = scroll;
    }
}

/// The profile form over the result: saved and the certificate issued on Enter, or skipped
/// with Esc; then the result as after any pass, with the certificate's lines.
fn profile(state: &mut State, action: Action) {
    let lang = state.lang();
    let Screen::Result(screen) = &mut state.screen else {
        return;
    };
    let course = screen.at.course;
    let Some(form) = screen.profile.as_mut() else {
        return;
    };
    let certificate = match edit(form, action, lang) {
        FormStep::Editing => return,
        // A quiz passed again issues none: how to have it issued later.
        FormStep::Skipped => vec![T::CertificateNeedsProfile.get(lang).to_owned()],
        FormStep::Entered(profile) => match profile.save(state.store.path()) {
            Ok(()) => super::exam::issue(state, course, &profile),
            Err(error) => vec![error.text(lang)],
        },
    };
    if let Screen::Result(screen) = &mut state.screen {
        screen.profile = None;
        screen.certificate = certificate;
        screen.scroll = 0;
    }
}

fn set_focus(state: &mut State, focus: Option<ResultFocus>) {
    if let (Some(focus), Screen::Result(screen)) = (focus, &mut state.screen) {
        screen.focus = focus;
    }
    focus_visible(state, false);
}

/// Scrolls so the focused line is on screen; an opened question as far as it fits.
fn focus_visible(state: &mut State, whole: bool) {
    let height = body_height(state);
    let Screen::Result(screen) = &state.screen else {
        return;
    };
    let doc = view::result::document(state, screen, view::content_width(state.width));
    let first = doc.first_line_of(screen.focus).unwrap_or(0);
    let last = if whole {
        doc.last_line_of(screen.focus).unwrap_or(first)
    } else {
        first
    };
    let scroll = scroll_to(screen.scroll, first, last, height, doc.len());
    if let Screen::Result(screen) = &mut state.screen {
        screen.scroll = scroll;
    }
}
