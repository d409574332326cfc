//! Failing writes: saves that fail (the store's write hook, a folder that turns read-only, a full
//! disk) leave the last good file intact, the learner is told, and the next successful save writes
//! everything that was done meanwhile.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use kurs::course::{Depth, Source, load};
use kurs::i18n::Lang;
use kurs::progress::{Progress, ProgressStore};
use kurs::tui::action::Action;
use kurs::tui::state::Screen;
use kurs::tui::{State, update::update};

use crate::support::fixtures::*;
use crate::support::player::draw;
use crate::support::pty::{NOBODY, Pty};

const NOT_SAVED: &str = "Progress is not being saved";

fn stored(file: &Path) -> Progress {
    let (store, notices) = ProgressStore::open(file);
    assert!(notices.is_empty(), "{notices:?}");
    store.progress().clone()
}

fn temp_files(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Everything a learner does in the test course while saving fails: read both sections, mark the
/// module learned, answer both questions, finish the attempt.
fn work_through_the_module(state: &mut State) -> usize {
    let actions = [
        Action::Activate, // open the module
        Action::Activate, // open section 1
        Action::Down,
        Action::Activate, // open section 2
        Action::Learned,
        Action::Practice,
        Action::Digit(1), // the right choice
        Action::Activate, // check
        Action::Activate, // next question
        Action::Digit(1), // "false", the right answer
        Action::Activate, // check
        Action::Activate, // finish: the attempt
    ];
    for action in actions {
        update(state, action);
    }
    assert!(matches!(state.screen, Screen::Result(_)), "at the result");
    // Saving actions: two sections, learned, two answers, the attempt.
    6
}

fn assert_everything_saved(progress: &Progress) {
    let module = progress
        .module("kurs-en", "m1-passwords")
        .expect("the module is stored");
    assert_eq!(module.opened_sections.len(), 2, "{module:?}");
    assert!(module.learned_at.is_some(), "{module:?}");
    assert_eq!(module.questions.len(), 2, "{module:?}");
    assert_eq!(module.attempts.len(), 1, "{module:?}");
    assert!(module.attempts[0].passed, "{module:?}");
}

#[test]
fn saves_failing_by_the_write_hook_keep_the_last_good_file_and_catch_up() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let (library, report) = load(&Source::Path(course_en()), Depth::Full);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let (mut store, _) = ProgressStore::open(&file);
    assert_eq!(
        store.update("kurs-en", |p| p.set_place("kurs-en", "elsewhere", None)),
        None
    );
    let good = std::fs::read(&file).unwrap();

    let mut state = State::new(library, store, Some(Lang::En), Some(1));
    state.store.set_write_failure(true);
    let failed = work_through_the_module(&mut state);
    let screen = draw(&mut state);
    let told = screen.contains(NOT_SAVED);
    let intact = std::fs::read(&file).unwrap() == good;
    let strays = temp_files(dir.path());

    state.store.set_write_failure(false);
    update(&mut state, Action::Back); // back to the module: nothing to save yet
    update(&mut state, Action::Back); // to the library: the place is saved, and with it everything
    let after = draw(&mut state);
    let progress = stored(&file);
    println!(
        "failing writes (write hook): {failed} saves failed, last good file intact: {intact}, \
         learner told: {told}, stray temporary files: {}, all changes saved by the next save: {}",
        strays.len(),
        progress.module("kurs-en", "m1-passwords").is_some()
    );
    assert!(told, "{screen}");
    assert!(intact);
    assert!(strays.is_empty(), "{strays:?}");
    assert_everything_saved(&progress);
    assert!(!after.contains(NOT_SAVED), "the warning is gone:\n{after}");
}

/// Starts the real player in a pty on `file`, as nobody when the test runs as root.
fn start_player(file: &Path, as_other_user: bool) -> Pty {
    Pty::kurs(&[
        course_en().to_str().unwrap(),
        "--progress",
        file.to_str().unwrap(),
        "--lang",
        "en",
    ])
    .run_as_nobody(as_other_user)
    .start()
}

