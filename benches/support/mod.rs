//! What the benchmarks share: the synthetic libraries on disk and in memory, a progress file for
//! a whole library, criterion's settings, and the figures printed against the targets.

#![allow(dead_code)] // each benchmark uses a different part

#[path = "../../examples/generate_library.rs"]
mod generator;
// The pseudo-terminal harness of the integration tests, so benches and tests drive kurs the same way.
#[path = "../../tests/support/pty.rs"]
pub mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use kurs::course::files::Memory;
use kurs::course::{Depth, Library as Model, Source, load};
use kurs::progress::{Attempt, Progress, ProgressStore};

pub use generator::{LARGE, SMALL};
use pty::Pty;

pub const SEED: u64 = 1;

/// A generated library: its files (relative paths) and the folder they were written to.
pub struct Library {
    pub name: &'static str,
    pub dir: PathBuf,
    pub files: Vec<(PathBuf, String)>,
}

impl Library {
    /// Generates the library and writes it under `target/tmp/bench-library/NAME`, replacing
    /// what an earlier run left there.
    pub fn on_disk(name: &'static str, (courses, modules): (usize, usize)) -> Library {
        let files = generator::library(SEED, courses, modules);
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("bench-library")
            .join(name);
        let _ = std::fs::remove_dir_all(&dir);
        generator::write(&dir, &files).expect("the benchmark library is written");
        Library { name, dir, files }
    }

    pub fn large() -> Library {
        Library::on_disk("large", LARGE)
    }

    pub fn small() -> Library {
        Library::on_disk("small", SMALL)
    }

    /// Bytes of all course files: the library's size on disk.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, text)| text.len()).sum()
    }

    /// The same files in memory, so loading is measured without the disk.
    pub fn memory(&self) -> Memory {
        let mut memory = Memory::default();
        for (path, text) in &self.files {
            memory.insert(path.clone(), text.as_bytes().to_vec());
        }
        memory
    }

    /// The library as the player sees it; it must load without a single diagnostic.
    pub fn load(&self) -> Model {
        let (library, report) = load(&Source::Path(self.dir.clone()), Depth::Full);
        assert!(
            report.diagnostics.is_empty(),
            "the generated library has problems: {:?}",
            report.diagnostics.first()
        );
        library
    }
}

/// Progress for every module of the library: all sections opened, learned, every question
/// answered, one attempt each — the largest progress file this library can give.
pub fn full_progress(library: &Model) -> Progress {
    let now = "2026-11-28T17:05:12Z";
    let mut progress = Progress::default();
    for course in &library.courses {
        for module in &course.modules {
            for s in 0..module.sections.len() {
                progress.open_section(&course.id, &module.id, s);
            }
            progress.set_learned(&course.id, &module.id, true, now);
            let Some(quiz) = &module.quiz else { continue };
            let mut results = std::collections::BTreeMap::new();
            for (i, question) in quiz.questions.iter().enumerate() {
                let correct = i % 3 != 0;
                progress.record_answer(
                    &course.id,
                    &module.id,
                    &question.id,
                    &question.fingerprint(),
                    if correct { 100 } else { 0 },
                    now,
                );
                results.insert(question.id.clone(), correct);
            }
            let points = results.values().filter(|r| **r).count() as u32;
            progress.record_attempt(
                &course.id,
                &module.id,
                Attempt {
                    at: now.to_string(),
                    points: kurs::progress::Points::whole(points),
                    max: results.len() as u32,
                    passed: points * 10 >= results.len() as u32 * 6,
                    results,
                },
            );
        }
    }
    progress
}

/// Writes `progress` to `path` the way the player does.
pub fn write_progress(path: &Path, progress: &Progress) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_dir_all(ProgressStore::courses_folder(path));
    let (mut store, _) = ProgressStore::open(path);
    for (id, course) in &progress.courses {
        let saved = store.update(id, |p| {
            p.courses.insert(id.clone(), course.clone());
            p.last_course.clone_from(&progress.last_course);
        });
        assert!(saved.is_none(), "progress saved: {saved:?}");
    }
}

/// Bytes of the progress at `path`: the index and every course file.
pub fn progress_bytes(path: &Path) -> u64 {
    let courses = std::fs::read_dir(ProgressStore::courses_folder(path))
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|entry| entry.metadata().ok())
                .map(|meta| meta.len())
                .sum()
        })
        .unwrap_or(0);
    std::fs::metadata(path).map_or(0, |meta| meta.len()) + courses
}

/// The library in a pseudo-terminal's screen: `kurs · Kursübersicht` and a module row.
pub const LIBRARY_DRAWN: &str = "Kursübersicht";

/// The player as the benchmarks time it: 80×24, and no pause after a key, because each key is
/// timed from its bytes to the frame that shows it.
pub fn start_kurs(args: &[&str]) -> Pty {
    Pty::kurs(args)
        .size(80, 24)
        .key_pause(Duration::ZERO)
        .start()
}

/// Peak resident memory (VmHWM) of a running process, in bytes.
pub fn peak_memory(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Criterion settings that keep a whole `cargo bench` run within a few minutes on two cores.
pub fn criterion() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args()
}

/// Whether this run measures (`cargo bench`) rather than only trying each benchmark once
/// (`cargo test --benches`) or listing them.
pub fn measuring() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test" || a == "--list")
}

/// The median criterion measured for `group/name`, from its report on disk (this run's or,
/// when the benchmark was filtered out, the last run's).
pub fn median(group: &str, name: &str) -> Option<Duration> {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent()?;
    let file = target
        .join("criterion")
        .join(group)
        .join(name)
        .join("new/estimates.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    let nanos = json["median"]["point_estimate"].as_f64()?;
    Some(Duration::from_nanos(nanos as u64))
}

/// One line of the summary: a figure, what it should be, and whether it is.
pub fn verdict(figure: &str, measured: &str, target: &str, met: Option<bool>) {
    let mark = match met {
        Some(true) => "met",
        Some(false) => "MISSED",
        None => "not measured",
    };
    println!("  {figure:<46} {measured:>18}   target {target:<24} {mark}");
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

pub fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}
