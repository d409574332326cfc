//! The real `kurs` binary in a pseudo-terminal: from process start to the first drawn library
//! screen (small, large and huge library, with and without a large progress), and from one key
//! press to the finished frame. The targets of the start are ratios, measured paired: both
//! starts in turns, round by round.

mod support;

use std::path::Path;
use std::time::Duration;

use criterion::SamplingMode;
use kurs::course::Library as Model;
use kurs::progress::Progress;
use support::pty::{DOWN, ENTER, UP};
use support::{
    LIBRARY_DRAWN, Library, Paired, ProgressKind, full_progress, measuring, median, ms, rounds,
    start_kurs, verdict,
};

/// The library screen is drawn once the title and the first module row are on it.
fn library_drawn(text: &str) -> bool {
    text.contains(LIBRARY_DRAWN) && text.contains("M1 ")
}

/// The row holding the cursor `›` also holds `needle`.
fn cursor_on(text: &str, needle: &str) -> bool {
    text.lines()
        .any(|line| line.contains('›') && line.contains(needle))
}

/// A progress file for every module of `model`; `resume` says which module reopens at start.
fn progress_file(model: &Model, dir: &Path, name: &str, resume: Option<(usize, usize)>) -> String {
    let mut progress: Progress = full_progress(model);
    progress.last_course = None;
    if let Some((c, m)) = resume {
        let course = &model.courses[c];
        progress.set_place(&course.id, &course.modules[m].id, None);
    }
    let file = dir.join(name);
    support::write_progress(&file, &progress);
    file.to_str().expect("UTF-8 path").to_string()
}

/// Process start → the library screen drawn, once.
fn start_once(folder: &str, progress: &str) -> Duration {
    let kurs = start_kurs(&[folder, "--progress", progress]);
    let drawn = kurs.wait(library_drawn);
    let took = drawn - kurs.started;
    kurs.stop();
    took
}

