//! One progress save (lock, re-read, change, atomic write with fsync) when the progress holds
//! every module of the large library, and with ten years of progress over the huge library
//! (10,000 modules, five attempts each); and the parts a save is made of: the file of one course
//! parsed and written as text.

mod support;

use std::hint::black_box;

use kurs::progress::{Progress, ProgressStore};
use support::{
    Library, ProgressKind, full_progress, mb, measuring, median, ms, progress_bytes, verdict,
    write_progress,
};

fn main() {
    let large = Library::large();
    let model = large.load();
    let progress = full_progress(&model);
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp folder");
    let file = dir.path().join("progress.toml");
    write_progress(&file, &progress);
    let bytes = progress_bytes(&file);
    let course_file = ProgressStore::courses_folder(&file)
        .join(kurs::progress::store::file_name(&model.courses[0].id));
    let text = std::fs::read_to_string(&course_file).expect("written");
    let one_course: Progress = toml::from_str(&text).expect("a course file");
    let course_bytes = text.len() as u64;
    let (mut store, notices) = ProgressStore::open(&file);
    assert!(notices.is_empty(), "{notices:?}");
    let course = model.courses[0].id.clone();
    let module = model.courses[0].modules[0].id.clone();

    let huge = Library::huge();
    let history = huge.progress(ProgressKind::History);
    let history_bytes = progress_bytes(&history);
    // The huge library's first course and module, by the generator's naming (no 200 MB read).
    let huge_course = "kurs-001".to_string();
    let (mut history_store, notices) = ProgressStore::open(&history);
    assert!(notices.is_empty(), "{notices:?}");
    let huge_module = history_store.progress().courses[&huge_course]
        .modules
        .keys()
        .next()
        .expect("a module with progress")
        .clone();

    let mut c = support::criterion();
    let mut group = c.benchmark_group("progress");
    let mut section = 0;
    group.bench_function("save", |b| {
        b.iter(|| {
            section = (section + 1) % 8;
            let notice = store.update(&course, |p| p.open_section(&course, &module, section));
            assert!(notice.is_none(), "{notice:?}");
        })
    });
    // Every section is open already (opening one again would change nothing, and nothing would
    // be written): the section to come back to moves. `last_course` stays unset, so the players
    // of the other benchmarks still start on the library screen with this progress.
    let mut place = 0;
    group.bench_function("save_ten_years", |b| {
        b.iter(|| {
            place = (place + 1) % 8;
            let notice = history_store.update(&huge_course, |p| {
                let course = p.course_mut(&huge_course);
                course.last_module = Some(huge_module.clone());
                course.last_section = Some(place);
            });
            assert!(notice.is_none(), "{notice:?}");
        })
    });
    group.bench_function("parse_one_course", |b| {
        b.iter(|| toml::from_str::<Progress>(black_box(&text)).expect("parsed"))
    });
    group.bench_function("serialize_one_course", |b| {
        b.iter(|| toml::to_string_pretty(black_box(&one_course)).expect("serialized"))
    });
    group.bench_function("open_all", |b| {
        b.iter(|| ProgressStore::open(black_box(&file)))
    });
    group.finish();
    c.final_summary();

    if measuring() {
        println!(
            "\nprogress: {} for {} modules in {} courses; one course file {:.1} kB",
            mb(bytes),
            count(&model),
            model.courses.len(),
            course_bytes as f64 / 1000.0
        );
        println!(
            "ten years: {} for {} modules in {} courses, {} attempts each",
            mb(history_bytes),
            huge.shape.0 * huge.shape.1,
            huge.shape.0,
            support::HISTORY_ATTEMPTS
        );
        if let Some(save) = median("progress", "save_ten_years") {
            verdict(
                "one save with ten years of progress",
                &ms(save),
                "< 2 ms",
                Some(save.as_secs_f64() < 0.002),
            );
        }
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
