//! The real `kurs` binary (or any program) in a pseudo-terminal: keys in, the screen read back
//! through vt100; the one harness of the end-to-end tests, the reliability suites and the benches.

// Self-contained on purpose: the benches include this file with `#[path]`, so it may only use
// the standard library and dev-dependencies, never the other support modules.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, NativePtySystem, PtySize, PtySystem};

/// Cargo sets this for integration tests and benches alike, so both find the binary the same way.
pub const KURS: &str = env!("CARGO_BIN_EXE_kurs");
/// How long a screen or an exit may take before a wait gives up (not a speed requirement: a
/// loaded two-core machine running other suites at the same time needs the slack).
pub const PATIENCE: Duration = Duration::from_secs(30);
/// The pause after each key, so a lone Esc is read as Esc and not as the start of a sequence.
pub const KEY_PAUSE: Duration = Duration::from_millis(80);
/// How long the output must stay quiet before [`Pty::wait_for`] takes a frame as complete.
pub const SETTLE: Duration = Duration::from_millis(60);
/// The unprivileged user the permission tests run kurs as when the tests run as root.
pub const NOBODY: u32 = 65534;

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const CTRL_C: &str = "\x03";

/// The command line prefix that runs a program as `nobody` (root ignores file permissions, so the
/// permission tests need another user).
pub fn as_nobody() -> Vec<String> {
    vec![
        "setpriv".into(),
        format!("--reuid={NOBODY}"),
        format!("--regid={NOBODY}"),
        "--clear-groups".into(),
    ]
}

/// What to start and how: built by [`Pty::kurs`] or [`Pty::program`], started by [`Launch::start`].
pub struct Launch {
    line: Vec<String>,
    envs: Vec<(String, String)>,
    cols: u16,
    rows: u16,
    key_pause: Duration,
    keep_raw: bool,
}

impl Launch {
    /// Sets one environment variable (after the variables every start clears).
    pub fn env(mut self, key: &str, value: &str) -> Launch {
        self.envs.push((key.into(), value.into()));
        self
    }

    pub fn envs(self, envs: &[(&str, &str)]) -> Launch {
        envs.iter().fold(self, |launch, (k, v)| launch.env(k, v))
    }

    /// The terminal size; 80×24 unless set.
    pub fn size(mut self, cols: u16, rows: u16) -> Launch {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// The pause after each sent key; the benches set zero because they time the key themselves.
    pub fn key_pause(mut self, pause: Duration) -> Launch {
        self.key_pause = pause;
        self
    }

    /// Runs the program as `nobody` through `setpriv` when `yes`.
    pub fn run_as_nobody(mut self, yes: bool) -> Launch {
        if yes {
            self.line.splice(0..0, as_nobody());
        }
        self
    }

    /// Also keeps every byte the program writes, for checks on the escape sequences themselves
    /// or on output after the program has left the alternate screen. Off by default: a long
    /// benchmark session would otherwise grow (and copy) that buffer while it is being timed.
    pub fn keep_raw(mut self) -> Launch {
        self.keep_raw = true;
        self
    }

    pub fn start(self) -> Pty {
        let size = PtySize {
            rows: self.rows,
            cols: self.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pty = NativePtySystem::default()
            .openpty(size)
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(&self.line[0]);
        command.args(&self.line[1..]);
        command.env("TERM", "xterm-256color");
        // The caller's own settings must not choose colours, courses or the progress file.
        command.env_remove("NO_COLOR");
        command.env_remove("KURS_COURSES");
        command.env_remove("KURS_PROGRESS");
        for (k, v) in &self.envs {
            command.env(k, v);
        }
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(self.rows).expect("rows"),
            NonZeroU16::new(self.cols).expect("cols"),
            0,
        )));
        let raw = self.keep_raw.then(|| Arc::new(Mutex::new(Vec::new())));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        // Every chunk is announced after it is parsed, so a waiter wakes on each frame as soon as
        // it arrives, and the end of the channel says the program closed the terminal.
        let (announce, chunks) = channel();
        let (parser, bytes) = (Arc::clone(&screen), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Some(bytes) = &bytes {
                    bytes.lock().expect("raw").extend_from_slice(&buf[..n]);
                }
                parser.lock().expect("screen").process(&buf[..n]);
                if announce.send(()).is_err() {
                    break;
                }
            }
        });
        // Taken right before the spawn: the start benchmark measures from here.
        let started = Instant::now();
        let child = pty
            .slave
            .spawn_command(command)
            .expect("the program starts");
        // Only the child may hold the slave, so the reader sees the end when the child is gone.
        drop(pty.slave);
        Pty {
            screen,
            raw,
            chunks,
            writer,
            child,
            master: pty.master,
            key_pause: self.key_pause,
            started,
        }
    }
}

/// A running program in a pseudo-terminal, its screen kept by a terminal emulator.
pub struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Option<Arc<Mutex<Vec<u8>>>>,
    chunks: Receiver<()>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    // Kept for resizing, and so the terminal lives exactly as long as the session.
    master: Box<dyn MasterPty + Send>,
    key_pause: Duration,
    /// The moment just before the program was spawned.
    pub started: Instant,
}

impl Pty {
    /// The real `kurs` binary with `args`.
    pub fn kurs(args: &[&str]) -> Launch {
        let mut line = vec![KURS.to_string()];
        line.extend(args.iter().map(|a| a.to_string()));
        Pty::program(&line)
    }

    /// Any program: `line[0]` with the arguments after it (a shell around kurs, for example).
    pub fn program(line: &[String]) -> Launch {
        Launch {
            line: line.to_vec(),
            envs: Vec::new(),
            cols: 80,
            rows: 24,
            key_pause: KEY_PAUSE,
            keep_raw: false,
        }
    }

