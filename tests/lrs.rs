//! Learning records against a real LRS: Ralph (`tests/lrs/serve.py`, installed by `.ci/run`
//! into `.venv-lrs`) on a free loopback port. A course is played through plain mode, the LRS
//! is stopped midway and the learner goes on, the LRS comes back, `kurs sync` sends the rest:
//! every statement must arrive exactly once, keep the xAPI rules, and each session its order.
//! Then the trainer's side: two learners play, and `kurs report` reads their records back
//! (page by page along the LRS's `more` links) as JSON, CSV and a table.

use std::collections::BTreeMap;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use kurs::xapi::check::{check_sessions, check_statement};
use serde_json::Value;

const USER: &str = "kurs";
const PASSWORD: &str = "geheim-im-test";

/// The Python of the checkout's virtual environment, or why the test cannot run.
fn python() -> Result<PathBuf, String> {
    if let Some(python) = std::env::var_os("KURS_TEST_LRS_PYTHON") {
        return Ok(PathBuf::from(python));
    }
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-lrs/bin/python");
    if python.is_file() {
        Ok(python)
    } else {
        Err(format!(
            "{} is missing; `.ci/run` installs Ralph there (python3 -m venv .venv-lrs && .venv-lrs/bin/pip install \"ralph-malph[cli,lrs]\" requests)",
            python.display()
        ))
    }
}

struct Lrs {
    child: Child,
}

