//! The real terminal: the player's screen entered, and left on every way out (quit, panic,
//! SIGTERM, SIGHUP, SIGINT, SIGQUIT); stepped out of on Ctrl-Z or SIGTSTP and back on `fg`.

use std::io::{self, Stdout, Write};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyModifiers,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

pub type RealTerminal = Terminal<CrosstermBackend<Output>>;

/// The terminal's output. Input and output are one open terminal, so reading it without
/// blocking (see `interrupts_as_signals`) makes writes to it non-blocking too: a frame larger
/// than the terminal takes at once is written on as it drains, never cut.
pub struct Output(Stdout);

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        loop {
            match self.0.write(bytes) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(1));
                }
                other => return other,
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        loop {
            match self.0.flush() {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(1));
                }
                other => return other,
            }
        }
    }
}

/// A terminal claiming more than this is laid out at this size: a screen's buffers hold
/// width × height cells, and a reported 65535×65535 would be four billion of them.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// The size the player lays out for a terminal of `width` × `height`.
pub fn clamp_size(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// Enters the player's screen: raw mode, the alternate screen, the mouse, and the keys that
/// interrupt (Ctrl-C, Ctrl-Z, Ctrl-\) left to the terminal, which turns them into signals.
/// ratatui restores raw mode and the screen on a panic; the mouse and the cursor are undone
/// by the hook installed here.
pub fn enter() -> io::Result<RealTerminal> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    let (width, height) = clamp_size(width, height);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Blocking again first: the message must not be lost to a full terminal.
        set_nonblocking(false);
        let _ = execute!(io::stdout(), DisableMouseCapture, Show);
        ratatui::restore();
        hook(info);
    }));
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    let terminal = Terminal::with_options(
        CrosstermBackend::new(Output(io::stdout())),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )?;
    interrupts_as_signals();
    let _ = execute!(Output(io::stdout()), EnableMouseCapture);
    Ok(terminal)
}

/// Leaves the player's screen; the shell's terminal is as it was.
pub fn leave() {
    set_nonblocking(false);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Back into the player's screen after a stop, without a second panic hook.
fn reenter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    interrupts_as_signals();
    Ok(())
}

/// Raw mode hands Ctrl-C to the program as a byte. crossterm's reader, given a cut-off escape
/// sequence (`ESC [ 1 ;`), reads the terminal again to complete it, and on a blocking terminal
/// that read waits until a final letter comes, so no key and no signal is answered meanwhile.
/// With the terminal's own signal keys on, Ctrl-C always arrives (as SIGINT), and with the
/// terminal read without blocking the reader gives up the wait, so the signal is answered.
#[cfg(unix)]
fn interrupts_as_signals() {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let stdin = io::stdin();
    if let Ok(mut modes) = tcgetattr(&stdin) {
        modes.local_modes |= LocalModes::ISIG;
        let _ = tcsetattr(&stdin, OptionalActions::Now, &modes);
    }
    set_nonblocking(true);
}

#[cfg(not(unix))]
fn interrupts_as_signals() {}

/// The terminal's input read without blocking while the player runs, and blocking again for
/// the shell (the flag belongs to the terminal, which the shell shares).
#[cfg(unix)]
fn set_nonblocking(on: bool) {
    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
    let stdin = io::stdin();
    if let Ok(flags) = fcntl_getfl(&stdin) {
        let flags = if on {
            flags | OFlags::NONBLOCK
        } else {
            flags - OFlags::NONBLOCK
        };
        let _ = fcntl_setfl(&stdin, flags);
    }
}

#[cfg(not(unix))]
fn set_nonblocking(_on: bool) {}

/// How long a signal to end (or a terminal gone) may wait for the player's loop to take it.
/// Past it the loop is held where it cannot return: crossterm 0.29 reads a terminal at
/// end-of-file again and again without coming back (`event/source/unix/mio.rs` loops until a
/// read would block, and a hung-up terminal never does), so the guard ends the process itself.
/// Every answer is already saved when it is given; what such an end loses is at most the place.
pub const END_GRACE: Duration = Duration::from_secs(3);

/// How often the guard looks whether the terminal is still there.
const GUARD_TICK: Duration = Duration::from_millis(500);

/// Signals delivered to the player, read between events.
pub struct Signals {
    #[cfg(unix)]
    received: Receiver<i32>,
    /// An end asked (by a signal, or by the terminal going away) and not yet taken by the
    /// loop: when, and by which signal.
    #[cfg(unix)]
    end_asked: std::sync::Arc<std::sync::Mutex<Option<(std::time::Instant, i32)>>>,
}

