//! What the benchmarks share: the synthetic libraries on disk (kept between runs, keyed by shape
//! and seed) and in memory, progress files for a whole library, criterion's settings, paired
//! measurements (two things timed in turns, so that a ratio holds on a busy machine), and the
//! figures printed against the targets.

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
use std::time::Instant;

pub use generator::{GENERATOR_VERSION, HISTORY_ATTEMPTS, HUGE, LARGE, SMALL};
use pty::Pty;

pub const SEED: u64 = 1;

/// A generated library on disk: its name, shape and the folder it lies in.
pub struct Library {
    pub name: &'static str,
    pub dir: PathBuf,
    pub shape: (usize, usize),
    bytes: usize,
    files: usize,
}

/// Where generated things are kept between runs: `target/tmp/`.
fn kept(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder)
}

impl Library {
    /// The library of this shape, generated and written under `target/tmp/bench-library/` the
    /// first time and found there on later runs (200 MB take a while to write). A copy is known
    /// complete by the mark written after its last file.
    pub fn on_disk(name: &'static str, shape: (usize, usize)) -> Library {
        let (courses, modules) = shape;
        let dir = kept("bench-library").join(format!(
            "{name}-{courses}x{modules}-seed{SEED}-v{GENERATOR_VERSION}"
        ));
        let mark = dir.join(".complete");
        let known = std::fs::read_to_string(&mark).ok().and_then(|text| {
            let (bytes, files) = text.trim().split_once(' ')?;
            Some((bytes.parse().ok()?, files.parse().ok()?))
        });
        let (bytes, files) = known.unwrap_or_else(|| {
            let files = generator::library(SEED, courses, modules);
            let _ = std::fs::remove_dir_all(&dir);
            generator::write(&dir, &files).expect("the benchmark library is written");
            let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
            std::fs::write(&mark, format!("{bytes} {}\n", files.len())).expect("mark written");
            (bytes, files.len())
        });
        Library {
            name,
            dir,
            shape,
            bytes,
            files,
        }
    }

    pub fn large() -> Library {
        Library::on_disk("large", LARGE)
    }

    pub fn small() -> Library {
        Library::on_disk("small", SMALL)
    }

    /// 10,000 modules, about 200 MB.
    pub fn huge() -> Library {
        Library::on_disk("huge", HUGE)
    }

    /// Every file of the library, relative to its folder (generated again, not read).
    pub fn files(&self) -> Vec<(PathBuf, String)> {
        generator::library(SEED, self.shape.0, self.shape.1)
    }

    /// How many files the library has.
    pub fn file_count(&self) -> usize {
        self.files
    }

    /// The folder as a string, for command lines.
    pub fn folder(&self) -> String {
        self.dir.to_str().expect("UTF-8 path").to_string()
    }

    /// A progress file for the whole library, kept under `target/tmp/bench-progress/` between
    /// runs like the library: `Full` is one attempt at every quiz, `History` ten years.
    pub fn progress(&self, kind: ProgressKind) -> PathBuf {
        // Named with the progress format too: a new format is measured on files written in it.
        let folder = kept("bench-progress").join(format!(
            "{}-{kind:?}-format{}",
            self.dir.file_name().expect("named").to_string_lossy(),
            kurs::progress::SCHEMA_VERSION
        ));
        let file = folder.join("progress.toml");
        let mark = folder.join(".complete");
        if !mark.exists() {
            let _ = std::fs::remove_dir_all(&folder);
            std::fs::create_dir_all(&folder).expect("progress folder");
            let model = self.load();
            let mut progress = match kind {
                ProgressKind::Full => full_progress(&model),
                ProgressKind::History => generator::history(SEED, &model, HISTORY_ATTEMPTS),
            };
            // The player starts on the library screen, not in the last module.
            progress.last_course = None;
            drop(model);
            write_progress(&file, &progress);
            std::fs::write(&mark, "").expect("mark written");
        }
        file
    }

    /// Bytes of all course files: the library's size on disk.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// The same files in memory, so loading is measured without the disk.
    pub fn memory(&self) -> Memory {
        let mut memory = Memory::default();
        for (path, text) in self.files() {
            memory.insert(path, text.into_bytes());
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

/// Which progress a benchmark gives the player.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressKind {
    /// Everything done once: [`full_progress`].
    Full,
    /// Ten years: every quiz taken five times ([`generator::history`]).
    History,
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
    generator::write_progress(path, progress);
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

/// Two things timed in turns, round after round, so that both meet the same load of a shared
/// machine: their ratio holds where each time alone moves by a fifth from run to run.
pub struct Paired {
    pub a: Vec<Duration>,
    pub b: Vec<Duration>,
}

/// A median with the smallest and largest value it is the median of.
#[derive(Clone, Copy, Debug)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    pub fn of(mut values: Vec<f64>) -> Spread {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if n == 0 {
            f64::NAN
        } else if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        };
        Spread {
            median,
            min: values.first().copied().unwrap_or(f64::NAN),
            max: values.last().copied().unwrap_or(f64::NAN),
        }
    }

    /// `1.23× (1.10–1.31)`
    pub fn ratio(&self) -> String {
        format!("{:.2}× ({:.2}–{:.2})", self.median, self.min, self.max)
    }

    /// `12.3 ms (11.0–14.1)`, for seconds.
    pub fn millis(&self) -> String {
        format!(
            "{:.1} ms ({:.1}–{:.1})",
            self.median * 1e3,
            self.min * 1e3,
            self.max * 1e3
        )
    }
}

impl Paired {
    /// `rounds` rounds of one run of `a` and one of `b`, the order changing every round.
    pub fn run(
        rounds: usize,
        mut a: impl FnMut() -> Duration,
        mut b: impl FnMut() -> Duration,
    ) -> Paired {
        let mut paired = Paired {
            a: Vec::with_capacity(rounds),
            b: Vec::with_capacity(rounds),
        };
        for round in 0..rounds {
            if round % 2 == 0 {
                paired.a.push(a());
                paired.b.push(b());
            } else {
                paired.b.push(b());
                paired.a.push(a());
            }
        }
        paired
    }

    /// a ÷ b, round by round.
    pub fn ratio(&self) -> Spread {
        Spread::of(
            self.a
                .iter()
                .zip(&self.b)
                .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64())
                .collect(),
        )
    }

    pub fn a_time(&self) -> Spread {
        Spread::of(self.a.iter().map(Duration::as_secs_f64).collect())
    }

    pub fn b_time(&self) -> Spread {
        Spread::of(self.b.iter().map(Duration::as_secs_f64).collect())
    }
}

/// How long `command` takes to run to its end, its output thrown away; it must succeed.
pub fn time_process(command: &mut std::process::Command) -> Duration {
    let started = Instant::now();
    let status = command
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the command runs");
    let took = started.elapsed();
    assert!(status.success(), "{command:?} failed");
    took
}

/// Rounds of a paired measurement: fewer when only trying the benchmarks.
pub fn rounds(wanted: usize) -> usize {
    if measuring() { wanted } else { 1 }
}