impl Lrs {
    fn start(python: &Path, folder: &Path, port: u16) -> Lrs {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lrs/serve.py");
        let child = Command::new(python)
            .arg(script)
            .arg(port.to_string())
            .arg(folder)
            .args([USER, PASSWORD])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            // Ralph's own words go to a file, so a start that fails says why.
            .stderr(log(folder))
            .spawn()
            .expect("start Ralph");
        let mut lrs = Lrs { child };
        let give_up = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let ended = lrs.child.try_wait().ok().flatten();
            assert!(
                ended.is_none() && Instant::now() < give_up,
                "Ralph did not listen within a minute ({}); it said:\n{}",
                ended.map_or("still running".to_string(), |s| s.to_string()),
                std::fs::read_to_string(folder.with_extension("log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        lrs
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Lrs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Ralph's standard error, appended to `FOLDER.log` (beside the folder it stores into) over
/// its restarts.
fn log(folder: &Path) -> Stdio {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(folder.with_extension("log"))
        .map_or_else(|_| Stdio::null(), Stdio::from)
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn course(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    std::fs::write(
        folder.join("course.toml"),
        "id = \"lrs-probe\"\ntitle = \"Probe\"\nlanguage = \"de\"\npass_percent = 100\nmodules = [\"m1.toml\", \"m2.toml\"]\n",
    )
    .unwrap();
    for m in ["m1", "m2"] {
        std::fs::write(
            folder.join(format!("{m}.toml")),
            format!(
                "id = \"{m}\"\ntitle = \"Modul {m}\"\n\n[[section]]\ntitle = \"Teil eins\"\nbody = \"Text eins.\"\n\n[[section]]\ntitle = \"Teil zwei\"\nbody = \"Text zwei.\"\n\n[quiz]\n\n[[quiz.question]]\nid = \"q1\"\ntype = \"true_false\"\nprompt = \"Ist das wahr?\"\nanswer = true\n"
            ),
        )
        .unwrap();
    }
}

fn kurs(dir: &Path, port: u16, args: &[&str], input: &str) -> Output {
    kurs_with(dir, port, args, input, &[])
}

/// kurs on the computer whose state and config folders are in `dir`, with the LRS on `port`.
fn kurs_command(dir: &Path, port: u16, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kurs"));
    command
        .args(args)
        .env("KURS_PROGRESS", dir.join("state/progress.toml"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env(
            "KURS_LRS_ENDPOINT",
            format!("http://127.0.0.1:{port}/xAPI/"),
        )
        .env("KURS_LRS_USERNAME", USER)
        .env("KURS_LRS_PASSWORD", PASSWORD)
        .env_remove("KURS_COURSES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// kurs with `input` on stdin and `env` over the rest, to its end.
fn kurs_with(dir: &Path, port: u16, args: &[&str], input: &str, env: &[(&str, &str)]) -> Output {
    let mut child = kurs_command(dir, port, args)
        .envs(env.iter().copied())
        .spawn()
        .expect("start kurs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn play(dir: &Path, port: u16, input: &str) -> String {
    let course = dir.join("course");
    let output = kurs(
        dir,
        port,
        &["--plain", "--seed", "1", course.to_str().unwrap()],
        input,
    );
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stored(folder: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(folder.join("fs_lrs.jsonl")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("Ralph stores JSON lines"))
        .collect()
}

fn verbs(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| {
            let verb = s["verb"]["id"].as_str().unwrap_or("?");
            verb.rsplit('/').next().unwrap().to_string()
        })
        .collect()
}

/// Ralph's Python, or `None` (after saying why) when the test is to be skipped; under
/// `CI=true` a missing Ralph fails the test instead.
fn ralph_or_skip() -> Option<PathBuf> {
    match python() {
        Ok(python) => Some(python),
        Err(why) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("the LRS test must run under CI=true: {why}")
        }
        Err(why) => {
            eprintln!("skipped: the LRS test needs Ralph: {why}");
            None
        }
    }
}

#[test]
fn every_statement_reaches_the_lrs_exactly_once_though_it_was_down_in_between() {
    let Some(python) = ralph_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (data, port) = (dir.path().join("lrs"), free_port());
    course(&dir.path().join("course"));

    // Module 1: both sections, a failed attempt, then a passed one, while the LRS is up.
    let lrs = Lrs::start(&python, &data, port);
    play(dir.path(), port, "1\n1\n3\nfalsch\n2\nwahr\n");
    let first = stored(&data);
    assert_eq!(
        verbs(&first),
        [
            "initialized",
            "experienced",
            "experienced",
            "answered",
            "failed",
            "answered",
            "passed",
            "terminated"
        ]
    );

    // Module 2 while the LRS is down (the player resumes in module 1): everything waits in
    // the outbox.
    lrs.stop();
    play(dir.path(), port, "zurück\n2\n1\n4\n");
    let outbox = dir.path().join("state/xapi-outbox.jsonl");
    let waiting = std::fs::read_to_string(&outbox).unwrap().lines().count();
    assert_eq!(
        waiting, 5,
        "initialized, two experienced, completed, terminated"
    );
    // "N Einträge warten auf Übertragung" follows the courier's first failed try, which races
    // with input typed all at once; it is not asserted here.
    let down = kurs(dir.path(), port, &["sync"], "");
    assert_eq!(down.status.code(), Some(2), "{down:?}");

    // A statement the LRS cannot take (no actor) waits among them; it must not hold up the rest.
    let broken = r#"{"id":"6f0c9a52-4c1e-4a4e-9c3b-1d2e3f405162","verb":{"id":"http://adlnet.gov/expapi/verbs/answered"}}"#;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&outbox)
        .unwrap();
    writeln!(file, "{broken}").unwrap();

    // Back up: `kurs sync` sends what waited, sets the broken one apart (exit 1), and a
    // second sync has nothing left.
    let _lrs = Lrs::start(&python, &data, port);
    let synced = kurs(dir.path(), port, &["sync"], "");
    assert_eq!(synced.status.code(), Some(1), "{synced:?}");
    assert_eq!(
        String::from_utf8_lossy(&synced.stdout),
        "kurs: 5 learning records sent, 0 waiting, 1 refused by the LRS and set apart (see `kurs sync --rejected`)\n"
    );
    let rejected = kurs(dir.path(), port, &["sync", "--rejected"], "");
    let rejected = String::from_utf8_lossy(&rejected.stdout).into_owned();
    assert!(
        rejected.contains("6f0c9a52-4c1e-4a4e-9c3b-1d2e3f405162: HTTP 422"),
        "{rejected}"
    );
    let again = kurs(dir.path(), port, &["sync"], "");
    assert_eq!(
        String::from_utf8_lossy(&again.stdout),
        "kurs: 0 learning records sent, 0 waiting\n"
    );

    let all = stored(&data);
    assert_eq!(all.len(), 13);
    let mut ids = BTreeMap::new();
    for statement in &all {
        *ids.entry(statement["id"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
        assert_eq!(
            check_statement(statement),
            Vec::<String>::new(),
            "{statement:#}"
        );
    }
    assert!(
        ids.values().all(|&n| n == 1),
        "a statement stored twice: {ids:?}"
    );
    let mut by_time = all.clone();
    by_time.sort_by_key(|s| s["timestamp"].as_str().unwrap().to_string());
    assert_eq!(check_sessions(&by_time), Vec::<String>::new());
    assert_eq!(std::fs::read_to_string(&outbox).unwrap(), "");
}

/// A learner's own computer in `dir`: the probe course, and a config naming the learner (and
/// sharing the profile's name, when there is one).
fn learner(dir: &Path, id: &str, name: Option<&str>) -> PathBuf {
    let home = dir.join(id);
    course(&home.join("course"));
    std::fs::create_dir_all(home.join("config/kurs")).unwrap();
    std::fs::write(
        home.join("config/kurs/config.toml"),
        format!(
            "[lrs]\nlearner_id = \"{id}\"\nshare_name = {}\n",
            name.is_some()
        ),
    )
    .unwrap();
    if let Some(name) = name {
        let set = kurs(
            &home,
            0,
            &[
                "profile",
                "set",
                "--name",
                name,
                "--birth-date",
                "1990-01-02",
            ],
            "",
        );
        assert!(set.status.success(), "{set:?}");
    }
    home
}

/// `kurs report` on the trainer's computer in `dir`: exit code, stdout, stderr.
fn report(dir: &Path, port: u16, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let course = dir.join("course");
    let mut all = vec!["report", course.to_str().unwrap()];
    all.extend_from_slice(args);
    let output = kurs_with(dir, port, &all, "", env);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_trainer_sees_each_learner_per_module_read_back_from_the_lrs() {
    let Some(python) = ralph_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (data, port) = (dir.path().join("lrs"), free_port());
    let trainer = dir.path().join("trainer");
    course(&trainer.join("course"));
    let _lrs = Lrs::start(&python, &data, port);

    // Nothing recorded yet: one sentence, and nothing wrong.
    let (code, out, _) = report(&trainer, port, &[], &[]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Probe (lrs-probe): Im LRS gibt es noch keine Lerneinträge zu diesem Kurs.\n"
    );

    // Anna (who shares her name) fails module 1's quiz, then passes it; Ben reads module 2 and
    // marks it "Gelernt". Each syncs whatever the player could not send.
    let anna = learner(dir.path(), "anna.k", Some("Anna Kühn"));
    play(&anna, port, "1\n1\n3\nfalsch\n2\nwahr\n");
    let ben = learner(dir.path(), "ben", None);
    play(&ben, port, "2\n1\n4\n");
    for home in [&anna, &ben] {
        let synced = kurs(home, port, &["sync"], "");
        assert!(synced.status.success(), "{synced:?}");
    }
    let stored = stored(&data).len();
    assert_eq!(stored, 13, "8 statements of Anna's session, 5 of Ben's");

    // Three statements a page: the report must follow the LRS's `more` links to the end.
    let (code, out, err) = report(
        &trainer,
        port,
        &["--format", "json", "--page-size", "3"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let course = &json["courses"][0];
    assert_eq!(course["id"], "lrs-probe");
    assert_eq!(course["statements"], stored, "{err}");
    assert_eq!(
        (&course["learners"], &course["complete"]),
        (&2.into(), &true.into())
    );
    let rows: Vec<(String, String, String, u64, Option<i64>)> = course["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["learner"].as_str().unwrap().to_string(),
                r["module_id"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
                r["attempts"].as_u64().unwrap(),
                r["best_percent"].as_i64(),
            )
        })
        .collect();
    let row = |l: &str, m: &str, s: &str, a: u64, p: Option<i64>| {
        (l.to_string(), m.to_string(), s.to_string(), a, p)
    };
    assert_eq!(
        rows,
        [
            row("anna.k", "m1", "passed", 2, Some(100)),
            row("anna.k", "m2", "not_started", 0, None),
            row("ben", "m1", "not_started", 0, None),
            row("ben", "m2", "learned", 0, None),
        ]
    );
    assert_eq!(course["rows"][0]["learner_name"], "Anna Kühn");
    assert_eq!(course["rows"][3]["learner_name"], Value::Null);
    assert!(course["rows"][0]["last_activity"].is_string());
    assert!(course["rows"][1]["last_activity"].is_null());

    // The same rows as CSV, for a spreadsheet (the times differ from run to run).
    let (code, out, _) = report(
        &trainer,
        port,
        &["--format", "csv", "--page-size", "3"],
        &[],
    );
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "course_id,learner,learner_name,home_page,part,module_id,title,status,learned,attempts,best_raw,best_max,best_scaled,best_percent,last_activity"
    );
    let home = format!("http://127.0.0.1:{port}");
    let without_time = |line: &str| line.rsplit_once(',').unwrap().0.to_string();
    assert_eq!(
        lines[1..5]
            .iter()
            .map(|l| without_time(l))
            .collect::<Vec<_>>(),
        [
            format!(
                "lrs-probe,anna.k,Anna Kühn,{home},module,m1,Modul m1,passed,false,2,1,1,1,100"
            ),
            format!("lrs-probe,anna.k,Anna Kühn,{home},module,m2,Modul m2,not_started,false,0,,,,"),
            format!("lrs-probe,ben,,{home},module,m1,Modul m1,not_started,false,0,,,,"),
            format!("lrs-probe,ben,,{home},module,m2,Modul m2,learned,true,0,,,,"),
        ]
    );
    assert_eq!(lines[5], "", "four rows and nothing after them");

    // The table, in the course's language.
    let (code, out, _) = report(&trainer, port, &[], &[]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Probe (lrs-probe): 2 Lernende, 13 Lerneinträge\n"),
        "{out}"
    );
    assert!(
        out.contains("anna.k (Anna Kühn)  Modul m1  bestanden"),
        "{out}"
    );

    // `kurs report | head -1`: a reader gone before kurs writes ends it quietly, as every command.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let course_dir = trainer.join("course");
    let closed = kurs_command(&trainer, port, &["report", course_dir.to_str().unwrap()])
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(closed.status.code(), Some(141), "{closed:?}");

    // A wrong password: exit 1 and the settings to fix, nothing on stdout.
    let (code, out, err) = report(&trainer, port, &[], &[("KURS_LRS_PASSWORD", "falsch")]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "kurs: the LRS refused to show statements to this account (HTTP 401); set [lrs] username and password (or KURS_LRS_USERNAME and KURS_LRS_PASSWORD) to an account that may read statements\n"
    );
}

#[test]
fn the_report_says_when_the_lrs_cannot_be_reached() {
    let dir = tempfile::tempdir().unwrap();
    course(&dir.path().join("course"));
    // Nothing listens on a port just freed.
    let (code, out, err) = report(dir.path(), free_port(), &[], &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("kurs: the LRS could not be reached (")
            && err.ends_with("; try again when it is\n"),
        "{err}"
    );
}

#[test]
fn the_report_names_the_courses_there_are_for_an_unknown_id() {
    let dir = tempfile::tempdir().unwrap();
    course(&dir.path().join("course"));
    let (code, _, err) = report(dir.path(), free_port(), &["--course", "lrs-prob"], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "kurs: there is no course `lrs-prob`; the courses here are `lrs-probe`\n"
    );
}

#[test]
fn the_report_without_an_lrs_says_which_setting_to_make() {
    let dir = tempfile::tempdir().unwrap();
    course(&dir.path().join("course"));
    let (code, _, err) = report(dir.path(), 0, &[], &[("KURS_LRS_ENDPOINT", "")]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("kurs: no LRS is configured: set [lrs] endpoint in ")
            && err.ends_with("/config/kurs/config.toml, or KURS_LRS_ENDPOINT\n"),
        "{err}"
    );
}

#[test]
fn an_exam_handed_in_is_the_exam_row_of_the_report() {
    let Some(python) = ralph_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (data, port) = (dir.path().join("lrs"), free_port());
    let _lrs = Lrs::start(&python, &data, port);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/exam-de");
    let course = fixture.to_str().unwrap();
    let erika = learner(dir.path(), "erika", None);

    // The module's quiz first (both questions are true), which opens the exam; then the exam,
    // started, every question true, handed in at the summary, the profile given for the
    // certificate.
    let quiz = kurs(
        &erika,
        port,
        &[course, "--plain", "--seed", "1"],
        "1\n3\n1\n1\n",
    );
    assert!(quiz.status.success(), "{quiz:?}");
    let exam = kurs(
        &erika,
        port,
        &["exam", course, "--seed", "2"],
        "1\n1\n1\n1\n1\nErika Mustermann\n1990-01-31\n",
    );
    assert!(exam.status.success(), "{exam:?}");
    let synced = kurs(&erika, port, &["sync"], "");
    assert!(synced.status.success(), "{synced:?}");

    let output = kurs(&erika, port, &["report", course, "--format", "json"], "");
    assert!(output.status.success(), "{output:?}");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = json["courses"][0]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{rows:#?}");
    let exam = &rows[1];
    assert_eq!(
        (
            &exam["part"],
            &exam["status"],
            &exam["attempts"],
            &exam["best_raw"],
            &exam["best_max"],
            &exam["best_percent"]
        ),
        (
            &"exam".into(),
            &"passed".into(),
            &1.into(),
            &3.into(),
            &3.into(),
            &100.into()
        )
    );
    let table = kurs(&erika, port, &["report", course], "");
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.contains("Abschlusstest  bestanden"), "{table}");
}
