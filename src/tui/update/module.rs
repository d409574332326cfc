//! The module screen's keys: the accordion of sections, "Mein Wissen üben" and "Gelernt".

use super::{quiz, record, remember_place, saved};
use crate::course::Course;
use crate::i18n;
use crate::session::ModuleRef;
use crate::tui::action::Action;
use crate::tui::state::{Focus, LibraryScreen, ModuleScreen, Screen, State};
use crate::tui::view::{self, body_height, clamp_scroll, scroll_to};

/// Opens a module; `section` (from the last visit) gets the focus and is opened. A module whose
/// file cannot be read stays closed, and the learner is told why in one sentence.
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

/// Goes back to the module from the quiz or its result, with the practice action focused.
pub(super) fn back_to_module(state: &mut State, at: ModuleRef) {
    open_module(state, at, None);
    if let Screen::Module(screen) = &mut state.screen {
        screen.focus = Focus::Practice;
    }
    focus_visible(state);
}

pub(super) fn update(state: &mut State, action: Action) {
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let at = screen.at;
    let Some(module) = state.module(at) else {
        return;
    };
    let order = focus_order(module.sections.len());
    let index = order.iter().position(|f| *f == screen.focus).unwrap_or(0);
    let page = body_height(state).saturating_sub(1).max(1);
    match action {
        Action::Back => back_to_library(state, at),
        Action::Up => set_focus(state, order[index.saturating_sub(1)]),
        Action::Down => set_focus(state, order[(index + 1).min(order.len() - 1)]),
        Action::Home => {
            set_focus(state, order[0]);
            set_scroll(state, |_| 0);
        }
        Action::End => set_focus(state, order[order.len() - 1]),
        Action::PageUp => set_scroll(state, |s| s.saturating_sub(page)),
        Action::PageDown => set_scroll(state, |s| s + page),
        Action::ScrollUp => set_scroll(state, |s| s.saturating_sub(3)),
        Action::ScrollDown => set_scroll(state, |s| s + 3),
        Action::Activate | Action::Toggle => {
            let focus = screen.focus;
            activate(state, focus);
        }
        Action::ToggleAll => toggle_all(state, at),
        Action::Practice => quiz::start_quiz(state, at, None),
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

/// Back to the library, its selection on the module just left.
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

/// Scrolls so the focused pane's header line is visible; a long body may go below the screen.
fn focus_visible(state: &mut State) {
    let height = body_height(state);
    let width = view::content_width(state.width);
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let doc = view::module::document(state, screen, width);
    let first = doc.first_line_of(screen.focus).unwrap_or(0);
    let scroll = scroll_to(screen.scroll, first, first, height, doc.len());
    if let Screen::Module(screen) = &mut state.screen {
        screen.scroll = scroll;
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
                let notice = record(state).sections_opened(at, &[i]);
                saved(state, notice);
            }
            focus_visible(state);
        }
        Focus::Practice => quiz::start_quiz(state, at, None),
        Focus::Learned => toggle_learned(state, at),
    }
}

/// Opens every section, or closes them all when all are open.
fn toggle_all(state: &mut State, at: ModuleRef) {
    let Screen::Module(screen) = &mut state.screen else {
        return;
    };
    let all_open = screen.expanded.iter().all(|e| *e);
    let newly: Vec<usize> = (0..screen.expanded.len())
        .filter(|&i| !screen.expanded[i])
        .collect();
    screen.expanded.iter_mut().for_each(|e| *e = !all_open);
    if !all_open {
        let notice = record(state).sections_opened(at, &newly);
        saved(state, notice);
    }
    focus_visible(state);
}

fn toggle_learned(state: &mut State, at: ModuleRef) {
    let notice = record(state).toggle_learned(at);
    saved(state, notice);
}
