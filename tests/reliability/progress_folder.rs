//! The progress folder, the size of a progress file, the lock: the real binary (`kurs progress`,
//! the plain player through stdin, the full-screen player in a pty) next to files kurs did not
//! write and links in its folder, in a folder others may write or another user owns, with a
//! course of 200 000 sections, with a save that would outgrow what kurs reads back, with the
//! same damaged bytes twice, and with the lock held by another process.

#![cfg(unix)]

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Instant;

use kurs::progress::{Progress, ProgressStore};

use crate::support::fixtures::*;
use crate::support::pty::{CTRL_C, KURS, NOBODY, PATIENCE, Pty};

/// The plain player, driven line by line through a pipe.
struct Plain {
    child: Child,
    stdin: Option<ChildStdin>,
    output: Receiver<Vec<u8>>,
    all: Vec<u8>,
    seen: usize,
}

impl Plain {
    fn start(course: &Path, progress: &Path) -> Plain {
        let mut child = Command::new(KURS)
            .arg(course)
            .args(["--plain", "--lang", "en", "--seed", "1", "--progress"])
            .arg(progress)
            .env_remove("KURS_PROGRESS")
            .env_remove("KURS_COURSES")
            .env("COLUMNS", "1000")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let (send, output) = channel();
        std::thread::spawn(move || {
            let mut buffer = vec![0u8; 1 << 16];
            while let Ok(n) = stdout.read(&mut buffer) {
                if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Plain {
            stdin: child.stdin.take(),
            child,
            output,
            all: Vec::new(),
            seen: 0,
        }
    }

    /// Waits (at most `PATIENCE`) until the output since the last wait holds `needle` and ends
    /// with a prompt; returns that output.
    fn wait_for(&mut self, needle: &str) -> String {
        self.wait_for_since(self.seen, needle)
    }

    /// As `wait_for`, looking at the output since `since` (an earlier `seen`).
    fn wait_for_since(&mut self, since: usize, needle: &str) -> String {
        let give_up = Instant::now() + PATIENCE;
        loop {
            let new = String::from_utf8_lossy(&self.all[since..]).into_owned();
            if new.contains(needle) && new.ends_with("> ") {
                self.seen = self.all.len();
                return new;
            }
            match self
                .output
                .recv_timeout(give_up.saturating_duration_since(Instant::now()))
            {
                Ok(bytes) => self.all.extend_from_slice(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!("waited {PATIENCE:?} for {needle:?}; output:\n{new}")
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("kurs ended before {needle:?}; output:\n{new}")
                }
            }
        }
    }

    fn type_line(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(format!("{line}\n").as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Types the number of the menu entry that reads `entry` in `menu`.
    fn pick(&mut self, menu: &str, entry: &str) {
        let number = menu
            .lines()
            .find_map(|line| {
                let (number, text) = line.trim().split_once(". ")?;
                text.contains(entry).then(|| number.to_string())
            })
            .unwrap_or_else(|| panic!("no entry {entry:?} in:\n{menu}"));
        self.type_line(&number);
    }

    /// Closes the input (or types `quit`) and waits (at most `PATIENCE`) for kurs to end;
    /// returns its exit code and everything it printed.
    fn end(mut self, quit: bool) -> (Option<i32>, String) {
        if quit {
            self.type_line("quit");
        }
        drop(self.stdin.take());
        let give_up = Instant::now() + PATIENCE;
        loop {
            match self
                .output
                .recv_timeout(give_up.saturating_duration_since(Instant::now()))
            {
                Ok(bytes) => self.all.extend_from_slice(&bytes),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!(
                        "kurs did not end within {PATIENCE:?}:\n{}",
                        String::from_utf8_lossy(&self.all)
                    );
                }
            }
        }
        let status = self.child.wait().unwrap();
        (
            status.code(),
            String::from_utf8_lossy(&self.all).into_owned(),
        )
    }
}

impl Drop for Plain {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The plain player on the test course after entering its first module (the first save: the
/// place) and reading every section of it, once its output since entering shows `then`;
/// returns the player and that output.
fn after_reading_the_first_module(progress: &Path, then: &str) -> (Plain, String) {
    let mut kurs = Plain::start(&course_en(), progress);
    let menu = kurs.wait_for("Choose a module");
    let entering = kurs.seen;
    kurs.pick(&menu, "M1 Strong passwords");
    let menu = kurs.wait_for("Choose what to do");
    kurs.pick(&menu, "Read all sections");
    kurs.wait_for("Choose what to do");
    let said = kurs.wait_for_since(entering, then);
    (kurs, said)
}

/// Reads every section of the first module of the test course, then quits; returns the exit
/// code and the output.
fn read_the_first_module(progress: &Path) -> (Option<i32>, String) {
    after_reading_the_first_module(progress, "Choose what to do")
        .0
        .end(true)
}

const BUSY: &str = "Another kurs is using this progress";

/// `kurs progress` on the test course and `progress`.
fn kurs_progress(progress: &Path) -> Output {
    Command::new(KURS)
        .args(["progress", "--progress"])
        .arg(progress)
        .arg(course_en())
        .env_remove("KURS_PROGRESS")
        .env_remove("KURS_COURSES")
        .env("COLUMNS", "1000")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Every path below `dir` with what it holds (a link as its target), sorted.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(&path).unwrap();
            out.push((path, target.into_os_string().into_encoded_bytes()));
        } else if meta.is_dir() {
            out.push((path.clone(), b"/".to_vec()));
            out.extend(tree(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

/// Everything the store holds, as the next start sees it; panics when it says anything is wrong.
fn stored(progress: &Path) -> Progress {
    let (store, notices) = ProgressStore::open(progress);
    assert!(notices.is_empty(), "{notices:?}");
    store.progress().clone()
}

/// The lines of `text` that speak of the progress folder or a progress file.
fn sentences_about_progress(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.contains("progress folder") || l.contains("rogress file"))
        .collect()
}

fn is_one_sentence(line: &str) -> bool {
    let line = line.trim().trim_start_matches("kurs: ");
    line.ends_with('.') && !line[..line.len() - 1].contains(". ")
}

#[test]
fn files_and_links_in_the_progress_folder_that_kurs_did_not_write_are_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    let folder = ProgressStore::courses_folder(&index);
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::write(folder.join("notes.toml"), "title = \"my own notes\"\n").unwrap();
    let target = elsewhere.path().join("precious.toml");
    std::fs::write(&target, "precious = true\n").unwrap();
    std::os::unix::fs::symlink(&target, folder.join("linked.toml")).unwrap();
    let nowhere = elsewhere.path().join("created.toml");
    std::os::unix::fs::symlink(&nowhere, folder.join("dangling.toml")).unwrap();
    let strangers = tree(&folder);
    let outside = tree(elsewhere.path());

    let shown = kurs_progress(&index);
    let after_kurs_progress = tree(&folder);
    let (code, said) = read_the_first_module(&index);
    let after_player = tree(&folder);
    // Read as the next start reads it, which also names the strangers again.
    let saved =
        kurs::progress::store::read_bytes(&std::fs::read(folder.join("kurs-en.toml")).unwrap())
            .unwrap();

    let lost: Vec<_> = strangers
        .iter()
        .filter(|s| !after_kurs_progress.contains(s) || !after_player.contains(s))
        .collect();
    let damaged = damaged_copies(&folder).len();
    let created_outside = tree(elsewhere.path()) != outside || nowhere.exists();
    let read = saved
        .module("kurs-en", "m1-passwords")
        .map_or(0, |m| m.opened_sections.len());
    println!(
        "progress folder: 3 files kurs did not write (a TOML file, a link to a file elsewhere, a \
         link to nowhere) through kurs progress and the plain player: {} changed or renamed, {} \
         damaged copies, created or changed outside the folder: {created_outside}; the \
         learner's progress saved beside them: {read} sections",
        lost.len(),
        damaged
    );
    assert!(shown.status.success(), "{shown:?}");
    assert_eq!(
        after_kurs_progress, strangers,
        "kurs progress changes nothing"
    );
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(damaged, 0);
    assert!(!created_outside);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(read, 2, "{said}");
    let told = sentences_about_progress(&said);
    assert_eq!(told.len(), 3, "one sentence for each:\n{said}");
    assert!(told.iter().all(|l| is_one_sentence(l)), "{told:?}");
}

#[test]
fn kurs_progress_renames_nothing_even_when_files_are_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    let (code, said) = read_the_first_module(&index);
    assert_eq!(code, Some(0), "{said}");
    let course_file = ProgressStore::courses_folder(&index).join("kurs-en.toml");
    let whole = std::fs::read(&course_file).unwrap();
    std::fs::write(&course_file, &whole[..whole.len() / 2]).unwrap();
    std::fs::write(&index, "schema_version = [half a fi").unwrap();
    let before = tree(dir.path());

    let shown = kurs_progress(&index);
    let json = Command::new(KURS)
        .args(["progress", "--json", "--progress"])
        .arg(&index)
        .arg(course_en())
        .env_remove("KURS_PROGRESS")
        .output()
        .unwrap();
    let after = tree(dir.path());
    let stderr = String::from_utf8_lossy(&shown.stderr);
    let changed = before.iter().filter(|e| !after.contains(e)).count()
        + after.iter().filter(|e| !before.contains(e)).count();
    println!(
        "kurs progress on a damaged index and a damaged course file: {} paths before, {} after, \
         {changed} renamed, changed or created; {} sentences",
        before.len(),
        after.len(),
        stderr.lines().count()
    );
    assert!(shown.status.success() && json.status.success(), "{stderr}");
    assert_eq!(after, before);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(stderr.lines().all(is_one_sentence), "{stderr}");
    assert!(stderr.contains("is damaged"), "{stderr}");
}

/// The plain player on a folder kurs must refuse: one sentence, nothing written.
fn refused(what: &str, prepare: impl FnOnce(&Path), sentence: &str) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    let (code, said) = read_the_first_module(&index);
    assert_eq!(code, Some(0), "{said}");
    let folder = ProgressStore::courses_folder(&index);
    prepare(&folder);
    let before = tree(dir.path());
    let (code, said) = read_the_first_module(&index);
    let told: Vec<&str> = said.lines().filter(|l| l.contains(sentence)).collect();
    let shown = kurs_progress(&index);
    let stderr = String::from_utf8_lossy(&shown.stderr);
    let unchanged = tree(dir.path()) == before;
    println!(
        "progress folder {what}: plain player said {} sentence, exit {code:?}, files unchanged: \
         {unchanged}; kurs progress said {} sentence",
        told.len(),
        stderr.lines().filter(|l| l.contains(sentence)).count()
    );
    assert_eq!(told.len(), 1, "{said}");
    assert!(is_one_sentence(told[0]), "{told:?}");
    assert!(told[0].contains(&folder.display().to_string()), "names it");
    assert_eq!(code, Some(2), "nothing was saved");
    assert!(unchanged);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_progress_folder_others_may_write_is_refused_with_one_sentence() {
    refused(
        "writable by others",
        |folder| std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o777)).unwrap(),
        "other users may write in it",
    );
}

#[test]
fn a_progress_folder_of_another_user_is_refused_with_one_sentence() {
    if !is_root() {
        println!("progress folder of another user: skipped, only root can give a folder away");
        return;
    }
    refused(
        "owned by another user",
        |folder| std::os::unix::fs::chown(folder, Some(NOBODY), Some(NOBODY)).unwrap(),
        "it belongs to another user",
    );
}

/// A course of `modules` modules with `sections` short sections each.
fn many_sections(dir: &Path, modules: usize, sections: usize) -> PathBuf {
    let course = dir.join("many");
    std::fs::create_dir(&course).unwrap();
    let names: Vec<String> = (0..modules).map(|m| format!("\"m{m}.toml\"")).collect();
    std::fs::write(
        course.join("course.toml"),
        format!(
            "id = \"many\"\ntitle = \"Many\"\nlanguage = \"en\"\nmodules = [{}]\n",
            names.join(", ")
        ),
    )
    .unwrap();
    for m in 0..modules {
        let mut text = format!("id = \"m{m}\"\ntitle = \"Part {m}\"\n");
        for s in 0..sections {
            text.push_str(&format!("[[section]]\ntitle = \"S{s}\"\nbody = \"b\"\n"));
        }
        std::fs::write(course.join(format!("m{m}.toml")), text).unwrap();
    }
    course
}

#[test]
fn two_hundred_thousand_sections_read_make_a_file_kurs_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let (modules, sections) = (25, 8_000);
    let course = many_sections(dir.path(), modules, sections);
    let index = dir.path().join("progress.toml");
    let mut kurs = Plain::start(&course, &index);
    let mut menu = kurs.wait_for("Choose a module");
    for m in 0..modules {
        kurs.pick(&menu, &format!("Part {m}"));
        let actions = kurs.wait_for("Choose what to do");
        kurs.pick(&actions, "Read all sections");
        kurs.wait_for("Choose what to do");
        kurs.type_line("back");
        menu = kurs.wait_for("Choose a module");
    }
    let (code, said) = kurs.end(true);
    let file = ProgressStore::courses_folder(&index).join("many.toml");
    let size = std::fs::metadata(&file).unwrap().len();
    let progress = stored(&index);
    let read: usize = (0..modules)
        .map(|m| {
            progress
                .module("many", &format!("m{m}"))
                .map_or(0, |m| m.opened_sections.len())
        })
        .sum();
    println!(
        "{} sections read in the plain player: course file {size} bytes (kurs reads up to 16 MiB), \
         read back: {read} sections, exit {code:?}",
        modules * sections
    );
    assert_eq!(
        code,
        Some(0),
        "{}",
        &said[said.len().saturating_sub(2000)..]
    );
    assert_eq!(read, modules * sections);
    assert!(size < 64 * 1024, "{size} bytes");
}

#[test]
fn a_save_that_would_outgrow_what_kurs_reads_back_is_refused_and_the_old_file_kept() {
    const LIMIT: usize = 16 * 1024 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    // A course file just under the limit, as kurs wrote it: one answer with a huge fingerprint.
    let course_file = ProgressStore::courses_folder(&index).join("kurs-en.toml");
    let text_of = |len: usize| {
        let mut progress = Progress::default();
        let fingerprint = "f".repeat(len);
        progress.record_answer(
            "kurs-en",
            "old",
            "q",
            &fingerprint,
            100,
            "2026-01-01T00:00:00Z",
        );
        kurs::progress::store::file_text(&progress).unwrap()
    };
    // One letter of fingerprint: the answer is written in the same form as the huge one.
    let overhead = text_of(1).len() - 1;
    let text = text_of(LIMIT - overhead - 16);
    std::fs::create_dir(course_file.parent().unwrap()).unwrap();
    std::fs::set_permissions(
        course_file.parent().unwrap(),
        std::fs::Permissions::from_mode(0o700),
    )
    .unwrap();
    std::fs::write(&course_file, &text).unwrap();
    let before = std::fs::read(&course_file).unwrap();

    let (code, said) = read_the_first_module(&index);
    let told: Vec<&str> = said.lines().filter(|l| l.contains("MiB")).collect();
    let kept = std::fs::read(&course_file).unwrap() == before;
    let copies = damaged_copies(course_file.parent().unwrap()).len();
    let (code_again, said_again) = read_the_first_module(&index);
    let kept_again = std::fs::read(&course_file).unwrap() == before;
    println!(
        "a save past 16 MiB ({} byte file): refused with {} sentence (said once per session: {}), \
         old file kept: {kept}, after a second session: {kept_again}, damaged copies: {copies}, \
         exit {code:?} and {code_again:?}",
        before.len(),
        told.len(),
        said_again.lines().filter(|l| l.contains("MiB")).count() == 1
    );
    assert_eq!(told.len(), 1, "{said}");
    assert!(is_one_sentence(told[0]), "{told:?}");
    assert!(
        told[0].contains(&course_file.display().to_string()),
        "{told:?}"
    );
    assert!(kept && kept_again);
    assert_eq!(copies, 0);
    assert_eq!(code, Some(2), "nothing of the session was saved");
    assert_eq!(code_again, Some(2));
}

#[test]
fn the_same_damaged_bytes_kept_aside_twice_make_one_copy() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    let damage = b"schema_version = 3\n[courses.kurs-en\n";
    let mut sessions = 0;
    for _ in 0..3 {
        std::fs::write(&index, damage).unwrap();
        let (code, said) = Plain::start(&course_en(), &index).end(false);
        assert_eq!(code, Some(0), "{said}");
        assert!(said.contains("was damaged"), "{said}");
        sessions += 1;
    }
    let copies = damaged_copies(dir.path());
    println!(
        "the same damaged bytes at {sessions} starts of the plain player: {} kept aside",
        copies.len()
    );
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(std::fs::read(&copies[0]).unwrap(), damage);
}

/// Holds the progress lock as another process would (another kurs, or anything that locks it).
fn hold_the_lock(index: &Path) -> std::fs::File {
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(index.with_extension("toml.lock"))
        .unwrap();
    lock.try_lock().expect("the test takes the lock");
    lock
}

#[test]
fn a_lock_held_by_another_process_is_told_and_the_answers_are_saved_once_it_is_free() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    let held = hold_the_lock(&index);
    // Entering the module (its place) is the first save, and it meets the lock.
    let (mut kurs, actions) = after_reading_the_first_module(&index, BUSY);
    let told: Vec<String> = actions
        .lines()
        .filter(|l| l.contains("Another kurs"))
        .map(str::to_string)
        .collect();
    let answered_while_held = stored(&index).module("kurs-en", "m1-passwords").is_none();
    drop(held);
    kurs.pick(&actions, "Mark as learned");
    kurs.wait_for("Choose what to do");
    let (code, said) = kurs.end(true);
    let progress = stored(&index);
    let module = progress.module("kurs-en", "m1-passwords");
    let landed = module.is_some_and(|m| m.opened_sections.len() == 2 && m.learned_at.is_some());
    println!(
        "lock held by another process: the plain player told it in {} sentence, went on, nothing \
         written while held: {answered_while_held}, every answer saved once it was free: \
         {landed}, exit {code:?}",
        told.len()
    );
    assert_eq!(told.len(), 1, "{actions}");
    assert!(is_one_sentence(&told[0]), "{told:?}");
    assert!(told[0].contains(&index.display().to_string()), "{told:?}");
    assert!(answered_while_held);
    assert!(landed, "{progress:?}\n{said}");
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("Progress saved. Goodbye!"), "{said}");
}

