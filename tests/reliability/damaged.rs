//! Damaged progress files: truncated at every byte offset of a real file, random bytes, a newer
//! schema_version, an empty file, a folder at the path, no permission to read or to write.
//! For each, `kurs progress`, the player in plain mode (the real binary) and the full-screen player
//! (its start-up and run loop in this process) start, say exactly one clear sentence (none for a
//! file that is intact), and the original bytes are still on disk afterwards: in place, kept aside
//! as `progress.toml.damaged-…`, or — for a shorter file that is still whole — carried over into
//! the next save. A few cases also run in the real full-screen player in a pseudo-terminal.
//!
//! Permission cases: root ignores file permissions, so as root the binaries run as `nobody`
//! through `setpriv`; the in-process player cannot change its user and skips them as root.
//!
//! Default run: every truncation and 60 random files. `KURS_LONG_TESTS=1`: 600 random files.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use kurs::i18n::Lang;
use kurs::progress::{Progress, ProgressStore};
use kurs::session::{Options, Session, Sources};
use kurs::tui::action::Action;
use kurs::tui::update::update;
use rand::{Rng, SeedableRng};

use crate::support::fixtures::*;
use crate::support::player::draw;
use crate::support::pty::{KURS, NOBODY, Pty, as_nobody};

#[derive(Clone, Debug)]
enum Setup {
    File(Vec<u8>),
    Folder,
    /// The file exists but may not be read.
    NoRead(Vec<u8>),
    /// The file is read-only; its folder is writable.
    NoWrite(Vec<u8>),
    /// The file is writable; its folder is not (no temporary file, no rename).
    FolderNoWrite(Vec<u8>),
}

#[derive(Clone, Debug)]
struct Case {
    name: String,
    setup: Setup,
    /// The case is the file of one course (`progress/kurs-en.toml`) beside a good index,
    /// rather than the index `progress.toml` itself.
    course_file: bool,
}

impl Case {
    fn new(name: impl Into<String>, setup: Setup) -> Case {
        Case {
            name: name.into(),
            setup,
            course_file: false,
        }
    }

    fn in_course_file(mut self) -> Case {
        self.name.push_str(" (course file)");
        self.course_file = true;
        self
    }

    fn bytes(&self) -> Option<&[u8]> {
        match &self.setup {
            Setup::File(b) | Setup::NoRead(b) | Setup::NoWrite(b) | Setup::FolderNoWrite(b) => {
                Some(b)
            }
            Setup::Folder => None,
        }
    }

    fn needs_permissions(&self) -> bool {
        matches!(
            self.setup,
            Setup::NoRead(_) | Setup::NoWrite(_) | Setup::FolderNoWrite(_)
        )
    }

    /// How many sentences the learner must get: none when the file is whole and kurs may use it.
    fn expected_sentences(&self) -> usize {
        match &self.setup {
            Setup::File(bytes) if current_progress(bytes).is_some() => 0,
            _ => 1,
        }
    }

    /// The same for `kurs progress`, which only reads: a file it may read but not write is
    /// nothing to tell there.
    fn expected_sentences_reading(&self) -> usize {
        match &self.setup {
            Setup::NoWrite(_) | Setup::FolderNoWrite(_) => 0,
            _ => self.expected_sentences(),
        }
    }

    /// Whether a player may end with status 2: only when it has said that it cannot save.
    fn may_end_unsaved(&self, status: Option<i32>) -> bool {
        status == Some(0) || (status == Some(2) && self.expected_sentences() > 0)
    }
}

/// The progress in `bytes` if this kurs reads them as an intact file of its own version.
fn current_progress(bytes: &[u8]) -> Option<Progress> {
    // Larger files are not ones kurs wrote, whatever they hold.
    if bytes.len() > 16 * 1024 * 1024 {
        return None;
    }
    kurs::progress::store::read_bytes(bytes).ok()
}

/// Everything the store at `file` holds now (the index and every course file), as a learner's
/// next start would see it; `None` when it says anything is wrong.
fn stored_progress(file: &std::path::Path) -> Option<Progress> {
    let (store, notices) = kurs::progress::ProgressStore::open(file);
    notices.is_empty().then(|| store.progress().clone())
}

