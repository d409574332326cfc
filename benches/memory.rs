//! Peak memory (resident set high-water mark) of `kurs check` and `kurs progress` on libraries of
//! growing size, and of the player on the large and the huge library, against the library's size
//! on disk. Not a criterion benchmark: a peak is read once per process, from GNU time or
//! /proc/PID/status (VmHWM).

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use support::pty::{ENTER, KURS};
use support::{
    Library, ProgressKind, mb, measuring, peak_memory, progress_bytes, start_kurs, verdict,
};

/// Peak memory of `kurs ARGS`: GNU time's "maximum resident set size" when it is there, else
/// VmHWM read every millisecond until the process ends (a lower bound).
fn process_peak(args: &[&std::ffi::OsStr]) -> u64 {
    if let Ok(output) = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(KURS)
        .args(args)
        .stdout(Stdio::null())
        .output()
        && output.status.success()
        && let Some(kb) = String::from_utf8_lossy(&output.stderr)
            .lines()
            .last()
            .and_then(|l| l.trim().parse::<u64>().ok())
    {
        return kb * 1024;
    }
    let mut child = Command::new(KURS)
        .args(args)
        .stdout(Stdio::null())
        .spawn()
        .expect("kurs runs");
    let mut peak = 0;
    while child.try_wait().expect("waited").is_none() {
        peak = peak.max(peak_memory(child.id()).unwrap_or(0));
        std::thread::sleep(Duration::from_millis(1));
    }
    peak
}

/// Peak memory of the player after the library screen, a module with every section open and
/// its quiz, with the progress file `progress`.
fn player_peak(library: &Library, progress: &Path) -> u64 {
    let folder = library.folder();
    let mut kurs = start_kurs(&[
        &folder,
        "--progress",
        progress.to_str().expect("UTF-8 path"),
    ]);
    kurs.wait_for("M1 ");
    kurs.send(ENTER);
    kurs.wait_for("M1 |");
    kurs.send("a");
    kurs.wait_for("›▾ 1.");
    kurs.send("p");
    kurs.wait_for("1 | 10");
    let peak = kurs
        .pid()
        .and_then(peak_memory)
        .expect("VmHWM of the player");
    kurs.stop();
    peak
}

fn on_disk(library: &Library) -> String {
    format!(
        "{} modules, {} on disk",
        library.shape.0 * library.shape.1,
        mb(library.bytes() as u64)
    )
}

fn main() {
    if !measuring() {
        println!("memory: measured only under `cargo bench`");
        return;
    }
    let small = Library::small();
    let large = Library::large();
    let huge = Library::huge();

    println!("\npeak memory:");
    for library in [&small, &large, &huge] {
        let peak = process_peak(&["check".as_ref(), library.dir.as_os_str()]);
        verdict(
            &format!("kurs check, {} ({})", library.name, on_disk(library)),
            &mb(peak),
            "< 20 MB",
            Some(peak < 20_000_000),
        );
    }
    for (library, kind) in [(&large, ProgressKind::Full), (&huge, ProgressKind::History)] {
        let progress = library.progress(kind);
        for json in [false, true] {
            let mut args: Vec<&std::ffi::OsStr> = vec!["progress".as_ref()];
            if json {
                args.push("--json".as_ref());
            }
            args.extend([
                "--progress".as_ref(),
                progress.as_os_str(),
                library.dir.as_os_str(),
            ]);
            let peak = process_peak(&args);
            verdict(
                &format!(
                    "kurs progress{}, {} (progress {})",
                    if json { " --json" } else { "" },
                    library.name,
                    mb(progress_bytes(&progress))
                ),
                &mb(peak),
                "< 20 MB",
                Some(peak < 20_000_000),
            );
        }
    }

    let dir = tempfile::tempdir().expect("temp folder");
    let none = dir.path().join("progress.toml");
    let mut peaks = Vec::new();
    for library in [&small, &large, &huge] {
        let _ = std::fs::remove_dir_all(dir.path().join("progress"));
        let _ = std::fs::remove_file(&none);
        let peak = player_peak(library, &none);
        peaks.push(peak);
        verdict(
            &format!(
                "player, no progress, {} ({})",
                library.name,
                on_disk(library)
            ),
            &format!(
                "{} = {:.2}×",
                mb(peak),
                peak as f64 / library.bytes() as f64
            ),
            "(reported)",
            Some(true),
        );
    }
    let ratio = peaks[2] as f64 / peaks[1] as f64;
    verdict(
        "player peak, huge ÷ large (no progress)",
        &format!("{ratio:.2}×"),
        "≤ 1.5×",
        Some(ratio <= 1.5),
    );
    let mut with_progress = Vec::new();
    for library in [&large, &huge] {
        let progress = library.progress(ProgressKind::Full);
        let peak = player_peak(library, &progress);
        with_progress.push(peak);
        let ratio = peak as f64 / library.bytes() as f64;
        verdict(
            &format!(
                "player, progress {}, {}",
                mb(progress_bytes(&progress)),
                library.name
            ),
            &format!("{} = {ratio:.2}×", mb(peak)),
            if library.name == "large" {
                "≤ 2× size on disk"
            } else {
                "(reported)"
            },
            Some(library.name != "large" || ratio <= 2.0),
        );
    }
    let ratio = with_progress[1] as f64 / with_progress[0] as f64;
    verdict(
        "player peak, huge ÷ large (each all done once)",
        &format!("{ratio:.2}×"),
        "(reported)",
        Some(true),
    );
    let history = huge.progress(ProgressKind::History);
    let peak = player_peak(&huge, &history);
    verdict(
        &format!("player, ten years ({}), huge", mb(progress_bytes(&history))),
        &mb(peak),
        "(reported)",
        Some(true),
    );
}
