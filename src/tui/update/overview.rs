//! The progress overview's keys: reading it, and back to the library where the learner was.

use crate::tui::action::Action;
use crate::tui::state::{OverviewScreen, Screen, State};
use crate::tui::view::body_height;

/// Shows the overview; the library's selection is kept for the way back.
pub(super) fn open(state: &mut State) {
    if let Screen::Library(library) = &state.screen {
        let back = library.clone();
        state.screen = Screen::Overview(OverviewScreen { scroll: 0, back });
    }
}

pub(super) fn update(state: &mut State, action: Action) {
    let height = body_height(state);
    let Screen::Overview(screen) = &mut state.screen else {
        return;
    };
    match action {
        Action::Back => {
            let back = screen.back.clone();
            state.screen = Screen::Library(back);
        }
        Action::Up | Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown => screen.scroll += 1,
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
        Action::PageDown => screen.scroll += height,
        Action::Home => screen.scroll = 0,
        Action::End => screen.scroll = usize::MAX / 2,
        _ => {}
    }
}
