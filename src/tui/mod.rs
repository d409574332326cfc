//! The full-screen terminal player: State, Action, `update`, `view`, and a run loop generic over
//! ratatui's Backend, so tests drive the real loop against `TestBackend`.

pub mod action;
pub mod keys;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::io;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

use crate::course::Library;
use crate::session::{Ending, Options, Session, Sources};
pub use state::State;

/// What the loop answers to: the terminal's events, and with `--watch` the course files read
/// again after a save (or the first error that keeps them from being shown).
pub enum Input {
    Terminal(Event),
    Reloaded(Result<Library, String>),
    /// A second without a key: the exam's time left is shown anew.
    Tick,
    /// Nothing for the learner: the loop draws again (the rest of the library may be read).
    Wake,
}

impl From<Event> for Input {
    fn from(event: Event) -> Input {
        Input::Terminal(event)
    }
}

/// How often a watching player looks for saved course files between keys.
const WATCH_TICK: std::time::Duration = std::time::Duration::from_millis(50);

/// How often the player wakes without a key, so the exam's time left stays current.
const CLOCK_TICK: std::time::Duration = std::time::Duration::from_secs(1);

/// Runs the player until the learner quits or the events end.
pub fn run<B: Backend, E: Into<Input>>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    mut next_event: impl FnMut() -> io::Result<Option<E>>,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    let (width, height) = terminal::clamp_size(size.width, size.height);
    update::update(state, action::Action::Resize { width, height });
    loop {
        update::take_rest(state, false);
        terminal
            .draw(|frame| view::view(state, frame))
            .map_err(io::Error::other)?;
        // The first screen is there: the rest of the library may be read now.
        if let Some(rest) = &state.rest {
            rest.begin();
        }
        if state.quit {
            return Ok(());
        }
        let input = next_event()?.map(Into::into);
        // A key, a click or a reload acts on the whole library: the rest is waited for.
        if matches!(input, Some(Input::Terminal(_) | Input::Reloaded(_))) {
            update::take_rest(state, true);
        }
        let event = match input {
            None => return Ok(()),
            Some(Input::Reloaded(reloaded)) => {
                update::reload(state, reloaded);
                // The page may have changed under every cell.
                let area = terminal.get_frame().area();
                terminal.resize(area).map_err(io::Error::other)?;
                continue;
            }
            Some(Input::Tick) => {
                update::tick(state);
                continue;
            }
            Some(Input::Wake) => continue,
            Some(Input::Terminal(event)) => event,
        };
        // A new size (or the redraw after a stop) draws every cell again: what the shell or a
        // wide character left on the screen is gone.
        if let Event::Resize(width, height) = event {
            let (width, height) = terminal::clamp_size(width, height);
            // `resize` clears the screen and forgets what was drawn (`clear` would ask the
            // terminal for its cursor, which a terminal may never answer).
            terminal
                .resize(Rect::new(0, 0, width, height))
                .map_err(io::Error::other)?;
        }
        if let Some(action) = action::from_event(state, &event) {
            let before = state.screen_key();
            update::update(state, action);
            // On another screen every cell is drawn anew: a wide or multi-part character (a
            // flag such as 🇩🇪) that a terminal drew wider than its cells leaves nothing behind.
            if state.screen_key() != before {
                let area = terminal.get_frame().area();
                terminal.resize(area).map_err(io::Error::other)?;
            }
        }
    }
}

/// The state the player starts in: the session's courses and progress, its notices shown, and
/// the learner back where they left off.
pub fn start(session: Session, options: Options) -> State {
    let notices = session.notice_texts(&options);
    let place = session.start_place();
    let mut state = State::new(session.library, session.store, options.lang, options.seed);
    state.rest = session.rest;
    state.journal = session.journal;
    state.time = options.time;
    state.certify = session.certify;
    state.notice = (!notices.is_empty()).then(|| notices.join(" "));
    update::resume(&mut state, place);
    state
}

/// The player in the real terminal, until the learner quits. The terminal is restored on every
/// way out, a panic and a signal to end included; Err is a terminal that failed. With `watch`
/// (`--watch`) the course files are read again whenever one is saved.
pub fn run_terminal(
    session: Session,
    options: Options,
    watch: Option<(&Sources, crate::watch::CourseWatcher)>,
) -> io::Result<Ending> {
    run_state_terminal(start(session, options), watch)
}

/// The state `kurs exam` starts in: the final exam of course `course` on screen (or the
/// library with the sentence on why it is closed).
pub fn start_exam(session: Session, options: Options, course: usize) -> State {
    let mut state = start(session, options);
    state.screen = state::Screen::Library(Default::default());
    update::open_exam(&mut state, course);
    state
}

/// `kurs exam` at a terminal: the full-screen player, started on the exam of course `course`.
pub fn run_exam_terminal(session: Session, options: Options, course: usize) -> io::Result<Ending> {
    run_state_terminal(start_exam(session, options, course), None)
}

fn run_state_terminal(
    mut state: State,
    watch: Option<(&Sources, crate::watch::CourseWatcher)>,
) -> io::Result<Ending> {
    let signals = terminal::Signals::watch();
    // While the rest of the library is read, the loop wakes often, to draw it when it comes.
    let mut rest_read = state.rest.as_ref().map(crate::session::Rest::read_flag);
    let mut wake = move || {
        let read = rest_read
            .as_ref()
            .map(|flag| flag.load(std::sync::atomic::Ordering::Acquire))?;
        if read {
            rest_read = None;
        }
        Some(Input::Wake)
    };
    let mut screen = terminal::enter()?;
    // Reliability tests set KURS_TEST_PANIC to prove the terminal is restored before a panic's message.
    let test_panic = std::env::var_os("KURS_TEST_PANIC").is_some();
    let result = run(&mut screen, &mut state, || {
        if test_panic {
            panic!("KURS_TEST_PANIC is set: a deliberate panic while a screen is shown");
        }
        let Some((sources, watcher)) = &watch else {
            return Ok(Some(match wake() {
                Some(wake_input) => terminal::next_event_within(&signals, WATCH_TICK)?
                    .map_or(wake_input, Input::Terminal),
                None => terminal::next_event_within(&signals, CLOCK_TICK)?
                    .map_or(Input::Tick, Input::Terminal),
            }));
        };
        let mut waited = std::time::Duration::ZERO;
        loop {
            if waited >= CLOCK_TICK {
                return Ok(Some(Input::Tick));
            }
            waited += WATCH_TICK;
            if watcher.changed() {
                return Ok(Some(Input::Reloaded(crate::session::reload(sources))));
            }
            if let Some(event) = terminal::next_event_within(&signals, WATCH_TICK)? {
                return Ok(Some(Input::Terminal(event)));
            }
            if let Some(wake_input) = wake() {
                return Ok(Some(wake_input));
            }
        }
    });
    terminal::leave();
    if let Some(journal) = state.journal.as_mut() {
        journal.finish();
    }
    result.map(|()| Ending::of(&state.store))
}
