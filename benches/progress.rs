//! One progress save (lock, re-read, change, atomic write with fsync) when the file holds
//! progress for every module of the large library, and the parts it is made of.

mod support;

use std::hint::black_box;

use kurs::progress::{Progress, ProgressStore};
use support::{Library, full_progress, mb, measuring, median, ms, verdict, write_progress};

fn main() {
    let large = Library::large();
    let model = large.load();
    let progress = full_progress(&model);
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp folder");
    let file = dir.path().join("progress.toml");
    write_progress(&file, &progress);
    let bytes = std::fs::metadata(&file).expect("written").len();
    let text = std::fs::read_to_string(&file).expect("written");
    let (mut store, notices) = ProgressStore::open(&file);
    assert!(notices.is_empty(), "{notices:?}");
    let course = model.courses[0].id.clone();
    let module = model.courses[0].modules[0].id.clone();

    let mut c = support::criterion();
    let mut group = c.benchmark_group("progress");
    let mut section = 0;
    group.bench_function("save", |b| {
        b.iter(|| {
            section = (section + 1) % 8;
            let notice = store.update(|p| p.open_section(&course, &module, section));
            assert!(notice.is_none(), "{notice:?}");
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| toml::from_str::<Progress>(black_box(&text)).expect("parsed"))
    });
    group.bench_function("serialize", |b| {
        b.iter(|| toml::to_string_pretty(black_box(&progress)).expect("serialized"))
    });
    group.finish();
    c.final_summary();

    if measuring() {
        println!(
            "\nprogress file: {} for {} modules",
            mb(bytes),
            count(&model)
        );
        if let Some(save) = median("progress", "save") {
            verdict(
                "one progress save with fsync",
                &ms(save),
                "≤ 5 ms",
                Some(save.as_secs_f64() <= 0.005),
            );
        }
    }
}

fn count(model: &kurs::course::Library) -> usize {
    model.courses.iter().map(|c| c.modules.len()).sum()
}
