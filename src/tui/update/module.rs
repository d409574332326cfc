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
        highlight: None,
        number: None,
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
    // A number being typed ends with any key but its next digit: Enter opens its section at
    // once, any other key leaves it.
    let typed = match &mut state.screen {
        Screen::Module(screen) => screen.number.take(),
        _ => return,
    };
    if let (Some(number), Action::Activate) = (typed, &action) {
        jump_to(state, number - 1);
        return;
    }
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
        // In an open section that runs past the window the arrows read it line by line;
        // past its end (or before its start) they move to the next pane.
        // Above the first pane is the module's intro: Up there scrolls it into view.
        Action::Up if reading(state).above || index == 0 => {
            set_scroll(state, |s| s.saturating_sub(1));
        }
        Action::Down if reading(state).below => {
            set_scroll(state, |s| s + 1);
        }
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
        Action::ToggleAll => toggle_all(state),
        Action::Number(digit) => type_digit(state, typed, digit),
        Action::Search => super::search::open(state),
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
    let selected = state.library_row_of(at).unwrap_or(0);
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

/// Where the focused open section runs beyond the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Reading {
    /// Its header is above the window: Up scrolls a line.
    above: bool,
    /// Its text goes on below the window: Down scrolls a line.
    below: bool,
}

fn reading(state: &State) -> Reading {
    let Screen::Module(screen) = &state.screen else {
        return Reading::default();
    };
    let Focus::Section(i) = screen.focus else {
        return Reading::default();
    };
    if !screen.expanded.get(i).copied().unwrap_or(false) {
        return Reading::default();
    }
    let doc = view::module::document(state, screen, view::content_width(state.width));
    let (Some(first), Some(last)) = (
        doc.first_line_of(screen.focus),
        doc.last_line_of(screen.focus),
    ) else {
        return Reading::default();
    };
    Reading {
        above: first < screen.scroll,
        below: last >= screen.scroll + body_height(state),
    }
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
    // Keep the focus on something visible, so Enter acts on what the learner sees: the first
    // pane whose header is in the window, else the section whose text fills it (the view
    // then keeps its header at the top, so the focus marker stays on screen).
    let window = scroll..(scroll + height).min(doc.len());
    let targets = &doc.targets[window.clone()];
    let visible = targets
        .iter()
        .flatten()
        .find(|t| doc.first_line_of(**t).is_some_and(|l| window.contains(&l)))
        .or_else(|| targets.iter().flatten().next())
        .copied();
    let (focus_first, focus_last) = (
        doc.first_line_of(screen.focus).unwrap_or(0),
        doc.last_line_of(screen.focus).unwrap_or(0),
    );
    let focus_shown = window.contains(&focus_first)
        || (matches!(screen.focus, Focus::Section(_))
            && focus_first < scroll
            && focus_last >= scroll);
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

/// One more digit of a section number, joined to the digit typed just before (`1` then `2` is
/// section 12). A number that a further digit could still make a section number waits, said in
/// the notice, until that digit, Enter or a second without a key (`pause`); any other number
/// opens its section at once, so in a module of up to nine sections every digit does.
fn type_digit(state: &mut State, typed: Option<usize>, digit: usize) {
    let Screen::Module(screen) = &mut state.screen else {
        return;
    };
    let count = screen.expanded.len();
    let number = typed.map_or(digit, |before| before * 10 + digit);
    if number > 0 && number <= count && number * 10 <= count {
        screen.number = Some(number);
        let last = count.min(number * 10 + 9);
        state.notice = Some(i18n::section_number_typed(state.lang(), number, last));
        return;
    }
    match number.checked_sub(1) {
        Some(section) if section < count => jump_to(state, section),
        _ => state.notice = Some(i18n::no_such_section(state.lang(), count)),
    }
}

/// A second without a key: the section number being typed is complete, and its section opens.
pub fn pause(state: &mut State) {
    let typed = match &mut state.screen {
        Screen::Module(screen) => screen.number.take(),
        _ => None,
    };
    if let Some(number) = typed {
        state.notice = None;
        jump_to(state, number - 1);
    }
}

/// Section `section` (from 0) opened, focused and shown from its header: the table of
/// contents is the module itself, and a number jumps in it.
fn jump_to(state: &mut State, section: usize) {
    let Screen::Module(screen) = &mut state.screen else {
        return;
    };
    let Some(open) = screen.expanded.get_mut(section) else {
        return;
    };
    *open = true;
    screen.focus = Focus::Section(section);
    show_focus_at_top(state);
}

/// Scrolls so the focused pane's header is the first line (as far as the module reaches).
pub(super) fn show_focus_at_top(state: &mut State) {
    let height = body_height(state);
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let doc = view::module::document(state, screen, view::content_width(state.width));
    let first = doc.first_line_of(screen.focus).unwrap_or(0);
    let scroll = clamp_scroll(first, height, doc.len());
    if let Screen::Module(screen) = &mut state.screen {
        screen.scroll = scroll;
    }
}

/// Opens every section, or closes them all when all are open.
fn toggle_all(state: &mut State) {
    let Screen::Module(screen) = &mut state.screen else {
        return;
    };
    let all_open = screen.expanded.iter().all(|e| *e);
    screen.expanded.iter_mut().for_each(|e| *e = !all_open);
    // Opening every pane marks none as read: a section is read once its text was on screen
    // (see `mark_shown_sections`), not because a key opened it below the window.
    focus_visible(state);
}

/// Marks as read every open section whose text is on screen now and was not read before: the
/// read mark (·) and the count in the title bar then say what the learner has seen.
pub(super) fn mark_shown_sections(state: &mut State) {
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let (Some(course), Some(module)) = (state.course(screen.at), state.module(screen.at)) else {
        return;
    };
    let opened = state.store.progress().module(&course.id, &module.id);
    let doc = view::module::document(state, screen, view::content_width(state.width));
    let visible = screen.scroll..screen.scroll + view::body_height(state);
    let shown: Vec<usize> = (0..screen.expanded.len())
        .filter(|&i| screen.expanded[i])
        .filter(|i| !opened.is_some_and(|m| m.opened_sections.contains(i)))
        .filter(|&i| {
            let target = Focus::Section(i);
            let (Some(first), Some(last)) = (doc.first_line_of(target), doc.last_line_of(target))
            else {
                return false;
            };
            // The body's lines, after the header; a section with an empty body is its header.
            let body = (first + 1).min(last)..last + 1;
            body.start < visible.end && visible.start < body.end
        })
        .collect();
    if shown.is_empty() {
        return;
    }
    let at = screen.at;
    let notice = record(state).sections_opened(at, &shown);
    saved(state, notice);
}

fn toggle_learned(state: &mut State, at: ModuleRef) {
    let notice = record(state).toggle_learned(at);
    saved(state, notice);
}
