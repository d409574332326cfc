//! Signals from outside and absurd terminal sizes, against the real player in a pseudo-terminal:
//! SIGTERM, SIGHUP and SIGINT save the place and restore the terminal; SIGTSTP steps out to the
//! shell and SIGCONT brings the screen back, redrawn and answering keys; 65535×65535 is clamped.

#![cfg(unix)]

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::fixtures::course_en;
use crate::support::pty::{KURS, Pty};

/// kurs in `sh`, which reports the exit status and the terminal's modes after kurs ends.
fn kurs_in_shell(progress: &Path) -> Pty {
    let script = "\"$0\" \"$@\"; echo \"EXIT=$?\"; stty -a; echo STTY-DONE";
    let line: Vec<String> = [
        "sh",
        "-c",
        script,
        KURS,
        course_en().to_str().unwrap(),
        "--progress",
        progress.to_str().unwrap(),
        "--lang",
        "en",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    Pty::program(&line).start()
}

/// kurs's own pid: the child of the shell the harness started.
fn kurs_pid(shell: u32) -> u32 {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next() {
            return pid.parse().unwrap();
        }
        assert!(Instant::now() < deadline, "kurs did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args(["-s", signal, &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

/// The process state letter from /proc (`T` when stopped).
fn state_of(pid: u32) -> char {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| stat.rsplit(')').next().map(str::to_string))
        .and_then(|rest| rest.trim().chars().next())
        .unwrap_or('?')
}

fn wait_state(pid: u32, want: char) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while state_of(pid) != want {
        assert!(Instant::now() < deadline, "kurs never reached state {want}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What the terminal is like after kurs: problems found, empty when it is restored.
fn restored(pty: &Pty) -> Vec<String> {
    let mut problems = Vec::new();
    let after = pty.wait_for("STTY-DONE");
    for flag in ["icanon", "echo", "isig"] {
        if !after.split_whitespace().any(|f| f == flag) {
            problems.push(format!("`stty -a` shows no `{flag}`"));
        }
    }
    let (alternate, hidden) = pty.screen(|s| (s.alternate_screen(), s.hide_cursor()));
    if alternate {
        problems.push("still on the alternate screen".into());
    }
    if hidden {
        problems.push("the cursor is hidden".into());
    }
    problems
}

#[test]
fn a_signal_to_end_saves_the_place_and_restores_the_terminal() {
    let mut told = Vec::new();
    for signal in ["TERM", "HUP", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let progress = dir.path().join("progress.toml");
        let mut pty = kurs_in_shell(&progress);
        pty.wait_for("Test course");
        let kurs = kurs_pid(pty.pid().unwrap());
        // Into the module: the place to come back to exists only in memory until kurs leaves.
        pty.send("\r");
        pty.wait_for("Strong passwords");
        kill(signal, kurs);
        let after = pty.wait_for("STTY-DONE");
        let exit = after
            .lines()
            .find(|l| l.starts_with("EXIT="))
            .unwrap_or("")
            .to_string();
        let problems = if signal == "HUP" {
            // After a hang-up the terminal is gone for good; what counts is the progress.
            Vec::new()
        } else {
            restored(&pty)
        };
        let stored = std::fs::read_to_string(
            kurs::progress::ProgressStore::courses_folder(&progress).join("kurs-en.toml"),
        )
        .unwrap_or_default();
        let saved = stored.contains("last_module");
        told.push(format!(
            "SIG{signal}: {exit}, place saved {saved}, {problems:?}"
        ));
        assert!(saved, "SIG{signal}: the place was not saved:\n{stored}");
        assert!(problems.is_empty(), "SIG{signal}: {problems:?}\n{after}");
        let _ = pty.wait_exit();
    }
    println!("signals to end: {}", told.join("; "));
}

#[test]
fn a_stop_steps_out_to_the_shell_and_a_continue_redraws_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let mut pty = kurs_in_shell(&progress);
    pty.wait_for("Test course");
    let kurs = kurs_pid(pty.pid().unwrap());
    kill("TSTP", kurs);
    wait_state(kurs, 'T');
    pty.wait_screen("the shell's screen while stopped", |s| {
        !s.alternate_screen()
    });
    kill("CONT", kurs);
    pty.wait_screen("the player's screen again", |s| s.alternate_screen());
    let screen = pty.wait_for("Test course");
    assert!(screen.contains("M1 Strong passwords"), "{screen}");
    // Keys answer again (raw mode is back): open the module, then quit.
    pty.send("\r");
    pty.wait_for("Strong passwords");
    pty.send("\x1b");
    pty.send("q");
    let after = pty.wait_for("STTY-DONE");
    assert!(after.contains("EXIT=0"), "{after}");
    assert!(restored(&pty).is_empty(), "{:?}", restored(&pty));
    println!(
        "stop and continue: stopped (state T), main screen while stopped, redrawn after SIGCONT, keys work, exit 0"
    );
}

/// kurs alone in its terminal (as an interactive shell runs it, in a process group of its
/// own): the terminal's Ctrl-C reaches kurs only.
#[test]
fn ctrl_c_works_after_an_escape_sequence_cut_off_in_the_middle() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let mut pty = Pty::kurs(&[
        course_en().to_str().unwrap(),
        "--progress",
        progress.to_str().unwrap(),
    ])
    .start();
    pty.wait_for("Test course");
    // Raw bytes, as a broken terminal or a cut-off paste sends them: the start of a key with
    // modifiers, never finished; then Ctrl-C.
    pty.send("\x1b[1;");
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}\n{}", pty.text());
    pty.wait_screen("the main screen", |s| !s.alternate_screen());
    assert!(!pty.screen(|s| s.hide_cursor()), "the cursor is hidden");
    println!("cut-off escape sequence then Ctrl-C: kurs quit with 0, main screen and cursor back");
}

#[test]
fn an_absurd_terminal_size_is_clamped_and_the_player_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let mut pty = kurs_in_shell(&progress);
    pty.wait_for("Test course");
    let kurs = kurs_pid(pty.pid().unwrap());
    pty.resize_terminal_only(65535, 65535);
    std::thread::sleep(Duration::from_millis(500));
    assert_ne!(state_of(kurs), 'Z', "kurs ended at 65535×65535");
    pty.resize(80, 24);
    // Drawn again at 80×24 when the key bar is back on the last row.
    pty.wait_screen("the player at 80×24 again", |s| {
        s.contents()
            .lines()
            .last()
            .is_some_and(|l| l.contains("q quit"))
    });
    let screen = pty.wait_for("Test course");
    assert!(screen.contains("M1 Strong passwords"), "{screen}");
    pty.send("q");
    let after = pty.wait_for("STTY-DONE");
    assert!(after.contains("EXIT=0"), "{after}");
    println!("65535×65535: laid out at most 1000×500, the player went on, exit 0");
}

