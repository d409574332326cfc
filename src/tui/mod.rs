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

use crate::session::{Ending, Options, Session};
pub use state::State;

/// Runs the player until the learner quits or the events end.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    mut next_event: impl FnMut() -> io::Result<Option<Event>>,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    let (width, height) = terminal::clamp_size(size.width, size.height);
    update::update(state, action::Action::Resize { width, height });
    loop {
        terminal
            .draw(|frame| view::view(state, frame))
            .map_err(io::Error::other)?;
        if state.quit {
            return Ok(());
        }
        let Some(event) = next_event()? else {
            return Ok(());
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
    state.notice = (!notices.is_empty()).then(|| notices.join(" "));
    update::resume(&mut state, place);
    state
}

/// The player in the real terminal, until the learner quits. The terminal is restored on every
/// way out, a panic and a signal to end included; Err is a terminal that failed.
pub fn run_terminal(session: Session, options: Options) -> io::Result<Ending> {
    let mut state = start(session, options);
    let signals = terminal::Signals::watch();
    let mut screen = terminal::enter()?;
    // Reliability tests set KURS_TEST_PANIC to prove the terminal is restored before a panic's message.
    let test_panic = std::env::var_os("KURS_TEST_PANIC").is_some();
    let result = run(&mut screen, &mut state, || {
        if test_panic {
            panic!("KURS_TEST_PANIC is set: a deliberate panic while a screen is shown");
        }
        terminal::next_event(&signals)
    });
    terminal::leave();
    result.map(|()| Ending::of(&state.store))
}
