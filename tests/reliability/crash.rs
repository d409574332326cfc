//! Crash during save: a child process saves progress in a loop and is killed with SIGKILL at a
//! random moment, again and again. After every kill the file must parse and hold exactly the state
//! before or after the save that was in flight — never a mix, never less.
//!
//! Default run: 100 kills. `KURS_LONG_TESTS=1`: 1000 kills.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use kurs::progress::{Progress, ProgressStore};
use rand::{Rng, SeedableRng};

use crate::support::fixtures::{long, test_name};

/// Modules written by every save, each carrying the save's number: a torn write shows up as a mix.
const MODULES: usize = 24;
const COURSE: &str = "crash-test";

/// The state number `n` as progress: every module answered with fingerprint `n`, the place at `n`.
fn set_state(progress: &mut Progress, n: usize) {
    let stamp = format!("2026-11-28T17:{:02}:{:02}Z", (n / 60) % 60, n % 60);
    for m in 0..MODULES {
        let module = format!("module-{m:02}");
        progress.record_answer(
            COURSE,
            &module,
            "q",
            &n.to_string(),
            if n.is_multiple_of(2) { 100 } else { 0 },
            &stamp,
        );
    }
    progress.set_place(COURSE, "module-00", Some(n));
}

/// Which state the progress holds; an error when its parts disagree (a torn or mixed write).
fn state_of(progress: &Progress) -> Result<usize, String> {
    let Some(course) = progress.courses.get(COURSE) else {
        return if progress.courses.is_empty() {
            Ok(0)
        } else {
            Err(format!("unexpected courses: {:?}", progress.courses.keys()))
        };
    };
    let n = course.last_section.ok_or("no place stored")?;
    if course.modules.len() != MODULES {
        return Err(format!(
            "{} modules instead of {MODULES}",
            course.modules.len()
        ));
    }
    for (id, module) in &course.modules {
        let record = module
            .questions
            .get("q")
            .ok_or(format!("{id}: no answer"))?;
        if record.fingerprint != n.to_string() || record.correct != (n.is_multiple_of(2)) {
            return Err(format!(
                "{id} holds state {} while the place says {n}",
                record.fingerprint
            ));
        }
    }
    Ok(n)
}

/// The child: saves state after state until it is killed, saying "saved N" after each save returned.
#[test]
fn child_saves_in_a_loop() {
    let Some(file) = std::env::var_os("KURS_CHILD_SAVE_LOOP") else {
        return;
    };
    let (mut store, notices) = ProgressStore::open(PathBuf::from(file));
    assert!(notices.is_empty(), "child found {notices:?}");
    println!("ready");
    loop {
        let mut saved = 0;
        let notice = store.update(COURSE, |p| {
            saved = state_of(p).expect("the file holds a whole state") + 1;
            set_state(p, saved);
        });
        assert_eq!(notice, None, "save {saved} failed");
        println!("saved {saved}");
    }
}

/// Temporary files a save leaves behind when it is killed before the rename.
/// Names of the files in the progress folder and in its course folder.
fn names_in(dir: &Path) -> Vec<String> {
    let courses = ProgressStore::courses_folder(&dir.join("progress.toml"));
    [dir.to_path_buf(), courses]
        .iter()
        .filter_map(|folder| std::fs::read_dir(folder).ok())
        .flat_map(|entries| entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()))
        .collect()
}

fn leftovers(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

fn damaged_copies(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|name| name.contains(".damaged-"))
        .collect()
}

#[test]
fn killing_a_save_at_any_moment_never_damages_the_file() {
    let kills = if long() { 1000 } else { 100 };
    let seed: u64 = std::env::var("KURS_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::rng().random());
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let exe = std::env::current_exe().unwrap();

    let mut damaged = Vec::new();
    let mut lost = Vec::new();
    let mut in_flight_written = 0;
    let mut saves = 0;
    let mut max_leftovers = 0;
    for kill in 0..kills {
        let before = match ProgressStore::open(&file) {
            (store, notices) if notices.is_empty() => state_of(store.progress()).unwrap(),
            (_, notices) => panic!("kill {kill}: the file is not clean before: {notices:?}"),
        };
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                &test_name(module_path!(), "child_saves_in_a_loop"),
                "--nocapture",
            ])
            .env("KURS_CHILD_SAVE_LOOP", &file)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while line.trim() != "ready" {
            line.clear();
            assert_ne!(out.read_line(&mut line).unwrap(), 0, "child ended early");
        }
        // A random moment within the next few saves.
        std::thread::sleep(Duration::from_micros(rng.random_range(0..40_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let mut acknowledged = before;
        for line in out.lines() {
            let Ok(line) = line else { break };
            if let Some(n) = line.strip_prefix("saved ") {
                acknowledged = n.trim().parse().unwrap();
            }
        }
        saves += acknowledged.saturating_sub(before);

        let (store, notices) = ProgressStore::open(&file);
        let found = if notices.is_empty() {
            state_of(store.progress())
        } else {
            Err(format!("{notices:?}"))
        };
        match found {
            Ok(n) if n == acknowledged => {}
            Ok(n) if n == acknowledged + 1 => in_flight_written += 1,
            Ok(n) => lost.push(format!(
                "kill {kill}: file holds state {n}, saved were {acknowledged}"
            )),
            Err(error) => {
                damaged.push(format!("kill {kill}: {error}"));
                break;
            }
        }
        max_leftovers = max_leftovers.max(leftovers(dir.path()).len());
    }
    let copies = damaged_copies(dir.path());
    let remaining = leftovers(dir.path());
    println!(
        "crash during save: {kills} kills (seed {seed}), {saves} saves acknowledged, \
         {in_flight_written} kills after the rename of the save in flight, \
         {} damaged files, {} lost saves, {} damaged copies, \
         at most {max_leftovers} stray temporary files, {} left at the end",
        damaged.len(),
        lost.len(),
        copies.len(),
        remaining.len()
    );
    assert!(damaged.is_empty(), "{damaged:?}");
    assert!(lost.is_empty(), "{lost:?}");
    assert!(copies.is_empty(), "{copies:?}");
    // A kill between creating the temporary file and the rename leaves it behind; the next save
    // clears it, so they never pile up.
    assert!(
        max_leftovers <= 1,
        "temporary files pile up: {max_leftovers}"
    );
}
