//! Shared by the `reliability_*` tests: fixtures, the long-run switch, the real binary in a
//! pseudo-terminal (optionally as an unprivileged user), and checks that a file's bytes survived.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, NativePtySystem, PtySize, PtySystem};

pub const KURS: &str = env!("CARGO_BIN_EXE_kurs");
/// How long a screen may take to appear before a test gives up (not a speed requirement).
pub const PATIENCE: Duration = Duration::from_secs(30);
/// The unprivileged user the permission tests run kurs as when the tests run as root.
pub const NOBODY: u32 = 65534;

/// `KURS_LONG_TESTS=1` runs the counts the issue asks for; the default run is shorter.
pub fn long() -> bool {
    std::env::var_os("KURS_LONG_TESTS").is_some_and(|v| !v.is_empty() && v != "0")
}

pub fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A small English course that loads without any diagnostic.
pub fn course_en() -> PathBuf {
    manifest().join("tests/fixtures/player/kurs-en")
}

/// A progress file written by the real player (plain mode, reading, a quiz, marking learned).
pub fn real_progress() -> Vec<u8> {
    std::fs::read(manifest().join("tests/fixtures/hostile/progress/real.toml")).unwrap()
}

/// Whether this process runs as root (which ignores file permissions).
#[cfg(unix)]
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    // The owner of a file we just created is our effective user.
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    std::fs::metadata(&probe).unwrap().uid() == 0
}

/// `setpriv` runs a command as another user; root needs it to test permissions at all.
pub fn has_setpriv() -> bool {
    std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The command line prefix that runs a program as `nobody`.
pub fn as_nobody() -> Vec<String> {
    vec![
        "setpriv".into(),
        format!("--reuid={NOBODY}"),
        format!("--regid={NOBODY}"),
        "--clear-groups".into(),
    ]
}

/// Names in a folder, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn damaged_copies(dir: &Path) -> Vec<PathBuf> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.contains(".damaged-"))
        .map(|n| dir.join(n))
        .collect()
}

/// The real binary in a pseudo-terminal, its screen kept by a terminal emulator and every byte it
/// wrote kept in order.
pub struct Pty {
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Pty {
    /// Starts `program args…` at 24×80 in a fresh pseudo-terminal.
    pub fn start(program: &[String], envs: &[(&str, &str)]) -> Pty {
        let pty = NativePtySystem::default()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(&program[0]);
        command.args(&program[1..]);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("KURS_PROGRESS");
        command.env_remove("KURS_COURSES");
        for (k, v) in envs {
            command.env(k, v);
        }
        let child = pty
            .slave
            .spawn_command(command)
            .expect("the program starts");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (parser, bytes) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                bytes.lock().unwrap().extend_from_slice(&buf[..n]);
                parser.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        // The master must live as long as the session.
        std::mem::forget(pty.master);
        Pty {
            screen,
            raw,
            writer,
            child,
        }
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Waits until the screen shows `needle`; returns the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |text| text.contains(needle))
    }

    /// Waits until the screen no longer shows `needle`.
    pub fn wait_gone(&self, needle: &str) -> String {
        self.wait_until(needle, |text| !text.contains(needle))
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let text = self.text();
            if done(&text) {
                return text;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what:?}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the raw output holds `needle` (also after the program has left the screen).
    pub fn wait_raw(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.raw_text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {needle:?} in the output:\n{text:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // One key at a time, so a lone Esc is read as Esc and not as the start of a sequence.
        std::thread::sleep(Duration::from_millis(80));
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the program did not exit:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
