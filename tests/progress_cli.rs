//! `kurs progress`: the table, the JSON, and `reset`, which never clears without being sure.

use std::path::Path;
use std::process::Command;

const KURS: &str = env!("CARGO_BIN_EXE_kurs");

fn course() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/player/kurs-de")
        .display()
        .to_string()
}

fn progress_with_an_attempt(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("progress.toml");
    let (mut store, _) = kurs::progress::ProgressStore::open(&file);
    store.update("kurs-de", |p| {
        p.record_attempt(
            "kurs-de",
            "c2-messenger-sms",
            kurs::progress::Attempt {
                at: "2026-11-28T10:00:00Z".into(),
                points: kurs::progress::Points::whole(4),
                max: 5,
                passed: true,
                results: Default::default(),
            },
        );
        p.set_learned("kurs-de", "c3-video", true, "2026-11-28T11:00:00Z");
    });
    file
}

fn kurs(args: &[&str]) -> std::process::Output {
    Command::new(KURS).args(args).output().unwrap()
}

#[test]
fn json_lists_every_module_with_status_and_best_score() {
    let dir = tempfile::tempdir().unwrap();
    let file = progress_with_an_attempt(dir.path());
    let output = kurs(&[
        "progress",
        "--json",
        "--progress",
        file.to_str().unwrap(),
        &course(),
    ]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["progress_file"], file.to_str().unwrap());
    let modules = &json["courses"][0]["modules"];
    assert_eq!(
        modules[0],
        serde_json::json!({"id": "c2-messenger-sms", "code": "C2", "title": "Messenger & SMS",
            "status": "passed", "learned": false, "learned_at": null, "attempts": 1,
            "best_percent": 80, "passed": true})
    );
    assert_eq!(modules[1]["status"], "learned");
    assert_eq!(modules[1]["learned"], true);
    assert_eq!(modules[1]["learned_at"], "2026-11-28T11:00:00Z");
    assert_eq!(modules[1]["best_percent"], serde_json::Value::Null);
}

#[test]
fn a_passed_module_marked_learned_shows_the_mark_and_its_date_in_table_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = progress_with_an_attempt(dir.path());
    let (mut store, _) = kurs::progress::ProgressStore::open(&file);
    store.update("kurs-de", |p| {
        p.set_learned("kurs-de", "c2-messenger-sms", true, "2026-11-29T09:30:00Z");
    });
    drop(store);
    let progress = file.to_str().unwrap();
    let output = kurs(&["progress", "--progress", progress, &course()]);
    let text = String::from_utf8(output.stdout).unwrap();
    // By the module's whole label: the temporary folder in the first line ("/tmp/.tmpMrC3mJ")
    // may hold a module code.
    let line = |code: &str| {
        text.lines()
            .find(|l| l.contains(code))
            .unwrap_or_default()
            .to_string()
    };
    // The status word says "bestanden"; the mark is not hidden behind it.
    assert!(line("C2 Messenger").contains("bestanden"), "{text}");
    assert!(
        line("C2 Messenger").contains("Gelernt am 2026-11-29"),
        "{text}"
    );
    assert!(
        line("C3 Videokonferenzen").contains("Gelernt am 2026-11-28"),
        "{text}"
    );

    let output = kurs(&["progress", "--json", "--progress", progress, &course()]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let c2 = &json["courses"][0]["modules"][0];
    assert_eq!(c2["status"], "passed");
    assert_eq!(c2["learned"], true);
    assert_eq!(c2["learned_at"], "2026-11-29T09:30:00Z");
}

#[test]
fn an_english_course_shows_learned_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let (mut store, _) = kurs::progress::ProgressStore::open(&file);
    store.update("kurs-en", |p| {
        p.set_learned("kurs-en", "m1-passwords", true, "2026-11-30T08:00:00Z");
    });
    drop(store);
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/kurs-en");
    let output = kurs(&[
        "progress",
        "--progress",
        file.to_str().unwrap(),
        course.to_str().unwrap(),
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Learned on 2026-11-30"), "{text}");
}

#[test]
fn table_shows_status_in_words_and_symbols() {
    let dir = tempfile::tempdir().unwrap();
    let file = progress_with_an_attempt(dir.path());
    let output = kurs(&["progress", "--progress", file.to_str().unwrap(), &course()]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("1 / 2 bestanden"), "{text}");
    assert!(text.contains("✓  C2 Messenger & SMS   bestanden"), "{text}");
    assert!(text.contains("80 %  1 Versuch"), "{text}");
    assert!(text.contains("●  C3 Videokonferenzen  gelernt"), "{text}");
}

#[test]
fn reset_without_yes_and_without_a_terminal_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = progress_with_an_attempt(dir.path());
    let before = std::fs::read(&file).unwrap();
    let output = kurs(&["progress", "reset", "--progress", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("without --yes"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn reset_of_one_course_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let file = progress_with_an_attempt(dir.path());
    let (mut store, _) = kurs::progress::ProgressStore::open(&file);
    store.update("other-course", |p| {
        p.set_learned("other-course", "m1", true, "2026-11-28T12:00:00Z")
    });
    let output = kurs(&[
        "progress",
        "reset",
        "--course",
        "kurs-de",
        "--yes",
        "--progress",
        file.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (store, _) = kurs::progress::ProgressStore::open(&file);
    assert!(!store.progress().courses.contains_key("kurs-de"));
    assert!(store.progress().courses.contains_key("other-course"));
}

#[test]
fn reset_of_an_unknown_course_names_the_known_ones_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = progress_with_an_attempt(dir.path());
    let before = std::fs::read_dir(kurs::progress::ProgressStore::courses_folder(&file))
        .unwrap()
        .count();
    let output = kurs(&[
        "progress",
        "reset",
        "--course",
        "nope",
        "--yes",
        "--progress",
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("`nope`") && said.contains("`kurs-de`"),
        "{said}"
    );
    let (store, _) = kurs::progress::ProgressStore::open(&file);
    assert!(store.progress().courses.contains_key("kurs-de"));
    let after = std::fs::read_dir(kurs::progress::ProgressStore::courses_folder(&file))
        .unwrap()
        .count();
    assert_eq!(before, after);
}
