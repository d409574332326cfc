//! Fixtures and checks the test binaries share: the fixture courses and progress files, the
//! long-run switch, what the machine allows (root, setpriv) and what a folder holds afterwards.

use std::path::{Path, PathBuf};

/// `KURS_LONG_TESTS=1` runs the counts the issue asks for; the default run is shorter.
pub fn long() -> bool {
    std::env::var_os("KURS_LONG_TESTS").is_some_and(|v| !v.is_empty() && v != "0")
}

pub fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A small English course that loads without any diagnostic.
pub fn course_en() -> PathBuf {
    manifest().join("tests/fixtures/player/kurs-en")
}

/// The German course the end-to-end tests play through (its quiz does not shuffle).
pub fn course_de() -> PathBuf {
    manifest().join("tests/fixtures/player/kurs-de")
}

/// A progress file written by the real player (plain mode, reading, a quiz, marking learned).
pub fn real_progress() -> Vec<u8> {
    std::fs::read(manifest().join("tests/fixtures/hostile/progress/real.toml")).unwrap()
}

/// Whether this process runs as root (which ignores file permissions).
#[cfg(unix)]
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    // The owner of a file we just created is our effective user.
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    std::fs::metadata(&probe).unwrap().uid() == 0
}

/// `setpriv` runs a command as another user; root needs it to test permissions at all.
pub fn has_setpriv() -> bool {
    std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Names in a folder, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn damaged_copies(dir: &Path) -> Vec<PathBuf> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.contains(".damaged-"))
        .map(|n| dir.join(n))
        .collect()
}

/// The name libtest knows `test` by when it is defined in `module` (pass `module_path!()`): the
/// module path without the crate's name. A test that re-runs its own binary to get a child
/// process selects the child test with `--exact` and this name, wherever the module is moved.
pub fn test_name(module: &str, test: &str) -> String {
    match module.split_once("::") {
        Some((_, path)) => format!("{path}::{test}"),
        None => test.to_string(),
    }
}
