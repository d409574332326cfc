//! Two writers: two kurs processes record answers into the same progress file at the same time.
//! Every answer either of them recorded must be in the file afterwards.
//!
//! Default run: 50 answers per process. `KURS_LONG_TESTS=1`: 500 per process.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kurs::progress::ProgressStore;

use crate::support::fixtures::{long, test_name};

const COURSE: &str = "writers";
/// Both processes write into the same module, so every save is a read-merge-write of one table.
const MODULE: &str = "shared";

/// The child: waits for "go" on stdin, then records `count` answers, one save each.
#[test]
fn child_records_answers() {
    let (Some(file), Some(name), Some(count)) = (
        std::env::var_os("KURS_CHILD_WRITER_FILE"),
        std::env::var("KURS_CHILD_WRITER_NAME").ok(),
        std::env::var("KURS_CHILD_WRITER_COUNT").ok(),
    ) else {
        return;
    };
    let count: usize = count.parse().unwrap();
    let (mut store, notices) = ProgressStore::open(PathBuf::from(file));
    assert!(notices.is_empty(), "{notices:?}");
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).unwrap();
    let mut failed = 0;
    for i in 0..count {
        let question = format!("{name}-q{i:04}");
        let now = kurs::progress::now();
        let notice = store.update(COURSE, |p| {
            p.record_answer(
                COURSE,
                MODULE,
                &question,
                "f",
                if i.is_multiple_of(3) { 0 } else { 100 },
                &now,
            );
            p.open_section(COURSE, MODULE, i);
        });
        if let Some(notice) = notice {
            failed += 1;
            eprintln!("{notice:?}");
        }
    }
    println!("written {} failed {failed}", count - failed);
}

#[test]
fn two_processes_saving_at_once_lose_no_answer() {
    let count: usize = if long() { 500 } else { 50 };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let exe = std::env::current_exe().unwrap();
    let mut children: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|name| {
            Command::new(&exe)
                .args([
                    "--exact",
                    &test_name(module_path!(), "child_records_answers"),
                    "--nocapture",
                ])
                .env("KURS_CHILD_WRITER_FILE", &file)
                .env("KURS_CHILD_WRITER_NAME", name)
                .env("KURS_CHILD_WRITER_COUNT", count.to_string())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap()
        })
        .collect();
    // Both are running and have read the (empty) file; start them together.
    for child in &mut children {
        child.stdin.take().unwrap().write_all(b"go\n").unwrap();
    }
    let mut written = 0;
    let mut failed = 0;
    for mut child in children {
        let out = BufReader::new(child.stdout.take().unwrap());
        for line in out.lines() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("written ") {
                let (ok, bad) = rest.split_once(" failed ").unwrap();
                written += ok.parse::<usize>().unwrap();
                failed += bad.parse::<usize>().unwrap();
            }
        }
        assert!(child.wait().unwrap().success());
    }

    let (store, notices) = ProgressStore::open(&file);
    assert!(notices.is_empty(), "{notices:?}");
    let module = store.progress().module(COURSE, MODULE).expect("the module");
    let mut lost = Vec::new();
    for name in ["a", "b"] {
        for i in 0..count {
            let question = format!("{name}-q{i:04}");
            match module.questions.get(&question) {
                Some(record) if record.correct != i.is_multiple_of(3) => {}
                other => lost.push(format!("{question}: {other:?}")),
            }
        }
    }
    let sections_lost = (0..count)
        .filter(|i| !module.opened_sections.contains(i))
        .count();
    println!(
        "two writers: {} updates ({count} per process), {written} written, {failed} not saved, \
         {} answers lost, {sections_lost} opened sections lost",
        2 * count,
        lost.len()
    );
    assert_eq!(failed, 0);
    assert_eq!(written, 2 * count);
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(sections_lost, 0);
}
