//! Loading and checking the large library: the parse-only baseline (the same files into
//! `toml::Table`), `kurs check`'s work on one thread and on all cores, and the whole process.
//! The targets are ratios, so each is also measured paired: both sides in turns, round by round.

mod support;

use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};

use criterion::Throughput;
use kurs::course::files::{Files, Memory};
use kurs::course::{Target, discover, load_each};
use support::pty::KURS;
use support::{Library, Paired, measuring, median, ms, rounds, verdict};

/// Every file read and parsed into a `toml::Table`, one after the other: what any TOML reader
/// must spend at least.
fn parse_only(files: &Memory) -> usize {
    let mut keys = 0;
    for path in files.files.keys() {
        let bytes = files
            .read(std::path::Path::new(""), path)
            .expect("in memory");
        let text = std::str::from_utf8(&bytes).expect("UTF-8");
        let table: toml::Table = text.parse().expect("valid TOML");
        keys += table.len();
    }
    keys
}

/// What `kurs check` does with the files: load every course with all checks, on `threads`.
fn check(files: &Memory, targets: &[Target], threads: usize) -> usize {
    let mut diagnostics = 0;
    load_each(
        files,
        targets,
        threads,
        kurs::course::Depth::Check,
        |course, report| {
            diagnostics += report.diagnostics.len();
            black_box(course);
        },
    );
    diagnostics
}

fn main() {
    let large = Library::large();
    let files = large.memory();
    let targets = discover(&files, Path::new("")).expect("courses found");
    assert_eq!(check(&files, &targets, 1), 0, "the library checks clean");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    let mut c = support::criterion();
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(large.bytes() as u64));
    group.bench_function("parse_only", |b| b.iter(|| parse_only(black_box(&files))));
    group.bench_function("check_1_thread", |b| {
        b.iter(|| check(black_box(&files), &targets, 1))
    });
    group.bench_function("check_all_cores", |b| {
        b.iter(|| check(black_box(&files), &targets, cores))
    });
    group.sample_size(10);
    group.bench_function("check_process", |b| {
        b.iter(|| {
            let status = Command::new(KURS)
                .arg("check")
                .arg(&large.dir)
                .stdout(Stdio::null())
                .status()
                .expect("kurs check runs");
            assert!(status.success());
        })
    });
    group.finish();
    c.final_summary();

    if measuring() {
        println!(
            "\nload: {} files, {} bytes, {cores} cores",
            large.file_count(),
            large.bytes()
        );
        fn timed(f: impl Fn() -> usize) -> impl FnMut() -> std::time::Duration {
            move || {
                let started = std::time::Instant::now();
                black_box(f());
                started.elapsed()
            }
        }
        let parse_vs_one = Paired::run(
            rounds(15),
            timed(|| check(&files, &targets, 1)),
            timed(|| parse_only(&files)),
        );
        let one_vs_all = Paired::run(
            rounds(15),
            timed(|| check(&files, &targets, 1)),
            timed(|| check(&files, &targets, cores)),
        );
        println!("paired, 15 rounds each, median (min–max):");
        let ratio = parse_vs_one.ratio();
        verdict(
            "check, 1 thread ÷ parse only (paired)",
            &ratio.ratio(),
            "≤ 1.25×",
            Some(ratio.median <= 1.25),
        );
        println!(
            "      1 thread {}, parse only {}",
            parse_vs_one.a_time().millis(),
            parse_vs_one.b_time().millis()
        );
        let speedup = one_vs_all.ratio();
        verdict(
            &format!("check speed-up on {cores} cores (paired)"),
            &speedup.ratio(),
            "≥ 1.6×",
            Some(speedup.median >= 1.6),
        );
        println!(
            "      1 thread {}, {cores} threads {}",
            one_vs_all.a_time().millis(),
            one_vs_all.b_time().millis()
        );
        println!("criterion medians (separate runs, not paired):");
        let parse = median("load", "parse_only");
        let one = median("load", "check_1_thread");
        let all = median("load", "check_all_cores");
        let process = median("load", "check_process");
        if let (Some(parse), Some(one)) = (parse, one) {
            let ratio = one.as_secs_f64() / parse.as_secs_f64();
            verdict(
                "check, 1 thread ÷ parse only",
                &format!("{ratio:.2}× ({} / {})", ms(one), ms(parse)),
                "(reported)",
                Some(true),
            );
        }
        if let (Some(one), Some(all)) = (one, all) {
            let speedup = one.as_secs_f64() / all.as_secs_f64();
            verdict(
                &format!("check speed-up on {cores} cores"),
                &format!("{speedup:.2}× ({})", ms(all)),
                "(reported)",
                Some(true),
            );
        }
        if let Some(process) = process {
            verdict("kurs check process", &ms(process), "(reported)", Some(true));
        }
    }
}
