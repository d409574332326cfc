//! Panic safety: the real player, built with its test switch `KURS_TEST_PANIC`, panics right after
//! drawing its first screen. Read from the bytes it wrote to the pseudo-terminal: mouse capture is
//! off, the main screen is back and the cursor visible before the panic message appears; and
//! `stty -a` run afterwards in the same terminal shows the line discipline cooked again (raw mode off).

#![cfg(unix)]

use crate::support::fixtures::course_en;
use crate::support::pty::{KURS, Pty};

/// The last position of `needle` in `haystack` before `end`.
fn last_before(haystack: &str, needle: &str, end: usize) -> Option<usize> {
    haystack[..end].rfind(needle)
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let script = "\"$0\" \"$@\"; echo \"EXIT=$?\"; stty -a; echo STTY-DONE";
    let line: Vec<String> = [
        "sh",
        "-c",
        script,
        KURS,
        course_en().to_str().unwrap(),
        "--progress",
        progress.to_str().unwrap(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let kurs = Pty::program(&line)
        .envs(&[("KURS_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")])
        .keep_raw()
        .start();
    let out = kurs.wait_raw("STTY-DONE");

    let message = out
        .find("panicked at")
        .expect("the panic message is printed");
    let mut problems = Vec::new();
    let restored = |on: &str, off: &str, what: &str, problems: &mut Vec<String>| match (
        last_before(&out, on, message),
        last_before(&out, off, message),
    ) {
        (Some(on_at), Some(off_at)) if off_at > on_at => {}
        (None, _) => problems.push(format!("{what}: never switched on ({on:?})")),
        _ => problems.push(format!("{what}: not undone before the message ({off:?})")),
    };
    restored(
        "\x1b[?1049h",
        "\x1b[?1049l",
        "alternate screen",
        &mut problems,
    );
    restored("\x1b[?25l", "\x1b[?25h", "hidden cursor", &mut problems);
    restored("\x1b[?1000h", "\x1b[?1000l", "mouse capture", &mut problems);
    let stty = &out[out.rfind("EXIT=").unwrap()..];
    let flags: Vec<&str> = stty.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig"] {
        if !flags.contains(&flag) {
            problems.push(format!("raw mode: `stty -a` shows no `{flag}`"));
        }
    }
    let exit = stty.lines().next().unwrap_or("").trim().to_string();
    let (alternate, hidden) =
        kurs.screen(|screen| (screen.alternate_screen(), screen.hide_cursor()));
    if alternate {
        problems.push("still on the alternate screen".into());
    }
    if hidden {
        problems.push("the cursor is hidden".into());
    }
    println!(
        "panic safety: 1 panic while a screen is shown ({exit}), restored before the message: \
         main screen, cursor, mouse; raw mode off afterwards; problems: {}",
        problems.len()
    );
    assert_eq!(exit, "EXIT=101", "the panic exit code");
    assert!(problems.is_empty(), "{problems:?}\n{out:?}");
}
