//! The full-screen player run in this process on a test backend, for suites that drive `update`
//! directly and read what the learner would see without a pseudo-terminal.

use kurs::tui::{State, run};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Draws `state` once at 100×30, wide enough for the notices about the progress file, and
/// returns the screen with one line per row.
pub fn draw(state: &mut State) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    run(&mut terminal, state, || Ok(None::<kurs::tui::Input>)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