/// A prepared folder: `progress.toml` set up as the case says, owned by the user kurs runs as.
struct Prepared {
    /// Removed when the case is done.
    _dir: tempfile::TempDir,
    /// The progress file the front ends are given (the index).
    index: PathBuf,
    /// The file the case is about: the index, or one course's file.
    file: PathBuf,
}

impl Prepared {
    fn new(case: &Case, root: bool) -> Prepared {
        use std::os::unix::fs::chown;
        let dir = tempfile::tempdir().unwrap();
        let mut folder = dir.path().join("state");
        std::fs::create_dir(&folder).unwrap();
        let index = folder.join("progress.toml");
        if case.course_file {
            std::fs::write(&index, "schema_version = 2\nlast_course = \"kurs-en\"\n").unwrap();
            folder = ProgressStore::courses_folder(&index);
            std::fs::create_dir(&folder).unwrap();
        }
        let file = if case.course_file {
            folder.join("kurs-en.toml")
        } else {
            index.clone()
        };
        match &case.setup {
            Setup::Folder => {
                std::fs::create_dir(&file).unwrap();
                std::fs::write(file.join("inside"), "kept").unwrap();
            }
            Setup::File(bytes)
            | Setup::NoRead(bytes)
            | Setup::NoWrite(bytes)
            | Setup::FolderNoWrite(bytes) => std::fs::write(&file, bytes).unwrap(),
        }
        if root && case.needs_permissions() {
            // The files belong to nobody, as a learner's own files belong to them.
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
            chown(&folder, Some(NOBODY), Some(NOBODY)).unwrap();
            chown(&file, Some(NOBODY), Some(NOBODY)).unwrap();
        }
        let (file_mode, folder_mode) = match case.setup {
            Setup::NoRead(_) => (0o200, 0o755),
            Setup::NoWrite(_) => (0o444, 0o755),
            Setup::FolderNoWrite(_) => (0o644, 0o555),
            _ => (0o644, 0o755),
        };
        if !matches!(case.setup, Setup::Folder) {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(file_mode)).unwrap();
        }
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(folder_mode)).unwrap();
        Prepared {
            _dir: dir,
            index,
            file,
        }
    }

    fn folder(&self) -> &Path {
        self.file.parent().unwrap()
    }

    /// Whether the original bytes survived; Err says how they did not.
    fn kept(&self, case: &Case) -> Result<&'static str, String> {
        // Read as the test (root or the owner); permissions do not matter for checking.
        let _ = std::fs::set_permissions(self.folder(), std::fs::Permissions::from_mode(0o755));
        let _ = std::fs::set_permissions(&self.file, std::fs::Permissions::from_mode(0o644));
        let Some(bytes) = case.bytes() else {
            let inside = std::fs::read_to_string(self.file.join("inside"));
            return match inside {
                Ok(text) if text == "kept" && self.file.is_dir() => Ok("untouched"),
                other => Err(format!("the folder changed: {other:?}")),
            };
        };
        let now = std::fs::read(&self.file).ok();
        if now.as_deref() == Some(bytes) {
            return Ok("untouched");
        }
        let copies = damaged_copies(self.folder());
        if let [copy] = copies.as_slice()
            && std::fs::read(copy).unwrap() == bytes
        {
            return Ok("kept aside");
        }
        if !copies.is_empty() {
            return Err(format!("damaged copies {copies:?} do not hold the bytes"));
        }
        match (
            current_progress(bytes),
            now.as_ref().and_then(|_| stored_progress(&self.index)),
        ) {
            (Some(old), Some(new)) => keeps_everything(&old, &new).map(|()| "carried over"),
            (old, _) => Err(format!(
                "the bytes are gone (they were {}) and the file is {:?}",
                if old.is_some() { "intact" } else { "damaged" },
                now.map(|n| String::from_utf8_lossy(&n).into_owned())
            )),
        }
    }
}

/// Whether `new` still holds everything `old` held (a save may add, never drop).
fn keeps_everything(old: &Progress, new: &Progress) -> Result<(), String> {
    for (course_id, course) in &old.courses {
        for (module_id, module) in &course.modules {
            let place = format!("{course_id}/{module_id}");
            let Some(now) = new.module(course_id, module_id) else {
                return Err(format!("{place} is gone"));
            };
            if !module.opened_sections.is_subset(&now.opened_sections) {
                return Err(format!("{place}: opened sections lost"));
            }
            if module.learned_at.is_some() && now.learned_at != module.learned_at {
                return Err(format!("{place}: learned mark lost"));
            }
            if module.attempts.iter().any(|a| !now.attempts.contains(a)) {
                return Err(format!("{place}: an attempt was lost"));
            }
            for (question, record) in &module.questions {
                match now.questions.get(question) {
                    Some(r) if r.answered_at >= record.answered_at => {}
                    other => return Err(format!("{place}/{question}: answer lost: {other:?}")),
                }
            }
        }
    }
    Ok(())
}

