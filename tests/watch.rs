//! `kurs PATH --watch` end to end: the real binary in a pseudo-terminal while the module file is
//! saved the ways editors save (written in place; a new file renamed over it; deleted and made
//! again; a version with an error), and the learner's place is kept through every reload.

mod support;

use std::path::Path;

use support::pty::{CTRL_C, DOWN, ENTER, Pty};

fn write_course(dir: &Path, second_section: &str) {
    std::fs::write(
        dir.join("course.toml"),
        "id = \"watch\"\ntitle = \"Watch\"\nlanguage = \"en\"\nmodules = [\"m1.toml\"]\n",
    )
    .unwrap();
    std::fs::write(dir.join("m1.toml"), module(second_section)).unwrap();
}

fn module(second_section: &str) -> String {
    format!(
        "id = \"m1\"\ntitle = \"Live module\"\n\n[[section]]\ntitle = \"First\"\nbody = \"The first text.\"\n\n\
         [[section]]\ntitle = \"Second\"\nbody = \"{second_section}\"\n\n[quiz]\n[[quiz.question]]\n\
         id = \"q\"\ntype = \"true_false\"\nprompt = \"Sure?\"\nanswer = true\n"
    )
}

#[test]
fn a_saved_module_is_shown_at_once_and_the_place_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("watch");
    std::fs::create_dir(&course).unwrap();
    write_course(&course, "Version one.");
    let progress = dir.path().join("progress.toml");
    let mut kurs = Pty::kurs(&[
        course.to_str().unwrap(),
        "--watch",
        "--progress",
        progress.to_str().unwrap(),
    ])
    .size(80, 24)
    .start();
    kurs.wait_for("Live module");
    kurs.send(ENTER);
    kurs.wait_for("▸ Second");
    // The second section opened and focused: the place to keep.
    kurs.send(DOWN);
    kurs.send(ENTER);
    kurs.wait_for("Version one.");

    // Written in place.
    std::fs::write(
        course.join("m1.toml"),
        module("Version two, written in place."),
    )
    .unwrap();
    let screen = kurs.wait_for("Version two, written in place.");
    assert!(screen.contains("›▾ Second"), "{screen}");
    assert!(screen.contains("Reloaded."), "{screen}");

    // A new file renamed over the old one, as vim, VS Code and JetBrains save.
    let temp = course.join(".m1.toml.tmp");
    std::fs::write(&temp, module("Version three, renamed over.")).unwrap();
    std::fs::rename(&temp, course.join("m1.toml")).unwrap();
    let screen = kurs.wait_for("Version three, renamed over.");
    assert!(screen.contains("›▾ Second"), "{screen}");

    // Deleted and made again.
    std::fs::remove_file(course.join("m1.toml")).unwrap();
    std::fs::write(course.join("m1.toml"), module("Version four, made again.")).unwrap();
    let screen = kurs.wait_for("Version four, made again.");
    assert!(screen.contains("›▾ Second"), "{screen}");

    // A version with an error: its first error in the bar, the last good version on screen.
    std::fs::write(
        course.join("m1.toml"),
        "id = \"m1\"\ntitle = \"Live module\n",
    )
    .unwrap();
    let screen = kurs.wait_for("m1.toml:2:");
    assert!(screen.contains("Version four, made again."), "{screen}");

    // Good again: the error is gone.
    std::fs::write(course.join("m1.toml"), module("Version five.")).unwrap();
    let screen = kurs.wait_for("Version five.");
    assert!(!screen.contains("m1.toml:2:"), "{screen}");
    assert!(screen.contains("›▾ Second"), "{screen}");

    kurs.send(CTRL_C);
    assert!(kurs.wait_exit().success());
}

#[test]
fn watch_without_a_course_to_watch_says_what_to_give() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kurs"))
        .args(["--watch", "--plain"])
        .env_remove("KURS_COURSES")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--watch needs the course to watch: give its folder or file"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(1));
}
