//! `kurs profile`: the real binary sets, shows, prints as JSON and deletes the learner's
//! profile beside a progress file in a temporary folder, and says every mistake in one sentence.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KURS: &str = env!("CARGO_BIN_EXE_kurs");

/// A progress index in a fresh folder (the profile goes beside it), and the folder.
fn place() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    (dir, index)
}

fn kurs(index: &Path, args: &[&str]) -> Output {
    Command::new(KURS)
        .arg("profile")
        .args(args)
        .arg("--progress")
        .arg(index)
        .env_remove("KURS_PROGRESS")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn set_erika(index: &Path) {
    let output = kurs(
        index,
        &[
            "set",
            "--name",
            "Erika Mustermann",
            "--birth-date",
            "1990-01-31",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

fn profile_file(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("profile.toml")
}

/// Runs `set` with the arguments and expects exit 1 with `sentence` on stderr, and no file.
fn assert_refused(args: &[&str], sentence: &str) {
    let (dir, index) = place();
    let mut all = vec!["set"];
    all.extend(args);
    let output = kurs(&index, &all);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains(sentence), "{}", stderr(&output));
    assert!(!profile_file(&dir).exists(), "nothing is written");
}

#[test]
fn without_a_profile_kurs_profile_says_how_to_set_one_and_why() {
    let (dir, index) = place();
    let output = kurs(&index, &[]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("No profile is stored yet. Set it with: kurs profile set --name"),
        "{text}"
    );
    let file = profile_file(&dir).display().to_string();
    assert!(
        text.contains(&format!(
            "Your name and date of birth are needed for certificates and are stored only on this computer, in {file}."
        )),
        "{text}"
    );
    assert!(!dir.path().join("progress.toml").exists());
}

#[test]
fn set_saves_the_profile_and_kurs_profile_shows_it() {
    let (dir, index) = place();
    let output = kurs(
        &index,
        &[
            "set",
            "--name",
            "Erika Mustermann",
            "--birth-date",
            "1990-01-31",
            "--email",
            "erika@example.org",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let file = profile_file(&dir).display().to_string();
    assert!(stdout(&output).starts_with(&format!("Profile saved in {file}.\n")));
    let shown = stdout(&kurs(&index, &[]));
    assert!(
        shown.starts_with(
            "Name:        Erika Mustermann\nBirth date:  1990-01-31\nEmail:       erika@example.org\n\n"
        ),
        "{shown}"
    );
    assert!(shown.contains("needed for certificates"), "{shown}");
}

#[cfg(unix)]
#[test]
fn the_profile_file_is_for_the_learner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = place();
    let index = dir.path().join("new").join("progress.toml");
    set_erika(&index);
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.path().join("new")), 0o700);
    assert_eq!(mode(&dir.path().join("new").join("profile.toml")), 0o600);
}

#[test]
fn json_gives_the_fields_and_null_when_there_is_no_profile() {
    let (dir, index) = place();
    let file = profile_file(&dir).display().to_string();
    let none: serde_json::Value =
        serde_json::from_slice(&kurs(&index, &["--json"]).stdout).unwrap();
    assert_eq!(
        none,
        serde_json::json!({"profile_file": file, "profile": null})
    );
    set_erika(&index);
    let output = kurs(&index, &["--json"]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"profile_file": file, "profile":
            {"name": "Erika Mustermann", "birth_date": "1990-01-31", "email": null}})
    );
}