/// The sentences kurs says about a progress file; every one starts like one of these, or
/// (a file in the folder of the course files that kurs did not write) says so.
fn sentences(text: &str) -> usize {
    text.matches("The progress file ").count()
        + text.matches("Progress is not being saved").count()
        + text
            .matches("in the progress folder was not written by kurs")
            .count()
}

fn is_one_clear_sentence(line: &str) -> bool {
    let line = line.trim();
    sentences(line) == 1
        && line.ends_with('.')
        && !line.chars().any(char::is_control)
        && !line[..line.len() - 1].contains(". ")
}

/// Runs the real binary, as nobody for the permission cases when this test runs as root.
fn kurs(case: &Case, root: bool, args: &[&str]) -> Output {
    let mut line: Vec<String> = if root && case.needs_permissions() {
        as_nobody()
    } else {
        Vec::new()
    };
    line.push(KURS.into());
    line.extend(args.iter().map(|a| a.to_string()));
    Command::new(&line[0])
        .args(&line[1..])
        .env_remove("KURS_PROGRESS")
        .env_remove("KURS_COURSES")
        .env("COLUMNS", "200")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn check_kurs_progress(case: &Case, root: bool) -> Result<&'static str, String> {
    let prepared = Prepared::new(case, root);
    let file = prepared.index.to_str().unwrap();
    let course = course_en();
    let out = kurs(
        case,
        root,
        &["progress", "--progress", file, course.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stderr.lines().collect();
    if !out.status.success() || !stdout.contains("Test course") {
        return Err(format!("kurs progress failed: {stderr}{stdout}"));
    }
    if lines.len() != case.expected_sentences_reading()
        || !lines
            .iter()
            .all(|l| l.starts_with("kurs: ") && is_one_clear_sentence(&l[6..]))
    {
        return Err(format!("kurs progress said: {stderr:?}"));
    }
    prepared.kept(case)
}

fn check_plain_player(case: &Case, root: bool) -> Result<&'static str, String> {
    let prepared = Prepared::new(case, root);
    let file = prepared.index.to_str().unwrap();
    let course = course_en();
    let out = kurs(
        case,
        root,
        &[
            course.to_str().unwrap(),
            "--progress",
            file,
            "--plain",
            "--lang",
            "en",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The course list, or the module the learner is resumed in.
    if !case.may_end_unsaved(out.status.code()) || !stdout.contains("M1 Strong passwords") {
        return Err(format!(
            "the plain player failed: {}{stdout}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let said: Vec<&str> = stdout.lines().filter(|l| sentences(l) > 0).collect();
    // A failing save at the end may repeat the sentence once; at the start it is said once.
    if said.len() < case.expected_sentences()
        || said.len() > case.expected_sentences() * 2
        || !said.iter().all(|l| is_one_clear_sentence(l))
    {
        return Err(format!("the plain player said: {said:?}\n{stdout}"));
    }
    prepared.kept(case)
}

/// The full-screen player's start-up and run loop, drawn into a test terminal, then a section
/// opened (a save) and quit (another save).
fn check_screen_player(case: &Case) -> Result<&'static str, String> {
    let prepared = Prepared::new(case, false);
    let sources = Sources {
        courses: Some(course_en()),
        progress: prepared.index.clone(),
    };
    let options = Options {
        lang: Some(Lang::En),
        seed: Some(1),
        time: Default::default(),
    };
    let session = Session::open(&sources).map_err(|e| e.to_string())?;
    let notices = session.notice_texts(&options);
    let mut state = kurs::tui::start(session, options);
    let first = draw(&mut state);
    if notices.len() != case.expected_sentences()
        || !notices.iter().all(|n| is_one_clear_sentence(n))
        || (case.expected_sentences() > 0) != (sentences(&first) > 0)
    {
        return Err(format!("the player said {notices:?}; screen:\n{first}"));
    }
    for action in [
        Action::Back,
        Action::Activate,
        Action::Activate,
        Action::Quit,
    ] {
        update(&mut state, action);
    }
    draw(&mut state);
    drop(state);
    prepared.kept(case)
}

#[derive(Default)]
struct Tally {
    cases: usize,
    runs: usize,
    untouched: usize,
    kept_aside: usize,
    carried_over: usize,
    skipped: usize,
    failures: Vec<String>,
}

impl Tally {
    fn record(&mut self, case: &Case, front_end: &str, result: Result<&'static str, String>) {
        self.runs += 1;
        match result {
            Ok("untouched") => self.untouched += 1,
            Ok("kept aside") => self.kept_aside += 1,
            Ok(_) => self.carried_over += 1,
            Err(error) => self
                .failures
                .push(format!("{} ({front_end}): {error}", case.name)),
        }
    }

    fn merge(&mut self, other: Tally) {
        self.cases += other.cases;
        self.runs += other.runs;
        self.untouched += other.untouched;
        self.kept_aside += other.kept_aside;
        self.carried_over += other.carried_over;
        self.skipped += other.skipped;
        self.failures.extend(other.failures);
    }

    fn report(&self, what: &str) {
        println!(
            "damaged progress files, {what}: {} cases, {} runs of kurs progress / plain player / \
             full-screen player ({} skipped), bytes untouched {}, kept aside {}, carried into the \
             next save {}, cases where bytes were lost or the sentence was wrong: {}",
            self.cases,
            self.runs,
            self.skipped,
            self.untouched,
            self.kept_aside,
            self.carried_over,
            self.failures.len()
        );
        assert!(
            self.failures.is_empty(),
            "{} failures, first ones:\n{}",
            self.failures.len(),
            self.failures
                .iter()
                .take(10)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Runs every case through every front end, on a few threads.
fn run_cases(cases: Vec<Case>) -> Tally {
    let root = is_root();
    let setpriv = has_setpriv();
    let threads = 4;
    let chunks: Vec<Vec<Case>> = (0..threads)
        .map(|t| cases.iter().skip(t).step_by(threads).cloned().collect())
        .collect();
    let mut tally = Tally::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    let mut tally = Tally::default();
                    for case in chunk {
                        tally.cases += 1;
                        if case.needs_permissions() && root && !setpriv {
                            tally.skipped += 3;
                            continue;
                        }
                        tally.record(&case, "kurs progress", check_kurs_progress(&case, root));
                        tally.record(&case, "plain player", check_plain_player(&case, root));
                        if case.needs_permissions() && root {
                            tally.skipped += 1;
                        } else {
                            tally.record(&case, "full-screen player", check_screen_player(&case));
                        }
                    }
                    tally
                })
            })
            .collect();
        for handle in handles {
            tally.merge(handle.join().unwrap());
        }
    });
    tally
}

#[test]
fn every_truncation_of_a_real_file_keeps_its_bytes_and_says_one_sentence() {
    let real = real_progress();
    let cases = (0..=real.len())
        .map(|end| {
            Case::new(
                format!("truncated at {end}"),
                Setup::File(real[..end].to_vec()),
            )
        })
        .collect();
    run_cases(cases).report(&format!(
        "every truncation of a real {}-byte file",
        real.len()
    ));
}

/// The file of one course as the player writes it, from the real progress.
fn real_course_file() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("progress.toml");
    std::fs::write(&index, real_progress()).unwrap();
    let (mut store, notices) = ProgressStore::open(&index);
    assert!(notices.is_empty(), "{notices:?}");
    // The first save splits the file of the first layout into course files.
    assert_eq!(store.update("kurs-en", |_| {}), None);
    std::fs::read(ProgressStore::courses_folder(&index).join("kurs-en.toml")).unwrap()
}

#[test]
fn every_truncation_of_a_real_course_file_keeps_its_bytes_and_says_one_sentence() {
    let real = real_course_file();
    let cases = (0..=real.len())
        .map(|end| {
            Case::new(
                format!("truncated at {end}"),
                Setup::File(real[..end].to_vec()),
            )
        })
        .map(Case::in_course_file)
        .collect();
    run_cases(cases).report(&format!(
        "every truncation of a real {}-byte course file",
        real.len()
    ));
}

#[test]
fn random_bytes_keep_their_bytes_and_say_one_sentence() {
    let count = if long() { 600 } else { 60 };
    let seed: u64 = std::env::var("KURS_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::rng().random());
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let real = real_progress();
    let cases = (0..count)
        .map(|i| {
            let bytes = match i % 3 {
                0 => {
                    let len = rng.random_range(0..2048);
                    (0..len).map(|_| rng.random()).collect()
                }
                1 => {
                    let mut bytes = real.clone();
                    for _ in 0..rng.random_range(1..8) {
                        let at = rng.random_range(0..bytes.len());
                        bytes[at] = rng.random();
                    }
                    bytes
                }
                _ => {
                    let mut bytes = real.clone();
                    let at = rng.random_range(0..bytes.len());
                    let junk: &[u8] = [
                        &b"["[..],
                        b"]]",
                        b"\"",
                        b"= ",
                        b"\n[courses]\n",
                        b"\xff\xfe",
                        b"\x1b[2J",
                        b"\0",
                        "ü".as_bytes(),
                    ][rng.random_range(0..9)];
                    bytes.splice(at..at, junk.iter().copied());
                    bytes
                }
            };
            Case::new(format!("random #{i} (seed {seed})"), Setup::File(bytes))
        })
        .collect();
    run_cases(cases).report(&format!("{count} random files (seed {seed})"));
}

fn special_cases() -> Vec<Case> {
    let real = real_progress();
    let newer =
        std::fs::read(manifest().join("tests/fixtures/hostile/progress/newer-version.toml"))
            .unwrap();
    vec![
        Case::new("the real file", Setup::File(real.clone())),
        Case::new("newer schema_version", Setup::File(newer)),
        Case::new("empty", Setup::File(Vec::new())),
        Case::new("only blanks", Setup::File(b" \n\t\n".to_vec())),
        Case::new("a folder at the path", Setup::Folder),
        Case::new("over 16 MiB", {
            let mut big = real.clone();
            big.extend(std::iter::repeat_n(b'#', 16 * 1024 * 1024 + 1));
            Setup::File(big)
        }),
        Case::new("no permission to read", Setup::NoRead(real.clone())),
        Case::new(
            "no permission to write the file",
            Setup::NoWrite(real.clone()),
        ),
        Case::new(
            "no permission to write the folder",
            Setup::FolderNoWrite(real.clone()),
        ),
    ]
}

#[test]
fn special_files_keep_their_bytes_and_say_one_sentence() {
    let mut cases = special_cases();
    let in_course_files: Vec<Case> = cases.iter().cloned().map(Case::in_course_file).collect();
    cases.extend(in_course_files);
    let names: Vec<String> = cases.iter().map(|c| c.name.clone()).collect();
    run_cases(cases).report(&names.join(", "));
}

/// The real full-screen player in a pseudo-terminal, once per kind of damage.
#[test]
fn the_full_screen_player_says_one_sentence_and_keeps_the_bytes() {
    let root = is_root();
    let setpriv = has_setpriv();
    let real = real_progress();
    let mut cases = special_cases();
    cases.retain(|c| !c.name.starts_with("over 16"));
    cases.push(Case::new(
        "truncated in the middle",
        Setup::File(real[..real.len() / 2].to_vec()),
    ));
    let mut tally = Tally::default();
    for case in &cases {
        tally.cases += 1;
        if case.needs_permissions() && root && !setpriv {
            tally.skipped += 1;
            continue;
        }
        let prepared = Prepared::new(case, root);
        let mut pty = Pty::kurs(&[
            course_en().to_str().unwrap(),
            "--progress",
            prepared.index.to_str().unwrap(),
            "--lang",
            "en",
        ])
        .run_as_nobody(case.needs_permissions() && root)
        .start();
        let screen = pty.wait_for("Test course");
        let said = sentences(&screen);
        // Open the module and a section: both would save.
        pty.send("\r");
        pty.send("\r");
        pty.send("\x1b");
        pty.send("q");
        let status = pty.wait_exit();
        let code = i32::try_from(status.exit_code()).ok();
        let result = if !case.may_end_unsaved(code) {
            Err(format!("exit {status:?}: {}", pty.text()))
        } else if said != case.expected_sentences() {
            Err(format!("said {said} sentences:\n{screen}"))
        } else {
            prepared.kept(case)
        };
        tally.record(case, "real player in a pty", result);
    }
    tally.report("the real full-screen player in a pseudo-terminal");
}
