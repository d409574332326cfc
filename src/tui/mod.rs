//! The full-screen terminal player: State, Action, `update`, `view`, and a run loop generic over
//! ratatui's Backend, so tests drive the real loop against `TestBackend`.

pub mod action;
pub mod keys;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

use std::io;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

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
    update::update(
        state,
        action::Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
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
        if let Some(action) = action::from_event(state, &event) {
            update::update(state, action);
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
/// way out, a panic included; Err is a terminal that failed.
pub fn run_terminal(session: Session, options: Options) -> io::Result<Ending> {
    let mut state = start(session, options);
    let mut terminal = ratatui::init();
    // ratatui::init restores raw mode and the screen on panic; mouse capture and the cursor are
    // ours to undo (the terminal shows the cursor only when dropped, after the message).
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, Show);
        hook(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture);
    // Reliability tests set KURS_TEST_PANIC to prove the terminal is restored before a panic's message.
    let test_panic = std::env::var_os("KURS_TEST_PANIC").is_some();
    let result = run(&mut terminal, &mut state, || {
        if test_panic {
            panic!("KURS_TEST_PANIC is set: a deliberate panic while a screen is shown");
        }
        event::read().map(Some)
    });
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map(|()| Ending::of(&state.store))
}