    /// The screen's text, row by row.
    pub fn text(&self) -> String {
        self.screen(|screen| screen.contents())
    }

    /// Looks at the emulated screen: cursor, alternate screen, cells.
    pub fn screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.screen.lock().expect("screen").screen())
    }

    /// Every byte written so far, as text; needs [`Launch::keep_raw`].
    pub fn raw_text(&self) -> String {
        let raw = self.raw.as_ref().expect("started with keep_raw");
        String::from_utf8_lossy(&raw.lock().expect("raw")).into_owned()
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends bytes that need not be UTF-8 (a broken terminal, a binary paste), then pauses for
    /// the key pause; returns when they were written.
    pub fn send_bytes(&mut self, bytes: &[u8]) -> Instant {
        // Output of the frame before is taken first, so it cannot be taken for the answer.
        while self.chunks.try_recv().is_ok() {}
        self.writer.write_all(bytes).expect("bytes sent");
        self.writer.flush().expect("bytes sent");
        let sent = Instant::now();
        if !self.key_pause.is_zero() {
            std::thread::sleep(self.key_pause);
        }
        sent
    }

    /// Sends the bytes of one key, then pauses for the key pause; returns when they were written.
    pub fn send(&mut self, keys: &str) -> Instant {
        let sent = self.send_bytes(keys.as_bytes());
        // A lone Esc that is still unread when the next key arrives is read with it as Alt+key
        // (on a loaded machine 80 ms are not always enough): wait for the frame it causes.
        if keys == "\x1b" {
            let _ = self.chunks.recv_timeout(Duration::from_secs(2));
        }
        sent
    }

    /// Waits until the screen shows `needle`; returns the screen once the frame that drew it is
    /// complete (no output for [`SETTLE`], at most a second more), so that what a test checks
    /// beside `needle` is not taken from a frame half written. Where the rest of the frame
    /// already holds no needle any more, the screen as it first showed it is returned.
    pub fn wait_for(&self, needle: &str) -> String {
        let found = self.wait_text(needle, true);
        let give_up = Instant::now() + Duration::from_secs(1);
        while Instant::now() < give_up {
            match self.chunks.recv_timeout(SETTLE) {
                Ok(()) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        let settled = self.text();
        if settled.contains(needle) {
            settled
        } else {
            found
        }
    }

    /// Waits until the screen no longer shows `needle`; returns the screen.
    pub fn wait_gone(&self, needle: &str) -> String {
        self.wait_text(needle, false)
    }

    fn wait_text(&self, needle: &str, shown: bool) -> String {
        let what = if shown {
            format!("{needle:?}")
        } else {
            format!("{needle:?} to go")
        };
        self.wait_until(&what, |pty| {
            let text = pty.text();
            if text.contains(needle) == shown {
                Ok(text)
            } else {
                Err(text)
            }
        })
        .0
    }

    /// The moment the screen's text first satisfies `done`.
    pub fn wait(&self, done: impl Fn(&str) -> bool) -> Instant {
        self.wait_screen("the screen", |screen| done(&screen.contents()))
    }

    /// The moment the emulated screen first satisfies `done` (alternate screen, cursor, text).
    pub fn wait_screen(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) -> Instant {
        self.wait_until(what, |pty| {
            if pty.screen(&done) {
                Ok(())
            } else {
                Err(pty.text())
            }
        })
        .1
    }

    /// Waits until the raw output holds `needle` (also after the program has left the screen);
    /// returns all of it. Needs [`Launch::keep_raw`].
    pub fn wait_raw(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?} in the output"), |pty| {
            let text = pty.raw_text();
            if text.contains(needle) {
                Ok(text)
            } else {
                Err(format!("{text:?}"))
            }
        })
        .0
    }

    /// Checks `look` after every chunk of output (and at least every 20 ms) until it gives `Ok`,
    /// and returns that with the moment it did. An `Err` holds what to show when the wait fails.
    fn wait_until<T>(&self, what: &str, look: impl Fn(&Pty) -> Result<T, String>) -> (T, Instant) {
        let give_up = Instant::now() + PATIENCE;
        loop {
            let shown = match look(self) {
                Ok(found) => return (found, Instant::now()),
                Err(shown) => shown,
            };
            match self.chunks.recv_timeout(Duration::from_millis(20)) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                // The program closed the terminal: what is there now is all there will be.
                Err(RecvTimeoutError::Disconnected) => match look(self) {
                    Ok(found) => return (found, Instant::now()),
                    Err(shown) => panic!("waited for {what}, but the program ended:\n{shown}"),
                },
            }
            assert!(
                Instant::now() < give_up,
                "waited {PATIENCE:?} for {what}:\n{shown}"
            );
        }
    }

    /// Waits (at most [`PATIENCE`]) for the program to exit.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let give_up = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("exit status") {
                return status;
            }
            assert!(
                Instant::now() < give_up,
                "the program did not exit:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resizes the terminal, as a window manager does: the program gets SIGWINCH and the
    /// emulated screen takes the new size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resized");
        self.screen.lock().expect("screen").set_size(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
        );
    }

    /// Resizes only the pseudo-terminal, not the emulated screen: for sizes no screen could hold
    /// (a terminal reporting 65535×65535), which the program must clamp.
    pub fn resize_terminal_only(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resized");
    }

    /// Sends the signal `name` (`TERM`, `INT`, `HUP`, …) to the program with `kill(1)`.
    #[cfg(unix)]
    pub fn signal(&self, name: &str) {
        let pid = self.pid().expect("the program's pid");
        let status = std::process::Command::new("kill")
            .args(["-s", name, &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -s {name} {pid}");
    }

    /// Ends the program without waiting for it to quit by itself; its terminal state does not matter.
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