#[test]
fn setting_one_field_keeps_the_others() {
    let (_dir, index) = place();
    set_erika(&index);
    let output = kurs(&index, &["set", "--email", "erika@example.org"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = kurs(&index, &["set", "--name", "Erika Musterfrau"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_slice(&kurs(&index, &["--json"]).stdout).unwrap();
    assert_eq!(
        json["profile"],
        serde_json::json!({"name": "Erika Musterfrau", "birth_date": "1990-01-31",
            "email": "erika@example.org"})
    );
    // An empty email removes it.
    assert_eq!(kurs(&index, &["set", "--email", ""]).status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_slice(&kurs(&index, &["--json"]).stdout).unwrap();
    assert_eq!(json["profile"]["email"], serde_json::Value::Null);
}

#[test]
fn the_first_set_needs_a_name_and_a_birth_date() {
    assert_refused(
        &["--name", "Erika"],
        "kurs: There is no profile yet, so a birth date is needed too: add --birth-date YYYY-MM-DD.",
    );
    assert_refused(
        &["--birth-date", "1990-01-31"],
        "kurs: There is no profile yet, so a name is needed too: add --name \"Your Name\".",
    );
    assert_refused(&["--email", "erika@example.org"], "a name is needed too");
}

#[test]
fn set_without_any_field_says_what_to_give() {
    assert_refused(
        &[],
        "kurs: Nothing to set: please give --name, --birth-date or --email",
    );
}

#[test]
fn an_impossible_date_is_refused() {
    assert_refused(
        &["--name", "Erika", "--birth-date", "2026-02-30"],
        "kurs: There is no day 2026-02-30 in the calendar; please check the birth date.",
    );
}

#[test]
fn a_date_not_written_as_yyyy_mm_dd_is_refused() {
    assert_refused(
        &["--name", "Erika", "--birth-date", "31.01.1990"],
        "kurs: “31.01.1990” is not a date written as YYYY-MM-DD, for example 1990-01-31",
    );
}

#[test]
fn a_birth_date_in_the_future_is_refused() {
    assert_refused(
        &["--name", "Erika", "--birth-date", "2999-01-01"],
        "kurs: The birth date 2999-01-01 lies in the future; please check the year.",
    );
}

#[test]
fn a_birth_date_before_1900_is_refused() {
    assert_refused(
        &["--name", "Erika", "--birth-date", "1099-01-31"],
        "kurs: The birth date 1099-01-31 is before 1900; please check the year.",
    );
}

#[test]
fn an_empty_name_is_refused() {
    assert_refused(
        &["--name", "  ", "--birth-date", "1990-01-31"],
        "kurs: The name is empty; please type your name as it should appear on certificates.",
    );
}

#[test]
fn an_overlong_name_is_refused() {
    let name = "a".repeat(201);
    assert_refused(
        &["--name", &name, "--birth-date", "1990-01-31"],
        "kurs: The name is 201 characters long, more than the 200 kept; please shorten it.",
    );
}

#[test]
fn control_characters_in_the_name_are_refused_and_never_printed() {
    let (dir, index) = place();
    let output = kurs(
        &index,
        &[
            "set",
            "--name",
            "Erika\x1b]0;owned\x07",
            "--birth-date",
            "1990-01-31",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("kurs: The name contains a control character (U+001B) at character 6"),
        "{text}"
    );
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    assert!(!profile_file(&dir).exists());
}

#[test]
fn a_bidi_override_in_the_name_is_refused() {
    assert_refused(
        &[
            "--name",
            "Erika\u{202E}nnamretsuM",
            "--birth-date",
            "1990-01-31",
        ],
        "kurs: The name contains an invisible character (U+202E, right-to-left override) at character 6",
    );
}

#[test]
fn a_name_in_letters_the_certificate_cannot_print_is_refused_naming_them() {
    assert_refused(
        &["--name", "王小明", "--birth-date", "1990-01-31"],
        "kurs: The certificate cannot print “王” (U+738B), “小” (U+5C0F), “明” (U+660E) in the name; please type the name in Latin, Greek or Cyrillic letters, as in your passport.",
    );
    assert_refused(
        &[
            "--lang",
            "de",
            "--name",
            "Erika 🦀",
            "--birth-date",
            "1990-01-31",
        ],
        "kurs: Das Zertifikat kann „🦀“ (U+1F980) im Namen nicht drucken;",
    );
}

#[test]
fn a_name_written_right_to_left_is_refused() {
    assert_refused(
        &["--name", "محمد علي", "--birth-date", "1990-01-31"],
        "kurs: The name is written right to left, which certificates cannot print yet; please type it in Latin letters, as in your passport.",
    );
}

#[test]
fn a_name_typed_with_a_combining_accent_is_kept_composed() {
    let (_dir, index) = place();
    let output = kurs(
        &index,
        &[
            "set",
            "--name",
            "Jose\u{301} Ruiz",
            "--birth-date",
            "1990-01-31",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&kurs(&index, &[])).contains("Name:        José Ruiz\n"));
}

#[test]
fn a_control_character_in_the_email_is_refused() {
    assert_refused(
        &[
            "--name",
            "Erika",
            "--birth-date",
            "1990-01-31",
            "--email",
            "erika@exa\x1bmple.org",
        ],
        "kurs: The email contains a control character (U+001B) at character 10",
    );
}

#[test]
fn an_email_without_an_at_sign_is_refused() {
    assert_refused(
        &[
            "--name",
            "Erika",
            "--birth-date",
            "1990-01-31",
            "--email",
            "erika.example.org",
        ],
        "kurs: “erika.example.org” is not an email address",
    );
}

#[test]
fn every_problem_is_told_in_one_run() {
    let (_dir, index) = place();
    let output = kurs(
        &index,
        &[
            "set",
            "--name",
            "",
            "--birth-date",
            "2026-02-30",
            "--email",
            "x",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert_eq!(text.lines().count(), 3, "{text}");
}

#[test]
fn messages_are_german_with_lang_de() {
    let (dir, index) = place();
    let output = kurs(
        &index,
        &[
            "set",
            "--lang",
            "de",
            "--name",
            "Erika",
            "--birth-date",
            "2026-02-30",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("kurs: Den Tag 2026-02-30 gibt es im Kalender nicht"),
        "{}",
        stderr(&output)
    );
    set_erika(&index);
    let shown = stdout(&kurs(&index, &["--lang", "de"]));
    assert!(
        shown.starts_with(
            "Name:          Erika Mustermann\nGeburtsdatum:  1990-01-31\nE-Mail:        keine\n"
        ),
        "{shown}"
    );
    let file = profile_file(&dir).display().to_string();
    assert!(
        shown.contains(&format!(
            "Name und Geburtsdatum werden für Zertifikate gebraucht und nur auf diesem Computer gespeichert, in {file}."
        )),
        "{shown}"
    );
}

#[test]
fn delete_without_yes_says_to_add_it_and_removes_nothing() {
    let (dir, index) = place();
    set_erika(&index);
    let before = std::fs::read(profile_file(&dir)).unwrap();
    let output = kurs(&index, &["delete"]);
    assert_eq!(output.status.code(), Some(1));
    let file = profile_file(&dir).display().to_string();
    assert_eq!(
        stderr(&output),
        format!(
            "kurs: To delete the profile {file}, add --yes (kurs profile delete --yes); nothing was deleted.\n"
        )
    );
    assert_eq!(std::fs::read(profile_file(&dir)).unwrap(), before);
}

#[test]
fn delete_with_yes_removes_the_profile() {
    let (dir, index) = place();
    set_erika(&index);
    let output = kurs(&index, &["delete", "--yes"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let file = profile_file(&dir).display().to_string();
    assert_eq!(
        stdout(&output),
        format!("The profile {file} was deleted.\n")
    );
    assert!(!profile_file(&dir).exists());
    let again = kurs(&index, &["delete", "--yes"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        stdout(&again),
        format!("No profile is stored in {file}; nothing was deleted.\n")
    );
}

#[test]
fn the_progress_file_may_come_from_kurs_progress_in_the_environment() {
    let (dir, index) = place();
    let output = Command::new(KURS)
        .args([
            "profile",
            "set",
            "--name",
            "Erika",
            "--birth-date",
            "1990-01-31",
        ])
        .env("KURS_PROGRESS", &index)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(profile_file(&dir).is_file());
}

#[cfg(unix)]
#[test]
fn a_symlinked_profile_is_refused_and_not_followed() {
    let (dir, index) = place();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("target.toml");
    std::fs::write(&target, "precious = true\n").unwrap();
    std::os::unix::fs::symlink(&target, profile_file(&dir)).unwrap();
    for args in [
        &[][..],
        &["set", "--name", "Erika", "--birth-date", "1990-01-31"],
        &["delete", "--yes"],
    ] {
        let output = kurs(&index, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output)
                .contains("was not written by kurs (a symbolic link); kurs leaves it untouched"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "precious = true\n"
    );
}

#[cfg(unix)]
#[test]
fn a_folder_others_may_write_in_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = place();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();
    let output = kurs(
        &shared.join("progress.toml"),
        &["set", "--name", "Erika", "--birth-date", "1990-01-31"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "because other users may write in it; please choose a progress file with --progress"
        ),
        "{}",
        stderr(&output)
    );
    assert!(!shared.join("profile.toml").exists());
}

#[test]
fn a_damaged_profile_is_kept_aside_and_told_once() {
    let (dir, index) = place();
    set_erika(&index);
    let whole = std::fs::read(profile_file(&dir)).unwrap();
    std::fs::write(profile_file(&dir), &whole[..whole.len() / 2]).unwrap();
    let output = kurs(&index, &[]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("was damaged; it was kept unchanged as"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).starts_with("No profile is stored yet."));
    let again = kurs(&index, &[]);
    assert_eq!(stderr(&again), "", "told once");
}

#[test]
fn a_file_kurs_did_not_write_is_left_alone() {
    let (dir, index) = place();
    std::fs::write(profile_file(&dir), "name = \"mine\"\n").unwrap();
    let output = kurs(
        &index,
        &["set", "--name", "Erika", "--birth-date", "1990-01-31"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("its content is not a kurs profile"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(profile_file(&dir)).unwrap(),
        "name = \"mine\"\n"
    );
}

#[test]
fn a_profile_of_a_newer_kurs_is_left_alone() {
    let (dir, index) = place();
    let newer = "# kurs profile file: from the future\nschema_version = 7\n";
    std::fs::write(profile_file(&dir), newer).unwrap();
    let output = kurs(&index, &["--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("was written by a newer kurs (format 7)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(profile_file(&dir)).unwrap(), newer);
}

#[test]
fn a_progress_file_named_profile_toml_is_refused() {
    let (dir, _) = place();
    let output = kurs(
        &dir.path().join("profile.toml"),
        &["set", "--name", "Erika", "--birth-date", "1990-01-31"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is itself named profile.toml"),
        "{}",
        stderr(&output)
    );
}

/// `kurs profile … | head -1` whose reader has gone: quiet, with a closed pipe's status.
#[test]
fn output_into_a_closed_pipe_ends_quietly_with_status_141() {
    let (_dir, index) = place();
    set_erika(&index);
    for args in [
        &[][..],
        &["--json"],
        &["set", "--email", "erika@example.org"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = Command::new(KURS)
            .arg("profile")
            .args(args)
            .arg("--progress")
            .arg(&index)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
            .wait_with_output()
            .unwrap();
        assert_eq!(output.status.code(), Some(141), "{args:?}: {output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}
