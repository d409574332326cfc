//! The result screen's keys: reading the per-question verdicts, repeating wrong ones or all.

use super::module::back_to_module;
use super::quiz::start_quiz;
use crate::tui::action::Action;
use crate::tui::state::{Screen, State};
use crate::tui::view::body_height;

pub(super) fn update(state: &mut State, action: Action) {
    let height = body_height(state);
    let Screen::Result(screen) = &mut state.screen else {
        return;
    };
    let at = screen.at;
    match action {
        Action::Back | Action::Activate => back_to_module(state, at),
        Action::RepeatWrong => {
            let run = screen.run.clone();
            let repeat = run.has_wrong().then_some(run);
            start_quiz(state, at, repeat);
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
