//! Drawing into `TestBackend`: one frame of the largest module with every section expanded at
//! 80×24 and 200×60, one frame of the library screen for the large and the small library, and
//! one key handled and drawn in process (`update` + frame), the pseudo-terminal left out.

mod support;

use std::hint::black_box;

use kurs::course::Library as Model;
use kurs::progress::ProgressStore;
use kurs::tui::action::Action;
use kurs::tui::state::{ModuleRef, Screen};
use kurs::tui::{State, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{Library, full_progress, measuring, median, us, verdict, write_progress};

/// The player on the library screen with progress for every module, sized `width`×`height`.
fn player(library: Model, dir: &std::path::Path, width: u16, height: u16) -> State {
    let file = dir.join(format!("progress-{width}x{height}.toml"));
    write_progress(&file, &full_progress(&library));
    let (store, _) = ProgressStore::open(file);
    let mut state = State::new(library, store, None, Some(1));
    update::update(&mut state, Action::Resize { width, height });
    state
}

/// The module with the most text.
fn largest_module(library: &Model) -> ModuleRef {
    let mut best = (
        0,
        ModuleRef {
            course: 0,
            module: 0,
        },
    );
    for (c, course) in library.courses.iter().enumerate() {
        for (m, module) in course.modules.iter().enumerate() {
            let size: usize = module.sections.iter().map(|s| s.body.len()).sum::<usize>()
                + module.intro.as_ref().map_or(0, String::len);
            if size > best.0 {
                best = (
                    size,
                    ModuleRef {
                        course: c,
                        module: m,
                    },
                );
            }
        }
    }
    best.1
}

fn open_expanded(state: &mut State, at: ModuleRef) {
    update::open_module(state, at, None);
    if let Screen::Module(screen) = &mut state.screen {
        screen.expanded.fill(true);
    }
}

/// The median over rounds of (time for 200 frames of `a`) ÷ (time for 200 frames of `b`),
/// the two drawn in turns at 80×24.
fn interleaved_ratio(a: &Model, b: &Model, end: bool, dir: &std::path::Path) -> f64 {
    let mut states = [a, b].map(|model| {
        let mut state = player(model.clone(), dir, 80, 24);
        if end {
            update::update(&mut state, Action::End);
        }
        state
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut time = |state: &mut State| {
        let start = std::time::Instant::now();
        for _ in 0..200 {
            frame(&mut terminal, state);
        }
        start.elapsed().as_secs_f64()
    };
    let [first, second] = &mut states;
    time(first);
    time(second);
    let mut ratios: Vec<f64> = (0..41).map(|_| time(first) / time(second)).collect();
    ratios.sort_by(f64::total_cmp);
    ratios[ratios.len() / 2]
}

fn frame(terminal: &mut Terminal<TestBackend>, state: &State) {
    terminal
        .draw(|frame| view::view(black_box(state), frame))
        .expect("drawn");
}

fn main() {
    let large = Library::large();
    let small = Library::small();
    let large_model = large.load();
    let small_model = small.load();
    let at = largest_module(&large_model);
    let dir = tempfile::tempdir().expect("temp folder");

    let mut c = support::criterion();
    let mut group = c.benchmark_group("draw");
    for (width, height) in [(80, 24), (200, 60)] {
        let mut state = player(large_model.clone(), dir.path(), width, height);
        open_expanded(&mut state, at);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        group.bench_function(format!("module_{width}x{height}"), |b| {
            b.iter(|| frame(&mut terminal, &state))
        });
    }
    // Whether a frame depends on the library's size is seen best with the same screen: the
    // large library at its top shows its first course, at its end its last one, so each is
    // compared with a library of that one course alone (49 courses fewer, same lines on
    // screen). The small library (other content; it does not fill 80×24) is drawn for
    // reference, and at 80×12, where it does.
    let first_alone = kurs::course::Library {
        courses: large_model.courses[..1].to_vec(),
        ..large_model.clone()
    };
    let last_alone = kurs::course::Library {
        courses: large_model.courses[large_model.courses.len() - 1..].to_vec(),
        ..large_model.clone()
    };
    let libraries = [
        ("large", &large_model, 24, false),
        ("first_course_alone", &first_alone, 24, false),
        ("large_end", &large_model, 24, true),
        ("last_course_alone_end", &last_alone, 24, true),
        ("small", &small_model, 24, false),
        ("large_80x12", &large_model, 12, false),
        ("small_80x12", &small_model, 12, false),
    ];
    for (name, model, height, end) in libraries {
        let mut state = player(model.clone(), dir.path(), 80, height);
        if end {
            update::update(&mut state, Action::End);
        }
        let mut terminal = Terminal::new(TestBackend::new(80, height)).expect("terminal");
        group.bench_function(format!("library_{name}"), |b| {
            b.iter(|| frame(&mut terminal, &state))
        });
    }
    group.finish();

    // A key as the run loop handles it: update, then the frame; Down and Up take turns.
    let mut group = c.benchmark_group("key");
    for (name, module) in [("library", None), ("module", Some(at))] {
        let mut state = player(large_model.clone(), dir.path(), 80, 24);
        if let Some(at) = module {
            open_expanded(&mut state, at);
        }
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let mut down = true;
        group.bench_function(format!("{name}_down_up"), |b| {
            b.iter(|| {
                let action = if down { Action::Down } else { Action::Up };
                down = !down;
                update::update(&mut state, action);
                frame(&mut terminal, &state);
            })
        });
    }
    group.finish();
    c.final_summary();

    if measuring() {
        println!("\ndraw (TestBackend):");
        let figure = |name: &str| median("draw", name);
        if let Some(small) = figure("module_80x24") {
            verdict(
                "largest module, all open, 80×24",
                &us(small),
                "(reported)",
                Some(true),
            );
        }
        if let Some(big) = figure("module_200x60") {
            verdict(
                "largest module, all open, 200×60",
                &us(big),
                "≤ 1 ms",
                Some(big.as_secs_f64() <= 1e-3),
            );
        }
        for (large, small, target) in [
            ("library_large", "library_first_course_alone", false),
            ("library_large_end", "library_last_course_alone_end", false),
            ("library_large", "library_small", false),
            ("library_large_80x12", "library_small_80x12", false),
        ] {
            if let (Some(l), Some(s)) = (figure(large), figure(small)) {
                let ratio = l.as_secs_f64() / s.as_secs_f64();
                let (text, met) = if target {
                    ("within 10 %", Some((ratio - 1.0).abs() <= 0.10))
                } else {
                    ("(reported; see interleaved)", Some(true))
                };
                verdict(
                    &format!("{large} ÷ {small}"),
                    &format!("{ratio:.2}× ({} / {})", us(l), us(s)),
                    text,
                    met,
                );
            }
        }
        // Criterion measures one benchmark after the other, so load on a shared machine can
        // shift between them; for the size target the two libraries also take turns, 41 rounds
        // of 200 frames each, and the median of the per-round ratios is the figure.
        for (name, a, b, end) in [
            ("top", &large_model, &first_alone, false),
            ("end", &large_model, &last_alone, true),
        ] {
            let ratio = interleaved_ratio(a, b, end, dir.path());
            verdict(
                &format!(
                    "library frame, large ÷ one course alone, same screen ({name}), interleaved"
                ),
                &format!("{ratio:.3}×"),
                "within 10 %",
                Some((ratio - 1.0).abs() <= 0.10),
            );
        }
        for name in ["library_down_up", "module_down_up"] {
            if let Some(time) = median("key", name) {
                verdict(
                    &format!("key {name} in process (update + frame)"),
                    &us(time),
                    "(part of ≤ 16 ms)",
                    Some(true),
                );
            }
        }
    }
}
