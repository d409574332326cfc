//! The fuzz corpus as a normal test: every input under `fuzz/corpus/` and the seeds built from the
//! sample courses and the test fixtures go through the same checks the fuzz targets run.
//!
//! `KURS_WRITE_FUZZ_SEEDS=1 cargo test --test reliability fuzz_corpus::` (re)writes the seed files.

#[path = "../../fuzz/fuzz_targets/common.rs"]
mod common;

use std::path::{Path, PathBuf};

use crate::support::fixtures::manifest;

/// Regular files directly in `dir` (symbolic links and folders left out), sorted.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.symlink_metadata().is_ok_and(|m| m.is_file()))
        .collect();
    files.sort();
    files
}

fn folders_in(dir: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders
}

/// A course folder as one input: `course.toml` and every other file in it as a module.
fn course_seed(folder: &Path) -> Vec<u8> {
    let course = std::fs::read(folder.join("course.toml")).unwrap_or_default();
    let modules: Vec<(String, Vec<u8>)> = files_in(folder)
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "course.toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    common::join_course(&course, &modules)
}

/// Seeds for the course loader: the sample courses, the player fixtures, every `kurs check`
/// fixture (module fixtures inside a minimal course).
fn course_seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = Vec::new();
    for base in [
        "courses",
        "tests/fixtures/player",
        "tests/fixtures/check/courses",
    ] {
        for folder in folders_in(&manifest().join(base)) {
            if folder.join("course.toml").is_file() {
                let name = format!("{}", folder.file_name().unwrap().to_string_lossy());
                seeds.push((name, course_seed(&folder)));
            }
        }
    }
    let minimal = b"id = \"fuzz\"\ntitle = \"Fuzz\"\nmodules = [\"m.toml\"]\n";
    for file in files_in(&manifest().join("tests/fixtures/check/modules")) {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let module = std::fs::read(&file).unwrap();
        seeds.push((
            name,
            common::join_course(minimal, &[("m.toml".into(), module)]),
        ));
    }
    seeds
}

/// Seeds for the progress reader: a file the real player wrote, a newer one, and the same file
/// cut in half.
fn progress_seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds: Vec<(String, Vec<u8>)> =
        files_in(&manifest().join("tests/fixtures/hostile/progress"))
            .into_iter()
            .map(|p| {
                let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&p).unwrap())
            })
            .collect();
    if let Some((_, real)) = seeds.iter().find(|(n, _)| n == "real") {
        let half = real[..real.len() / 2].to_vec();
        seeds.push(("real-half".into(), half));
    }
    seeds
}

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    files_in(&manifest().join("fuzz/corpus").join(target))
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

fn replay(target: &str, seeds: Vec<(String, Vec<u8>)>, check: fn(&[u8])) -> (usize, usize) {
    if std::env::var_os("KURS_WRITE_FUZZ_SEEDS").is_some() {
        let dir = manifest().join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in &seeds {
            std::fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
        }
    }
    let stored = corpus(target);
    let mut failed = Vec::new();
    for (name, bytes) in seeds.iter().chain(&stored) {
        if std::panic::catch_unwind(|| check(bytes)).is_err() {
            failed.push(name.clone());
        }
    }
    println!(
        "fuzz corpus {target}: {} seeds from the samples and fixtures, {} stored inputs, \
         failures {}",
        seeds.len(),
        stored.len(),
        failed.len()
    );
    assert!(failed.is_empty(), "{target}: {failed:?}");
    (seeds.len(), stored.len())
}

#[test]
fn the_course_loader_corpus_replays_cleanly() {
    let (seeds, _) = replay("course_loader", course_seeds(), common::check_course_input);
    assert!(seeds > 20, "seeds from every sample course and fixture");
}

#[test]
fn the_progress_reader_corpus_replays_cleanly() {
    replay(
        "progress_reader",
        progress_seeds(),
        common::check_progress_input,
    );
}

#[test]
fn a_sample_course_seed_loads_without_errors() {
    // The input format itself must carry a whole course, or the seeds would only test errors.
    let seed = course_seed(&manifest().join("courses/first-steps-online"));
    let files = common::split_course(&seed);
    let (library, report) = kurs::course::load_targets(
        &files,
        &[kurs::course::Target::Course(PathBuf::from("course"))],
        kurs::course::Depth::Full,
    );
    assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
    assert_eq!(library.courses.len(), 1);
}