#[test]
fn quit_and_ctrl_c_work_while_another_process_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    let _held = hold_the_lock(&index);

    // Plain mode: the learner quits while the lock is still held.
    let (kurs, _) = after_reading_the_first_module(&index, BUSY);
    let (code, said) = kurs.end(true);
    let honest = said.contains("Progress could not be saved");

    // The full-screen player: a section opened (a save that meets the lock), then Ctrl-C.
    let mut pty = Pty::kurs(&[
        course_en().to_str().unwrap(),
        "--progress",
        index.to_str().unwrap(),
        "--lang",
        "en",
    ])
    .size(200, 30)
    .start();
    pty.wait_for("M1 Strong passwords");
    pty.send("\r");
    pty.send("\r");
    let screen = pty.wait_for("Another kurs is using");
    pty.send(CTRL_C);
    let status = pty.wait_exit();
    println!(
        "lock held by another process: plain player quit with exit {code:?} (said it could not \
         save: {honest}); full-screen player told it and ended on Ctrl-C with exit {}",
        status.exit_code()
    );
    assert_eq!(code, Some(2), "{said}");
    assert!(honest, "{said}");
    assert!(screen.contains("progress.toml"), "{screen}");
    assert_eq!(status.exit_code(), 2, "unsaved progress exits 2");
}
