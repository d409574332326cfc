//! Peak memory (resident set high-water mark) of `kurs check` on libraries of growing size, and
//! of the player on the large library, against the library's size on disk. Not a criterion
//! benchmark: a peak is read once per process, from GNU time or /proc/PID/status (VmHWM).

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use support::pty::{ENTER, KURS};
use support::{LARGE, Library, mb, measuring, peak_memory, start_kurs, verdict};

/// Peak memory of `kurs check DIR`: GNU time's "maximum resident set size" when it is there,
/// else VmHWM read every millisecond until the process ends (a lower bound).
fn check_peak(library: &Library) -> u64 {
    if let Ok(output) = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(KURS)
        .arg("check")
        .arg(&library.dir)
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
        .arg("check")
        .arg(&library.dir)
        .stdout(Stdio::null())
        .spawn()
        .expect("kurs check runs");
    let mut peak = 0;
    while child.try_wait().expect("waited").is_none() {
        peak = peak.max(peak_memory(child.id()).unwrap_or(0));
        std::thread::sleep(Duration::from_millis(1));
    }
    peak
}

/// Peak memory of the player after the library screen, a module with every section open and
/// its quiz.
fn player_peak(library: &Library) -> u64 {
    let dir = tempfile::tempdir().expect("temp folder");
    let progress = dir.path().join("progress.toml");
    let model = library.load();
    let mut full = support::full_progress(&model);
    full.last_course = None;
    support::write_progress(&progress, &full);
    let folder = library.dir.to_str().expect("UTF-8 path");
    let mut kurs = start_kurs(&[folder, "--progress", progress.to_str().expect("UTF-8 path")]);
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

fn main() {
    if !measuring() {
        println!("memory: measured only under `cargo bench`");
        return;
    }
    let small = Library::small();
    let large = Library::large();
    let double = Library::on_disk("double", (LARGE.0 * 2, LARGE.1));

    println!("\npeak memory:");
    for library in [&small, &large, &double] {
        let peak = check_peak(library);
        verdict(
            &format!(
                "kurs check, {} ({} on disk)",
                library.name,
                mb(library.bytes() as u64)
            ),
            &mb(peak),
            "< 20 MB",
            Some(peak < 20_000_000),
        );
    }
    for library in [&small, &large] {
        let peak = player_peak(library);
        let ratio = peak as f64 / library.bytes() as f64;
        let met = library.name != "large" || ratio <= 2.0;
        verdict(
            &format!(
                "player, {} ({} on disk)",
                library.name,
                mb(library.bytes() as u64)
            ),
            &format!("{} = {ratio:.2}×", mb(peak)),
            if library.name == "large" {
                "≤ 2× size on disk"
            } else {
                "(reported)"
            },
            Some(met),
        );
    }
    // The generated libraries are large; the next run writes them again.
    let _ = std::fs::remove_dir_all(&double.dir);
}
