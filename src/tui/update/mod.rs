//! `update`: the only place the player's state changes, one action at a time, one file per
//! screen (mirroring `view/`). It saves progress after every change that matters and never draws.

mod exam;
mod library;
mod module;
mod overview;
mod profile;
mod quiz;
mod reload;
mod result;
mod search;
mod text;

pub use exam::open_exam;
pub use module::open_module;
pub use reload::reload;

use super::action::Action;
use super::state::{Focus, Screen, State};
use super::view;
use crate::progress::StoreMode;
use crate::progress::store::StoreNotice;
use crate::session::{Place, Record};

pub fn update(state: &mut State, action: Action) {
    // A notice is read once; the next key clears it.
    if !matches!(action, Action::Resize { .. }) {
        state.notice = None;
    }
    match action {
        Action::Quit => {
            exam::leaving(state);
            remember_place(state);
            state.quit = true;
            return;
        }
        Action::Resize { width, height } => {
            state.width = width;
            state.height = height;
        }
        Action::Help => {
            state.help = !state.help;
            state.help_scroll = 0;
        }
        _ if state.help => scroll_help(state, action),
        action => match &state.screen {
            Screen::Library(_) => library::update(state, action),
            Screen::Module(_) => module::update(state, action),
            Screen::Quiz(_) => quiz::update(state, action),
            Screen::Result(_) => result::update(state, action),
            Screen::Overview(_) => overview::update(state, action),
            Screen::Search(_) => search::update(state, action),
            Screen::Exam(_) => exam::update(state, action),
        },
    }
    settle(state);
}

/// The rest of the library, once read, joins the first courses (their places do not move: they
/// are the first of the whole library too); with `wait`, waits for it, as before any key is
/// handled, so every key acts on the whole library.
pub fn take_rest(state: &mut State, wait: bool) {
    let Some(rest) = &state.rest else {
        return;
    };
    match rest.take(wait) {
        crate::session::RestRead::Pending => return,
        crate::session::RestRead::Ready {
            courses,
            store,
            notices,
        } => {
            courses.join_after(&mut state.library.courses);
            // The whole progress replaces the first courses' part; nothing was changed yet.
            let whole_store = store.is_some();
            if let Some(store) = store {
                state.store = *store;
            }
            // The courses' errors are counted anew over the whole library, and the whole
            // progress may have more to tell.
            if whole_store
                || notices
                    .iter()
                    .any(|n| matches!(n, crate::session::Notice::CourseErrors(_)))
            {
                let lang = state.lang();
                let texts: Vec<String> = notices.iter().map(|n| n.text(lang)).collect();
                state.notice = (!texts.is_empty()).then(|| texts.join(" "));
            }
        }
        crate::session::RestRead::Lost => {}
    }
    state.rest = None;
    settle(state);
}

/// A second without a key: the exam's time left is counted, and a section number being typed
/// on the module screen is complete.
pub fn tick(state: &mut State) {
    exam::tick(state);
    module::pause(state);
}

/// Help longer than the window scrolls; `view::help` keeps the last line in view.
fn scroll_help(state: &mut State, action: Action) {
    let page = usize::from(state.height.saturating_sub(4)).max(1);
    let scroll = state.help_scroll;
    state.help_scroll = match action {
        Action::Up | Action::ScrollUp => scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        _ => scroll,
    }
    .min(view::help::max_scroll(state));
}

/// Opens where the learner left off: the module given on the command line, else the last
/// place stored; nothing (the library) when there is none.
pub fn resume(state: &mut State, place: Option<Place>) {
    let Some(Place { at, section }) = place else {
        return;
    };
    library::select(state, at);
    open_module(state, at, section);
}

/// After any change: scroll positions back inside their content, focus visible.
fn settle(state: &mut State) {
    let width = view::content_width(state.width);
    let len = match &state.screen {
        Screen::Library(_) => return library::settle(state),
        Screen::Module(screen) => view::module::document(state, screen, width).len(),
        Screen::Quiz(screen) => view::quiz::document(state, screen, width).len(),
        Screen::Result(screen) => view::result::document(state, screen, width).len(),
        Screen::Overview(_) => view::overview::document(state, width).len(),
        Screen::Exam(screen) => view::exam::document(state, screen, width).len(),
        // The search keeps its selected hit in view itself, in the room below the query.
        Screen::Search(_) => return,
    };
    let height = view::body_height(state);
    let scroll = state.scroll_mut();
    *scroll = view::clamp_scroll(*scroll, height, len);
    module::mark_shown_sections(state);
}

/// What a save said: a problem becomes the lasting warning, and a save that works again (it
/// writes everything kept meanwhile) takes the warning away.
fn saved(state: &mut State, notice: Option<StoreNotice>) {
    match notice {
        Some(notice) => {
            let lang = state.lang();
            state.warning = Some(crate::i18n::store_notice(lang, &notice));
        }
        None if *state.store.mode() == StoreMode::ReadWrite => state.warning = None,
        None => {}
    }
    // Progress problems come first; then learning records not written, or waiting for an LRS
    // that could not be reached (the courier's last try), told with the next move.
    if state.warning.is_some() {
        return;
    }
    let lang = state.lang();
    if let Some(journal) = state.journal.as_mut() {
        if let Some(problem) = journal.take_problem() {
            state.warning = Some(crate::i18n::records_not_saved(lang, &problem.to_string()));
        } else if let Some(n) = journal.waiting_unsent() {
            state.warning = Some(crate::i18n::records_waiting(lang, n));
        }
    }
}

/// The learner's moves are written through the session's one `Record`, as plain mode writes them.
fn record(state: &mut State) -> Record<'_> {
    Record::new(&mut state.store, &state.library).with_journal(state.journal.as_mut())
}

/// Where the learner is, so the next start resumes there. On an action rather than a section,
/// the section read last stays the place to come back to.
fn remember_place(state: &mut State) {
    let Screen::Module(screen) = &state.screen else {
        return;
    };
    let section = match screen.focus {
        Focus::Section(i) => Some(i),
        Focus::Practice | Focus::Learned => None,
    };
    let at = screen.at;
    let notice = record(state).place(at, section);
    saved(state, notice);
}
