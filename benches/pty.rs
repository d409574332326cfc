//! The real `kurs` binary in a pseudo-terminal: from process start to the first drawn library
//! screen (large and small library), and from one key press to the finished frame.

mod support;

use std::path::Path;
use std::time::Duration;

use criterion::SamplingMode;
use kurs::course::Library as Model;
use kurs::progress::Progress;
use support::pty::{DOWN, ENTER, UP};
use support::{LIBRARY_DRAWN, Library, full_progress, measuring, median, ms, start_kurs, verdict};

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

fn main() {
    let large = Library::large();
    let small = Library::small();
    let large_model = large.load();
    let small_model = small.load();
    let dir = tempfile::tempdir().expect("temp folder");

    let mut c = support::criterion();
    let mut group = c.benchmark_group("pty");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(6));
    for (name, library, model) in [
        ("large", &large, &large_model),
        ("small", &small, &small_model),
    ] {
        let progress = progress_file(model, dir.path(), &format!("start-{name}.toml"), None);
        let folder = library.dir.to_str().expect("UTF-8 path").to_string();
        group.bench_function(format!("start_{name}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let kurs = start_kurs(&[&folder, "--progress", &progress]);
                    let drawn = kurs.wait(library_drawn);
                    total += drawn - kurs.started;
                    kurs.stop();
                }
                total
            })
        });
    }

    // Keys: each press is timed from writing its bytes to the frame that shows its effect.
    let folder = large.dir.to_str().expect("UTF-8 path").to_string();
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
        println!("\npseudo-terminal:");
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
        if let Some(start) = median("pty", "start_small") {
            verdict(
                "start → library screen, small",
                &ms(start),
                "(reported)",
                Some(true),
            );
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
