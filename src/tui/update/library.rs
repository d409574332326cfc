//! The library screen's keys: moving through the modules of every course, opening one.

use super::open_module;
use crate::session::ModuleRef;
use crate::tui::action::Action;
use crate::tui::state::{Screen, State};
use crate::tui::view::{self, body_height, scroll_to};

pub(super) fn update(state: &mut State, action: Action) {
    let rows = state.library_row_count();
    let page = body_height(state).saturating_sub(1).max(1);
    let selected_module = match &state.screen {
        Screen::Library(screen) => state.library_row(screen.selected),
        _ => None,
    };
    let Screen::Library(screen) = &mut state.screen else {
        return;
    };
    let last = rows.saturating_sub(1);
    match action {
        Action::Up => screen.selected = screen.selected.saturating_sub(1),
        Action::Down => screen.selected = (screen.selected + 1).min(last),
        Action::PageUp => screen.selected = screen.selected.saturating_sub(page),
        Action::PageDown => screen.selected = (screen.selected + page).min(last),
        Action::Home => screen.selected = 0,
        // Nothing is above the library; the learner may be looking for the way out.
        Action::Back => state.notice = Some(state.t(crate::i18n::T::QuitHint).to_string()),
        Action::End => screen.selected = last,
        Action::Search => super::search::open(state),
        Action::Overview => super::overview::open(state),
        Action::OpenExam => {
            if let Some(at) = selected_module {
                let course = at.course;
                super::open_exam(state, course);
            }
        }
        Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(3),
        Action::ScrollDown => screen.scroll += 3,
        Action::Activate | Action::Toggle => {
            if let Some(at) = selected_module {
                open_module(state, at, None);
            }
        }
        Action::Click { row, .. } => {
            let line = screen.scroll + usize::from(row.saturating_sub(1));
            let screen = screen.clone();
            let width = view::content_width(state.width);
            if let Some(target) = view::library::row_at(state, &screen, width, line)
                && let Some(at) = state.library_row(target)
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

/// The selection inside the library, and its row (with its course heading) on screen.
pub(super) fn settle(state: &mut State) {
    let height = body_height(state);
    let width = view::content_width(state.width);
    let Screen::Library(screen) = &state.screen else {
        return;
    };
    let rows = state.library_row_count();
    let selected = screen.selected.min(rows.saturating_sub(1));
    let place = view::library::place_of(state, screen, width, selected);
    // The headings a row stands under (course, area) come into view with it, as far as they
    // fit; for the first row that is the very top.
    let (first, context) = (place.line, place.context.min(height.saturating_sub(1)));
    let scroll = scroll_to(screen.scroll, first - context, first, height, place.len);
    // Never past the library's end: a last row whose place reaches beyond it (the exam and
    // certificate lines under a course) must not leave the screen half empty.
    let scroll = if scroll > first.saturating_sub(context) {
        let total = view::library::document(state, screen, width).len();
        scroll.min(total.saturating_sub(height))
    } else {
        scroll
    };
    if let Screen::Library(screen) = &mut state.screen {
        screen.selected = selected;
        screen.scroll = scroll;
    }
}

/// Puts the library's selection on a module, so going back from it lands there.
pub(super) fn select(state: &mut State, at: ModuleRef) {
    let selected = state.library_row_of(at).unwrap_or(0);
    if let Screen::Library(screen) = &mut state.screen {
        screen.selected = selected;
    }
}
