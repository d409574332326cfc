//! `--watch`: the course files read again after a save, and the learner kept where they were —
//! the screen, the module, its open sections and scroll, the question — by course and module
//! id. A version with errors is not shown: the last good one stays, with the first error told.

use crate::course::{Library, Quiz};
use crate::i18n::T;
use crate::session::ModuleRef;
use crate::tui::state::{Screen, SearchFrom, State};

use super::module::open_module;

/// Takes the courses as read again (or the error that keeps them from being shown).
pub fn reload(state: &mut State, reloaded: Result<Library, String>) {
    let mut library = match reloaded {
        Ok(library) => library,
        Err(error) => {
            state.reload_error = Some(error);
            return;
        }
    };
    // The module on screen is read whole now, so an error in its text is found before the
    // last good version is given up.
    let here = current(state).map(|at| ids(state, at));
    let there = here
        .as_ref()
        .and_then(|(course, module)| find(&library, course, module));
    if let Some(at) = there
        && let Err(errors) = crate::course::load_module(&mut library, at.course, at.module)
    {
        state.reload_error = Some(
            crate::session::first_error(&errors)
                .unwrap_or_else(|| state.t(T::ReloadUnreadable).to_string()),
        );
        return;
    }
    state.reload_error = None;
    let quiz_before = current(state).and_then(|at| state.quiz(at).cloned());
    state.library = library;
    state.notice = Some(state.t(T::Reloaded).to_string());
    match (here.is_some(), there) {
        // The module on screen is gone: back to the library.
        (true, None) => {
            state.screen = Screen::Library(Default::default());
            state.notice = Some(state.t(T::ReloadedModuleGone).to_string());
        }
        (true, Some(at)) => follow(state, at, quiz_before.as_ref()),
        (false, _) => {}
    }
}

/// The module the screen shows, if it shows one.
fn current(state: &State) -> Option<ModuleRef> {
    match &state.screen {
        Screen::Module(s) => Some(s.at),
        Screen::Quiz(s) => Some(s.at),
        Screen::Result(s) => Some(s.at),
        Screen::Search(s) => match &s.back {
            SearchFrom::Module(m) => Some(m.at),
            SearchFrom::Library(_) => None,
        },
        // The exam keeps the questions it drew; a course file saved meanwhile does not change them.
        Screen::Library(_) | Screen::Overview(_) | Screen::Exam(_) => None,
    }
}

fn ids(state: &State, at: ModuleRef) -> (String, String) {
    let course = state.course(at).map(|c| c.id.clone()).unwrap_or_default();
    let module = state.module(at).map(|m| m.id.clone()).unwrap_or_default();
    (course, module)
}

fn find(library: &Library, course: &str, module: &str) -> Option<ModuleRef> {
    let c = library.courses.iter().position(|k| k.id == course)?;
    let m = library.courses[c]
        .modules
        .iter()
        .position(|k| k.id == module)?;
    Some(ModuleRef {
        course: c,
        module: m,
    })
}

/// Whether two versions of a quiz ask the same questions in the same form: only then does a
/// run of the old one go on in the new one.
fn same_questions(a: Option<&Quiz>, b: Option<&Quiz>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.questions.len() == b.questions.len()
                && a.questions
                    .iter()
                    .zip(&b.questions)
                    .all(|(x, y)| x.id == y.id && x.fingerprint() == y.fingerprint())
        }
        _ => false,
    }
}

/// The screen follows its module to where it is in the new library.
fn follow(state: &mut State, at: ModuleRef, quiz_before: Option<&Quiz>) {
    let quiz_same = same_questions(quiz_before, state.quiz(at));
    let sections = state.module(at).map_or(0, |m| m.sections.len());
    match &mut state.screen {
        Screen::Module(screen) => {
            screen.at = at;
            screen.expanded.resize(sections, false);
            if let crate::tui::state::Focus::Section(i) = screen.focus
                && i >= sections
            {
                screen.focus = crate::tui::state::Focus::Practice;
            }
        }
        Screen::Quiz(screen) if quiz_same => screen.at = at,
        Screen::Result(screen) if quiz_same => screen.at = at,
        Screen::Quiz(_) | Screen::Result(_) => {
            open_module(state, at, None);
            if let Screen::Module(screen) = &mut state.screen {
                screen.focus = crate::tui::state::Focus::Practice;
            }
            state.notice = Some(state.t(T::ReloadedQuizChanged).to_string());
        }
        Screen::Search(screen) => {
            if let SearchFrom::Module(module) = &mut screen.back {
                module.at = at;
                module.expanded.resize(sections, false);
            }
            // The hits point into the old version: found again in the new one.
            let query = screen.query.clone();
            crate::course::load_bodies(&mut state.library);
            let found = crate::course::search::search(&state.library, &query, 50);
            if let Screen::Search(screen) = &mut state.screen {
                screen.found = found;
                screen.selected = 0;
            }
        }
        Screen::Library(_) | Screen::Overview(_) | Screen::Exam(_) => {}
    }
}