/// The full-screen player while `block` makes saving fail and `unblock` lets it work again.
fn failing_then_working(
    what: &str,
    reason: &str,
    folder: &Path,
    as_other_user: bool,
    block: impl FnOnce(),
    unblock: impl FnOnce(),
) {
    let file = folder.join("progress.toml");
    let good = b"schema_version = 1\n".to_vec();
    std::fs::write(&file, &good).unwrap();
    if as_other_user {
        std::os::unix::fs::chown(&file, Some(NOBODY), Some(NOBODY)).unwrap();
    }
    let mut kurs = start_player(&file, as_other_user);
    kurs.wait_for("M1 Strong passwords");
    block();
    kurs.send("\r"); // open the module
    kurs.wait_for("Length beats complexity");
    kurs.send("\r"); // open the first section: a save
    kurs.send("l"); // mark learned: a save
    let screen = kurs.wait_for(NOT_SAVED);
    let intact = std::fs::read(&file).unwrap() == good;
    let strays = temp_files(folder);
    unblock();
    kurs.send("\x1b[B"); // down to the second section
    kurs.send("\r"); // open it: a save that works again
    let after = kurs.wait_gone(NOT_SAVED);
    kurs.send("\x1b");
    kurs.send("q");
    assert!(kurs.wait_exit().success());
    if as_other_user {
        // kurs made the folder of the course files for the user it ran as; a kurs of another
        // user (this test) rightly refuses it, so it is handed back before the test reads it.
        let courses = ProgressStore::courses_folder(&file);
        std::os::unix::fs::chown(&courses, Some(0), Some(0)).unwrap();
    }
    let progress = stored(&file);
    let module = progress.module("kurs-en", "m1-passwords");
    let caught_up = module.is_some_and(|m| m.opened_sections.len() == 2 && m.learned_at.is_some());
    println!(
        "failing writes ({what}): 2 saves failed, last good file intact: {intact}, learner told: \
         true, stray temporary files: {}, all changes saved by the next save: {caught_up}",
        strays.len()
    );
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(reason),
        "the reason {reason:?} is given:\n{screen}"
    );
    assert!(intact);
    assert!(strays.is_empty(), "{strays:?}");
    assert!(caught_up, "{progress:?}\n{after}");
}

#[test]
fn a_folder_turning_read_only_is_told_and_caught_up_in_the_real_player() {
    let root = is_root();
    if root && !has_setpriv() {
        println!("failing writes (read-only folder): skipped, root without setpriv");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let folder = dir.path().join("state");
    std::fs::create_dir(&folder).unwrap();
    if root {
        std::os::unix::fs::chown(&folder, Some(NOBODY), Some(NOBODY)).unwrap();
    }
    let mode = |m| std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(m)).unwrap();
    failing_then_working(
        "a folder turning read-only",
        "Permission denied",
        &folder,
        root,
        || mode(0o555),
        || mode(0o755),
    );
}

/// The child for the full-disk test: runs in its own mount namespace with a tiny tmpfs.
#[test]
fn child_full_disk() {
    let Some(folder) = std::env::var_os("KURS_CHILD_FULL_DISK") else {
        return;
    };
    let folder = Path::new(&folder);
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs"])
        .arg(folder)
        .status()
        .unwrap();
    if !mounted.success() {
        println!("SKIP cannot mount a tmpfs");
        return;
    }
    let filler = folder.join("filler");
    failing_then_working(
        "a full disk",
        "No space left on device",
        folder,
        false,
        || {
            // Fill every last block.
            use std::io::Write;
            let mut out = std::fs::File::create(&filler).unwrap();
            let block = [0u8; 4096];
            while out.write_all(&block).is_ok() {}
            let byte = [0u8; 1];
            while out.write_all(&byte).is_ok() {}
        },
        || std::fs::remove_file(&filler).unwrap(),
    );
    println!("FULL DISK DONE");
}

#[test]
fn a_full_disk_is_told_and_caught_up_in_the_real_player() {
    let unshare = Command::new("unshare").arg("--version").output();
    if !is_root() || !unshare.is_ok_and(|o| o.status.success()) {
        println!("failing writes (full disk): skipped, needs root and unshare for a private tmpfs");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("disk");
    std::fs::create_dir(&folder).unwrap();
    let out = Command::new("unshare")
        .args(["--mount", "--propagation", "private"])
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            &test_name(module_path!(), "child_full_disk"),
            "--nocapture",
        ])
        .env("KURS_CHILD_FULL_DISK", &folder)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if stdout.contains("SKIP") {
        println!("failing writes (full disk): skipped, no tmpfs could be mounted");
        return;
    }
    for line in stdout.lines().filter(|l| l.starts_with("failing writes")) {
        println!("{line}");
    }
    assert!(
        out.status.success() && stdout.contains("FULL DISK DONE"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_plain_player_tells_failing_saves_and_never_claims_they_worked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    std::fs::write(&file, "schema_version = 1\n").unwrap();
    let sources = kurs::session::Sources {
        courses: Some(course_en()),
        progress: file.clone(),
    };
    let options = kurs::session::Options {
        lang: Some(Lang::En),
        seed: Some(1),
        time: Default::default(),
    };
    let mut told_and_honest = 0;
    let scripts = ["1\n1\n4\nquit\n", "1\n1\n4\n"];
    for script in scripts {
        let mut session = kurs::session::Session::open(&sources).unwrap();
        session.store.set_write_failure(true);
        let mut out = Vec::new();
        let code = kurs::plain::run_with(session, options, script.as_bytes(), &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(code.is_ok(), "{code:?}");
        assert!(text.contains(NOT_SAVED), "{text}");
        let last = text.trim_end().lines().last().unwrap_or("");
        assert!(
            !last.contains("Progress saved"),
            "the farewell claims a save that failed: {last:?}"
        );
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "schema_version = 1\n"
        );
        told_and_honest += 1;
    }
    println!(
        "failing writes (plain player): {} sessions with failing saves, told and never claimed \
         saved: {told_and_honest}, last good file intact: true",
        scripts.len()
    );
}
