//! `kurs check` on hostile files stays bounded: the inputs of the issue (10 000 and 100 000
//! missing modules on one line of `course.toml`, 20 000 unknown keys on one line of a module)
//! and the costliest shapes a file within the limits can take, on every thread, each run as the
//! real binary with its peak memory read. Diagnostics keep only a window of their
//! line, at most 100 are kept per file (the rest counted, and told as "… and N more"), and a file
//! of more tokens than the parser should hold is refused before it is parsed.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::pty::KURS;

/// The promise, 50 MB, is for the release build learners and CI pipelines run (the costliest
/// case measured 40–41 MB there, 2026-12-07). `cargo test` runs the debug build, whose
/// unoptimised code holds more at once: the same case measured 51–54 MB on a loaded machine,
/// so the debug bound leaves that room. See RELIABILITY.md, "Memory and time stay bounded".
const MAX_PEAK_KB: u64 = if cfg!(debug_assertions) {
    60 * 1024
} else {
    50 * 1024
};

/// One finished run: what it printed, its exit code, its peak resident memory, how long it took.
struct Run {
    stdout: String,
    code: Option<i32>,
    peak_kb: u64,
    seconds: f64,
}

/// Runs `kurs check --format human` on `path`; `None` (with the reason printed) where the peak
/// memory of a child cannot be read here.
fn check(path: &Path) -> Option<Run> {
    let time = Path::new("/usr/bin/time");
    let started = Instant::now();
    if time.exists() {
        // GNU time prints the peak resident set of the child in KB on stderr.
        let output = Command::new(time)
            .args(["-f", "peak=%M"])
            .arg(KURS)
            .arg("check")
            .arg(path)
            .env("NO_COLOR", "1")
            .output()
            .expect("run kurs under /usr/bin/time");
        let seconds = started.elapsed().as_secs_f64();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let peak_kb = stderr
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("peak="))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no peak from /usr/bin/time: {stderr}"));
        return Some(Run {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            // `time` exits with the child's code.
            code: output.status.code(),
            peak_kb,
            seconds,
        });
    }
    if !Path::new("/proc/self/status").exists() {
        println!("skipped: neither /usr/bin/time nor /proc here to read a child's peak memory");
        return None;
    }
    // The high-water mark only grows: the last reading before the child exits is its peak.
    let mut child = Command::new(KURS)
        .arg("check")
        .arg(path)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run kurs");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        text
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let status = loop {
        if let Some(hwm) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        }) {
            peak_kb = peak_kb.max(hwm);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    Some(Run {
        stdout: reader.join().unwrap(),
        code: status.code(),
        peak_kb,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Checks `path`, prints the figures and holds the promise; returns the run for more checks.
fn bounded(what: &str, path: &Path) -> Option<Run> {
    let run = check(path)?;
    println!(
        "{what}: peak {:.1} MB, {:.2} s, {}",
        run.peak_kb as f64 / 1024.0,
        run.seconds,
        run.stdout.lines().last().unwrap_or("")
    );
    assert!(
        run.peak_kb < MAX_PEAK_KB,
        "{what}: peak {} KB, more than {MAX_PEAK_KB} KB",
        run.peak_kb
    );
    assert_eq!(run.code, Some(1), "{what}");
    Some(run)
}

/// A course folder `name` in `root` with this `course.toml` and these module files.
fn course(root: &Path, name: &str, course: &str, modules: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("course.toml"), course).unwrap();
    for (file, text) in modules {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

/// `course.toml` listing `n` module files that do not exist, all on one line.
fn missing_modules(id: &str, n: usize) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("\"m{i:06}.toml\"")).collect();
    format!(
        "id = \"{id}\"\ntitle = \"Missing\"\nmodules = [{}]\n",
        names.join(", ")
    )
}

/// `total` errors of `code` in one file: the first 100 shown, the rest told as "… and N more",
/// every one counted in the summary.
fn shown_and_counted(run: &Run, code: &str, total: usize, summary: &str) {
    let shown = run.stdout.matches(&format!("error[{code}]")).count();
    assert_eq!(shown, 100, "{}", run.stdout);
    let note = format!("note: … and {} more in", total - 100);
    assert!(run.stdout.contains(&note), "{}", run.stdout);
    assert!(run.stdout.ends_with(summary), "{}", run.stdout);
}

#[test]
fn ten_thousand_missing_modules_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = course(dir.path(), "c", &missing_modules("c", 10_000), &[]);
    let Some(run) = bounded("10 000 missing modules", &path) else {
        return;
    };
    shown_and_counted(
        &run,
        "E009",
        10_000,
        "checked 1 file: 10000 errors, 0 warnings\n",
    );
}

#[test]
fn a_hundred_thousand_missing_modules_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = course(dir.path(), "c", &missing_modules("c", 100_000), &[]);
    let Some(run) = bounded("100 000 missing modules", &path) else {
        return;
    };
    // 300 000 tokens: refused before it is parsed.
    assert!(run.stdout.contains("error[E030]"), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("checked 1 file: 1 error, 0 warnings\n")
    );
}

#[test]
fn twenty_thousand_unknown_keys_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let keys: Vec<String> = (0..20_000).map(|i| format!("k{i:05}=1")).collect();
    let module = format!(
        "id = \"m\"\ntitle = \"M\"\n\n[[section]]\ntitle = \"S\"\nbody = \"B\"\n\n[quiz]\n\
         question = [{{ type = \"true_false\", prompt = \"P\", answer = true, {} }}]\n",
        keys.join(",")
    );
    let course_toml = "id = \"c\"\ntitle = \"C\"\nmodules = [\"m.toml\"]\n";
    let path = course(dir.path(), "c", course_toml, &[("m.toml", &module)]);
    let Some(run) = bounded("20 000 unknown keys", &path) else {
        return;
    };
    shown_and_counted(
        &run,
        "E002",
        20_000,
        "checked 2 files: 20000 errors, 0 warnings\n",
    );
}

#[test]
fn the_costliest_files_within_the_limits_on_every_thread() {
    let dir = tempfile::tempdir().unwrap();
    // Just under the token limit: missing module files listed without spaces (two tokens
    // each), and a module of as many values as it may hold; each course twice, so that every
    // thread meets large files.
    let names: Vec<String> = (0..99_900).map(|i| format!("\"{i}\"")).collect();
    let values = vec!["1"; 99_900].join(",");
    let module = format!("id = \"m\"\ntitle = \"M\"\nx = [{values}]\n");
    for copy in ["a", "b"] {
        let listing = format!(
            "id = \"l{copy}\"\ntitle = \"L\"\nmodules = [{}]\n",
            names.join(",")
        );
        course(dir.path(), &format!("listing-{copy}"), &listing, &[]);
        let course_toml = format!("id = \"v{copy}\"\ntitle = \"V\"\nmodules = [\"m.toml\"]\n");
        course(
            dir.path(),
            &format!("values-{copy}"),
            &course_toml,
            &[("m.toml", &module)],
        );
    }
    let Some(run) = bounded(
        "the costliest files within the limits, four courses on every thread",
        dir.path(),
    ) else {
        return;
    };
    assert!(
        !run.stdout.contains("E030"),
        "within the limit: {}",
        run.stdout
    );
}