impl Signals {
    /// Starts listening; without signal support the player still runs (Ctrl-C as a key).
    /// A guard thread also notices a terminal that went away without a SIGHUP reaching kurs
    /// (its window closed while a shell led the session) and asks for the same end.
    pub fn watch() -> Signals {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
            use std::sync::{Arc, Mutex};
            let (sender, received) = std::sync::mpsc::channel();
            let end_asked = Arc::new(Mutex::new(None));
            let wanted = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT];
            if let Ok(mut signals) = signal_hook::iterator::Signals::new(wanted) {
                let sender = sender.clone();
                let end_asked = Arc::clone(&end_asked);
                std::thread::spawn(move || {
                    for signal in signals.forever() {
                        if !matches!(signal, SIGTSTP | SIGCONT) {
                            ask_end(&end_asked, signal);
                        }
                        if sender.send(signal).is_err() {
                            break;
                        }
                    }
                });
            }
            let asked = Arc::clone(&end_asked);
            std::thread::spawn(move || guard(&sender, &asked));
            Signals {
                received,
                end_asked,
            }
        }
        #[cfg(not(unix))]
        Signals {}
    }

    /// What a signal received asks of the player, if one came.
    fn pending(&self) -> Option<Asked> {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGTSTP};
            let signal = self.received.try_recv().ok()?;
            Some(match signal {
                SIGTSTP => Asked::Stop,
                SIGCONT => Asked::Redraw,
                _ => {
                    // Taken: the loop ends the player itself, saving the place.
                    if let Ok(mut asked) = self.end_asked.lock() {
                        *asked = None;
                    }
                    Asked::End
                }
            })
        }
        #[cfg(not(unix))]
        None
    }
}

#[cfg(unix)]
type EndAsked = std::sync::Mutex<Option<(std::time::Instant, i32)>>;

/// Notes an end asked by `signal`, unless one is already waiting.
#[cfg(unix)]
fn ask_end(end_asked: &EndAsked, signal: i32) {
    if let Ok(mut asked) = end_asked.lock() {
        asked.get_or_insert((std::time::Instant::now(), signal));
    }
}

/// Runs for the player's life: a terminal gone is an end asked (as SIGHUP would ask it), and
/// an end the loop has not taken within [`END_GRACE`] ends the process with 128 + the signal.
#[cfg(unix)]
fn guard(sender: &std::sync::mpsc::Sender<i32>, end_asked: &EndAsked) {
    use signal_hook::consts::SIGHUP;
    let mut told_gone = false;
    loop {
        std::thread::sleep(GUARD_TICK);
        if !told_gone && hung_up() {
            told_gone = true;
            ask_end(end_asked, SIGHUP);
            if sender.send(SIGHUP).is_err() {
                return;
            }
        }
        let overdue = end_asked
            .lock()
            .ok()
            .and_then(|asked| *asked)
            .filter(|(since, _)| since.elapsed() >= END_GRACE);
        if let Some((_, signal)) = overdue {
            leave();
            std::process::exit(128 + signal);
        }
    }
}

enum Asked {
    /// SIGTERM, SIGHUP, SIGINT (Ctrl-C), SIGQUIT: save and leave.
    End,
    /// SIGTSTP (Ctrl-Z): step out to the shell until `fg`.
    Stop,
    /// SIGCONT: continued after a stop from outside; the screen is drawn anew.
    Redraw,
}

/// The next event for the player. A signal to end becomes Ctrl-C (the learner's own way to
/// end: the place is saved, the terminal restored); after a stop, a resize redraws everything.
pub fn next_event(signals: &Signals) -> io::Result<Option<Event>> {
    loop {
        if let Some(event) = next_event_within(signals, Duration::from_millis(100))? {
            return Ok(Some(event));
        }
    }
}

/// As [`next_event`], but `None` when nothing came within `wait` (a watching player looks for
/// saved course files in between).
pub fn next_event_within(signals: &Signals, wait: Duration) -> io::Result<Option<Event>> {
    match signals.pending() {
        Some(Asked::End) => return Ok(Some(ctrl_c())),
        Some(Asked::Stop) => {
            stop()?;
            return redraw();
        }
        Some(Asked::Redraw) => {
            reenter()?;
            return redraw();
        }
        None => {}
    }
    // Polled, so a signal is answered within `wait` even while no key comes.
    if event::poll(wait)? {
        return event::read().map(Some);
    }
    Ok(None)
}

/// Whether the terminal kurs reads is gone: a hung-up terminal refuses its settings.
#[cfg(unix)]
fn hung_up() -> bool {
    rustix::termios::tcgetattr(io::stdin()).is_err()
}

#[cfg(not(unix))]
fn hung_up() -> bool {
    false
}

fn ctrl_c() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
}

/// A resize to the terminal's size, which makes the loop draw every cell again.
fn redraw() -> io::Result<Option<Event>> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Ok(Some(Event::Resize(width, height)))
}

/// Leaves the screen, stops as the shell expects of Ctrl-Z, and comes back when continued.
fn stop() -> io::Result<()> {
    leave();
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    }
    reenter()
}
