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
    // The small library does not fill 80×24 (18 of 22 rows), so it is also drawn at 80×12,
    // where both fill the screen; and the large one with its last module selected, where every
    // course above the screen is counted.
    let libraries = [
        ("large", &large_model, 24, false),
        ("small", &small_model, 24, false),
        ("large_80x12", &large_model, 12, false),
        ("small_80x12", &small_model, 12, false),
        ("large_end", &large_model, 24, true),
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
        for (large, small) in [
            ("library_large", "library_small"),
            ("library_large_80x12", "library_small_80x12"),
            ("library_large_end", "library_small"),
        ] {
            if let (Some(l), Some(s)) = (figure(large), figure(small)) {
                let ratio = l.as_secs_f64() / s.as_secs_f64();
                verdict(
                    &format!("{large} ÷ {small}"),
                    &format!("{ratio:.2}× ({} / {})", us(l), us(s)),
                    "within 10 %",
                    Some((ratio - 1.0).abs() <= 0.10),
                );
            }
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