/// Random bytes into the real binary (not events: the bytes go through the terminal and
/// crossterm's parser), then Ctrl-C: kurs always ends, and ends restored.
#[test]
fn ctrl_c_ends_kurs_after_any_random_bytes() {
    use rand::{Rng, SeedableRng};
    let runs = if crate::support::fixtures::long() {
        120
    } else {
        12
    };
    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let mut ended = 0;
    for run in 0..runs {
        let dir = tempfile::tempdir().unwrap();
        let progress = dir.path().join("progress.toml");
        let mut pty = Pty::kurs(&[
            course_en().to_str().unwrap(),
            "--progress",
            progress.to_str().unwrap(),
        ])
        .start();
        pty.wait_for("Test course");
        // Escape sequences cut anywhere, and bytes of every kind but the terminal's own signal
        // keys (Ctrl-C, Ctrl-Z, Ctrl-\), which would end or stop kurs before the test's Ctrl-C.
        let mut bytes = Vec::new();
        for _ in 0..rng.random_range(1..40) {
            if rng.random_bool(0.3) {
                bytes.extend_from_slice(b"\x1b[");
            }
            let byte: u8 = rng.random();
            if ![0x03, 0x1a, 0x1c].contains(&byte) {
                bytes.push(byte);
            }
        }
        pty.send_bytes(&bytes);
        pty.send("\x03");
        let status = pty.wait_exit();
        assert!(status.success(), "run {run}: {status:?} after {bytes:?}");
        pty.wait_screen("the main screen", |s| !s.alternate_screen());
        ended += 1;
    }
    println!(
        "random bytes then Ctrl-C: {ended} of {runs} runs ended with 0 and the main screen back"
    );
}

/// The window of the terminal closed while a shell led the session: the shell gets the hang-up
/// and ends, but kurs, in the shell's process group, gets no SIGHUP and reads the gone terminal
/// as endless end-of-file. crossterm then never returns from its read (see `END_GRACE` in
/// `src/tui/terminal.rs`); before, kurs spun there at full speed for ever.
#[test]
fn a_terminal_closed_under_kurs_ends_it_even_when_no_hangup_signal_comes() {
    use portable_pty::{CommandBuilder, NativePtySystem, PtySize, PtySystem};
    use std::io::Read;

    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let pty = NativePtySystem::default()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new("sh");
    // `; true`: the shell stays, leading the session, instead of becoming kurs.
    command.args([
        "-c",
        "\"$0\" \"$@\"; true",
        KURS,
        course_en().to_str().unwrap(),
        "--progress",
        progress.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    command.env("TERM", "xterm-256color");
    command.env_remove("NO_COLOR");
    let mut shell = pty.slave.spawn_command(command).expect("the shell starts");
    drop(pty.slave);
    let kurs = kurs_pid(shell.process_id().unwrap());
    // The first screen is read, then the reader ends and with it the last handle on the
    // terminal but the master's.
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let (shown, seen) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut screen = Vec::new();
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            screen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&screen).contains("Test course") {
                break;
            }
        }
        let _ = shown.send(());
    });
    seen.recv_timeout(Duration::from_secs(60))
        .expect("kurs showed its first screen");
    drop(pty.master);
    let _ = shell.wait();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut gone = false;
    while Instant::now() < deadline {
        if matches!(state_of(kurs), '?' | 'Z') {
            gone = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if !gone {
        let _ = std::process::Command::new("kill")
            .args(["-9", &kurs.to_string()])
            .status();
    }
    println!("terminal closed under kurs: ended {gone}");
    assert!(gone, "kurs went on after its terminal was closed");
}
