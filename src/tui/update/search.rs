//! The search screen's keys: typing the query (the hits follow each key), choosing a hit, and
//! opening it — the module, at its section, with the word marked.

use super::module::open_module;
use super::text;
use crate::course::search::{Found, search};
use crate::session::ModuleRef;
use crate::tui::action::Action;
use crate::tui::state::{Focus, Screen, SearchFrom, SearchScreen, State};
use crate::tui::view::{self, body_height, scroll_to};

/// At most this many hits are listed; a more exact word finds the rest.
const LIMIT: usize = 50;

/// Starts a search from the library or a module; Esc comes back there.
pub(super) fn open(state: &mut State) {
    let back = match &state.screen {
        Screen::Library(library) => SearchFrom::Library(library.clone()),
        Screen::Module(module) => SearchFrom::Module(module.clone()),
        _ => return,
    };
    // The whole library is searched: module bodies not read yet are read now, once.
    let unread = crate::course::load_bodies(&mut state.library);
    if unread > 0 {
        state.notice = Some(i18n_unsearched(state, unread));
    }
    state.screen = Screen::Search(SearchScreen {
        query: String::new(),
        cursor: 0,
        found: Found::default(),
        selected: 0,
        scroll: 0,
        back,
    });
}

fn i18n_unsearched(state: &State, unread: usize) -> String {
    crate::i18n::unsearched_modules(state.lang(), unread)
}

pub(super) fn update(state: &mut State, action: Action) {
    let height = body_height(state).saturating_sub(2).max(1);
    let Screen::Search(screen) = &mut state.screen else {
        return;
    };
    let last = screen.found.hits.len().saturating_sub(1);
    match action {
        Action::Back => {
            let back = std::mem::replace(&mut screen.back, SearchFrom::Library(Default::default()));
            state.screen = match back {
                SearchFrom::Library(library) => Screen::Library(library),
                SearchFrom::Module(module) => Screen::Module(module),
            };
        }
        Action::Up => screen.selected = screen.selected.saturating_sub(1),
        Action::Down => screen.selected = (screen.selected + 1).min(last),
        Action::PageUp => screen.selected = screen.selected.saturating_sub(height / 2),
        Action::PageDown => screen.selected = (screen.selected + height / 2).min(last),
        Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(3),
        Action::ScrollDown => screen.scroll += 3,
        Action::Activate => {
            let selected = screen.selected;
            open_hit(state, selected);
            return;
        }
        Action::Click { row, .. } => {
            if let Some(hit) = clicked_hit(state, row) {
                open_hit(state, hit);
            }
            return;
        }
        edit @ (Action::Input(_)
        | Action::Backspace
        | Action::Delete
        | Action::Left
        | Action::Right
        | Action::Home
        | Action::End) => {
            let before = screen.query.clone();
            text::edit(&mut screen.query, &mut screen.cursor, edit);
            if screen.query != before {
                let query = screen.query.clone();
                let found = search(&state.library, &query, LIMIT);
                if let Screen::Search(screen) = &mut state.screen {
                    screen.found = found;
                    screen.selected = 0;
                    screen.scroll = 0;
                }
            }
        }
        _ => {}
    }
    selected_visible(state);
}

/// The hit on screen row `row`, if a hit is drawn there.
fn clicked_hit(state: &State, row: u16) -> Option<usize> {
    let Screen::Search(screen) = &state.screen else {
        return None;
    };
    let body = view::areas(
        state,
        ratatui::layout::Rect::new(0, 0, state.width, state.height),
    )
    .body;
    let (_, hits) = view::search::layout(body);
    let line = screen.scroll + usize::from(row.checked_sub(hits.y)?);
    let doc = view::search::document(state, screen, view::content_width(hits.width));
    doc.targets.get(line).copied().flatten()
}

/// Opens the module of hit `index` at its section, the word marked there.
fn open_hit(state: &mut State, index: usize) {
    let Screen::Search(screen) = &state.screen else {
        return;
    };
    let Some(hit) = screen.found.hits.get(index) else {
        return;
    };
    let at = ModuleRef {
        course: hit.course,
        module: hit.module,
    };
    let (section, query) = (hit.section, screen.query.trim().to_string());
    open_module(state, at, section);
    if let Screen::Module(module) = &mut state.screen {
        module.highlight = Some(query);
        if let Some(section) = section {
            module.focus = Focus::Section(section);
        }
    }
    super::module::show_focus_at_top(state);
}

/// Scrolls so both lines of the selected hit are on screen.
fn selected_visible(state: &mut State) {
    let Screen::Search(screen) = &state.screen else {
        return;
    };
    let body = view::areas(
        state,
        ratatui::layout::Rect::new(0, 0, state.width, state.height),
    )
    .body;
    let (_, hits) = view::search::layout(body);
    let doc = view::search::document(state, screen, view::content_width(hits.width));
    let (Some(first), Some(last)) = (
        doc.first_line_of(screen.selected),
        doc.last_line_of(screen.selected),
    ) else {
        return;
    };
    let scroll = scroll_to(
        screen.scroll,
        first,
        last,
        usize::from(hits.height).max(1),
        doc.len(),
    );
    if let Screen::Search(screen) = &mut state.screen {
        screen.scroll = scroll;
    }
}
