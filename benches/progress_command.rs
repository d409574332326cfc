//! `kurs progress` as a learner runs it, the whole process: the table and the JSON, on the large
//! library with everything done once and on the huge one (10,000 modules) with ten years of
//! progress, each against `kurs check` on the same library. The target is a ratio: measured
//! paired, `kurs progress` and `kurs check` in turns, round by round.

mod support;

use std::process::Command;
use std::time::Duration;

use criterion::SamplingMode;
use support::pty::KURS;
use support::{
    Library, Paired, ProgressKind, mb, measuring, progress_bytes, rounds, time_process, verdict,
};

/// `kurs progress [--json] --progress FILE DIR`.
fn progress_command(library: &Library, progress: &std::path::Path, json: bool) -> Command {
    let mut command = Command::new(KURS);
    command.arg("progress");
    if json {
        command.arg("--json");
    }
    command.arg("--progress").arg(progress).arg(&library.dir);
    command
}

fn check_command(library: &Library) -> Command {
    let mut command = Command::new(KURS);
    command.arg("check").arg(&library.dir);
    command
}

fn main() {
    let large = Library::large();
    let huge = Library::huge();
    let cases = [
        (&large, large.progress(ProgressKind::Full), 15),
        (&huge, huge.progress(ProgressKind::History), 7),
    ];

    let mut c = support::criterion();
    let mut group = c.benchmark_group("progress_command");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for (library, progress, _) in &cases {
        let name = library.name;
        group.measurement_time(Duration::from_secs(if name == "huge" { 8 } else { 4 }));
        group.bench_function(format!("table_{name}"), |b| {
            b.iter(|| time_process(&mut progress_command(library, progress, false)))
        });
        group.bench_function(format!("json_{name}"), |b| {
            b.iter(|| time_process(&mut progress_command(library, progress, true)))
        });
    }
    // `kurs check` on the huge library takes seconds: measured in the pairs below only.
    group.finish();
    c.final_summary();

    if !measuring() {
        return;
    }
    for (library, progress, wanted) in &cases {
        println!(
            "\nkurs progress, {} library ({} modules, {} on disk; progress {}), paired: {} rounds, median (min–max):",
            library.name,
            library.shape.0 * library.shape.1,
            mb(library.bytes() as u64),
            mb(progress_bytes(progress)),
            rounds(*wanted),
        );
        for json in [false, true] {
            let paired = Paired::run(
                rounds(*wanted),
                || time_process(&mut progress_command(library, progress, json)),
                || time_process(&mut check_command(library)),
            );
            let ratio = paired.ratio();
            verdict(
                &format!(
                    "kurs progress{} ÷ kurs check",
                    if json { " --json" } else { "" }
                ),
                &ratio.ratio(),
                "≤ 0.3×",
                Some(ratio.median <= 0.3),
            );
            println!(
                "      kurs progress{} {}, kurs check {}",
                if json { " --json" } else { "" },
                paired.a_time().millis(),
                paired.b_time().millis()
            );
        }
    }
}