fn main() {
    let large = Library::large();
    let small = Library::small();
    let huge = Library::huge();
    let large_model = large.load();
    let small_model = small.load();
    let dir = tempfile::tempdir().expect("temp folder");
    // No progress yet: a file that does not exist (the player writes nothing until a move).
    let none = dir.path().join("none").join("progress.toml");
    let none = none.to_str().expect("UTF-8 path").to_string();
    let large_full = large.progress(ProgressKind::Full);
    let large_full = large_full.to_str().expect("UTF-8 path").to_string();
    let huge_history = huge.progress(ProgressKind::History);
    let huge_history = huge_history.to_str().expect("UTF-8 path").to_string();

    let mut c = support::criterion();
    let mut group = c.benchmark_group("pty");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(6));
    let starts = [
        ("start_large", large.folder(), large_full.clone()),
        (
            "start_small",
            small.folder(),
            progress_file(&small_model, dir.path(), "start-small.toml", None),
        ),
        ("start_large_no_progress", large.folder(), none.clone()),
        ("start_huge_no_progress", huge.folder(), none.clone()),
        ("start_huge_history", huge.folder(), huge_history.clone()),
    ];
    for (name, folder, progress) in &starts {
        group.bench_function(*name, |b| {
            b.iter_custom(|iters| (0..iters).map(|_| start_once(folder, progress)).sum())
        });
    }
    // Keys: each press is timed from writing its bytes to the frame that shows its effect.
    let folder = large.folder();
    type Step = (&'static str, fn(&str) -> bool);
    let scenarios: [(&str, Option<&str>, [Step; 2]); 3] = [
        (
            "key_library_down_up",
            None,
            [
                (DOWN, |t| cursor_on(t, "M2 ")),
                (UP, |t| cursor_on(t, "M1 ")),
            ],
        ),
        (
            "key_module_down_up",
            Some("a"),
            [
                (DOWN, |t| t.contains("›▾ 2.")),
                (UP, |t| t.contains("›▾ 1.")),
            ],
        ),
        (
            "key_module_toggle_saves",
            None,
            [
                (ENTER, |t| t.contains("›▾ 1.")),
                (ENTER, |t| t.contains("›▸ 1.")),
            ],
        ),
    ];
    for (name, prepare, steps) in scenarios {
        let resume = name.contains("module").then_some((0, 0));
        let progress = progress_file(&large_model, dir.path(), &format!("{name}.toml"), resume);
        let mut kurs = start_kurs(&[&folder, "--progress", &progress]);
        if resume.is_some() {
            kurs.wait_for("M1 |");
        } else {
            kurs.wait(library_drawn);
        }
        if let Some(keys) = prepare {
            kurs.send(keys);
            kurs.wait_for("›▾ 1.");
        }
        let mut step = 0;
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let (key, done) = steps[step % 2];
                    step += 1;
                    let sent = kurs.send(key);
                    total += kurs.wait(done) - sent;
                    // Let the rest of the frame arrive before the next key (not timed).
                    std::thread::sleep(Duration::from_millis(3));
                }
                total
            })
        });
        kurs.stop();
    }
    group.finish();
    c.final_summary();

    if measuring() {
        println!("\npseudo-terminal, paired: 15 rounds, median (min–max):");
        let (large_dir, huge_dir) = (large.folder(), huge.folder());
        let scale = Paired::run(
            rounds(15),
            || start_once(&huge_dir, &none),
            || start_once(&large_dir, &none),
        );
        let huge_time = scale.a_time();
        verdict(
            "start → library screen, huge (10,000 modules)",
            &huge_time.millis(),
            "≤ 100 ms",
            Some(huge_time.median <= 0.100),
        );
        println!("      large (1,000 modules) {}", scale.b_time().millis());
        let ratio = scale.ratio();
        verdict(
            "start, huge ÷ large (no progress)",
            &ratio.ratio(),
            "≤ 1.3×",
            Some(ratio.median <= 1.3),
        );
        let with_progress = Paired::run(
            rounds(15),
            || start_once(&large_dir, &large_full),
            || start_once(&large_dir, &none),
        );
        let ratio = with_progress.ratio();
        verdict(
            &format!(
                "start, large: with {} progress ÷ without",
                support::mb(support::progress_bytes(std::path::Path::new(&large_full)))
            ),
            &ratio.ratio(),
            "≤ 1.2×",
            Some(ratio.median <= 1.2),
        );
        println!(
            "      with {}, without {}",
            with_progress.a_time().millis(),
            with_progress.b_time().millis()
        );
        let history = Paired::run(
            rounds(9),
            || start_once(&huge_dir, &huge_history),
            || start_once(&huge_dir, &none),
        );
        verdict(
            &format!(
                "start, huge: with ten years ({}) ÷ without",
                support::mb(support::progress_bytes(std::path::Path::new(&huge_history)))
            ),
            &history.ratio().ratio(),
            "(reported)",
            Some(true),
        );
        println!(
            "      with {}, without {}",
            history.a_time().millis(),
            history.b_time().millis()
        );
        println!("criterion medians (separate runs, not paired):");
        let parse = median("load", "parse_only");
        if let Some(start) = median("pty", "start_large") {
            verdict(
                "start → library screen, large",
                &ms(start),
                "≤ 150 ms",
                Some(start.as_secs_f64() <= 0.150),
            );
            match parse {
                Some(parse) => verdict(
                    "start (large) ÷ parse-only of the library",
                    &format!(
                        "{:.2}× ({})",
                        start.as_secs_f64() / parse.as_secs_f64(),
                        ms(parse)
                    ),
                    "≤ 1×",
                    Some(start <= parse),
                ),
                None => verdict("start ÷ parse-only (run the load bench)", "-", "≤ 1×", None),
            }
        }
        for name in [
            "start_small",
            "start_large_no_progress",
            "start_huge_no_progress",
            "start_huge_history",
        ] {
            if let Some(start) = median("pty", name) {
                verdict(
                    &format!("{name} → library screen"),
                    &ms(start),
                    "(reported)",
                    Some(true),
                );
            }
        }
        for name in [
            "key_library_down_up",
            "key_module_down_up",
            "key_module_toggle_saves",
        ] {
            if let Some(time) = median("pty", name) {
                verdict(
                    &format!("{name} → frame"),
                    &ms(time),
                    "≤ 16 ms",
                    Some(time.as_secs_f64() <= 0.016),
                );
            }
        }
    }
}
