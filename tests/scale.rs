//! What the player and `kurs progress` read at scale gives what a full read gives: the start of
//! each module file read alone shows the library a full read shows, and `kurs progress`, which
//! reads one course's progress at a time, prints what the whole progress says.

#[path = "../examples/generate_library.rs"]
#[allow(dead_code)] // the generator's own `main` and what only the benchmarks use
mod generator;

use std::path::{Path, PathBuf};
use std::process::Command;

use kurs::course::{Depth, Library, Source, load};
use kurs::progress::ProgressStore;

const KURS: &str = env!("CARGO_BIN_EXE_kurs");

/// What the library screen shows of a library: courses, areas, and each module's id, code,
/// title and file.
fn shown(library: &Library) -> Vec<String> {
    let mut lines = Vec::new();
    for course in &library.courses {
        lines.push(format!(
            "{} {} {:?}",
            course.id, course.title, course.description
        ));
        for area in &course.areas {
            lines.push(format!(
                "  {:?} {:?} {:?}",
                area.code, area.title, area.modules
            ));
        }
        for module in &course.modules {
            lines.push(format!(
                "    {} {:?} {} {}",
                module.id,
                module.code,
                module.title,
                module.path.display()
            ));
        }
    }
    lines
}

/// A generated library with the starts that make reading a start alone hard: one longer than
/// the first piece read, with an umlaut cut by that piece's end, and a module file that is a
/// link to another file inside the course folder.
fn awkward_library(dir: &Path) -> PathBuf {
    let root = dir.join("bibliothek");
    generator::write(&root, &generator::library(7, 3, 6)).expect("written");
    let course = root.join("kurs-001");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&course)
        .expect("course folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != "course.toml"))
        .collect();
    names.sort();
    // An intro longer than the first piece read (4 KiB), whose last byte is the first of a "ü".
    let long = &names[0];
    let text = std::fs::read_to_string(long).expect("module");
    let opening = "intro = '''\n";
    let at = text.find(opening).expect("an intro") + opening.len();
    let filler = format!("{}ü{}\n", "x".repeat(4095 - at), "y".repeat(6000));
    let text = text.replacen(opening, &format!("{opening}{filler}"), 1);
    std::fs::write(long, text).expect("written");
    #[cfg(unix)]
    {
        let linked = &names[1];
        let real = course.join("echt").join("modul.toml");
        std::fs::create_dir_all(real.parent().expect("folder")).expect("folder");
        std::fs::rename(linked, &real).expect("moved");
        std::os::unix::fs::symlink(&real, linked).expect("linked");
    }
    root
}

#[test]
fn the_start_of_each_module_read_alone_shows_the_library_a_full_read_shows() {
    let dir = tempfile::tempdir().expect("temp folder");
    let root = awkward_library(dir.path());
    let (full, full_report) = load(&Source::Path(root.clone()), Depth::Full);
    let (starts, starts_report) = load(&Source::Path(root), Depth::Headers);
    assert_eq!(shown(&starts), shown(&full));
    assert_eq!(starts_report.diagnostics, full_report.diagnostics);
    assert_eq!(starts_report.files, full_report.files);
    assert!(full.courses.iter().all(|c| c.modules.len() == 6));
    assert!(
        starts
            .courses
            .iter()
            .flat_map(|c| &c.modules)
            .all(|m| !m.loaded),
        "only starts were read"
    );
}

#[test]
fn a_module_file_that_is_not_utf8_after_its_start_is_told_when_it_is_opened() {
    let dir = tempfile::tempdir().expect("temp folder");
    let root = dir.path().join("bibliothek");
    generator::write(&root, &generator::library(7, 1, 2)).expect("written");
    let module = std::fs::read_dir(root.join("kurs-001"))
        .expect("course folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != "course.toml"))
        .min()
        .expect("a module file");
    let mut bytes = std::fs::read(&module).expect("module");
    bytes.extend_from_slice(b"\n# \xff\n");
    std::fs::write(&module, bytes).expect("written");
    let (mut library, report) = load(&Source::Path(root.clone()), Depth::Headers);
    assert_eq!(
        report.errors(),
        0,
        "the start is fine: {:?}",
        report.diagnostics
    );
    let errors = kurs::course::load_module(&mut library, 0, 0).expect_err("not UTF-8");
    assert_eq!(errors[0].code, kurs::diagnostic::Code::NotUtf8);
    let (_, full_report) = load(&Source::Path(root), Depth::Full);
    assert_eq!(
        full_report.diagnostics, errors,
        "the same words as a full read"
    );
}

#[test]
fn kurs_progress_prints_what_the_whole_progress_says_though_it_reads_one_course_at_a_time() {
    let dir = tempfile::tempdir().expect("temp folder");
    let root = dir.path().join("bibliothek");
    generator::write(&root, &generator::library(3, 4, 5)).expect("written");
    let (model, _) = load(&Source::Path(root.clone()), Depth::Full);
    let mut history = generator::history(3, &model, 2);
    // One course without progress, one module of another unlearned: every status shows.
    history.courses.remove("kurs-002");
    if let Some(course) = history.courses.get_mut("kurs-003") {
        let first = course.modules.keys().next().cloned().expect("a module");
        course.modules.remove(&first);
    }
    let file = dir.path().join("progress.toml");
    generator::write_progress(&file, &history);

    let output = Command::new(KURS)
        .args(["progress", "--json", "--progress"])
        .arg(&file)
        .arg(&root)
        .output()
        .expect("kurs runs");
    assert!(output.status.success(), "{output:?}");
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");

    let (store, notices) = ProgressStore::inspect(&file);
    assert!(notices.is_empty());
    let expected = kurs::session::overview(&model, store.progress());
    let courses = printed["courses"].as_array().expect("courses");
    assert_eq!(courses.len(), expected.len());
    for (course, facts) in courses.iter().zip(&expected) {
        assert_eq!(course["id"], facts.id.as_str());
        let modules = course["modules"].as_array().expect("modules");
        assert_eq!(modules.len(), facts.modules.len());
        for (module, facts) in modules.iter().zip(&facts.modules) {
            assert_eq!(module["id"], facts.id.as_str());
            assert_eq!(module["attempts"], facts.attempts);
            assert_eq!(
                module["best_percent"],
                serde_json::json!(facts.best_percent)
            );
            assert_eq!(module["learned_at"], serde_json::json!(facts.learned_at));
            assert_eq!(module["passed"], facts.passed);
            assert_eq!(
                module["status"],
                serde_json::to_value(facts.status).expect("status")
            );
        }
    }
    assert!(
        courses[1]["modules"]
            .as_array()
            .expect("modules")
            .iter()
            .all(|m| m["attempts"] == 0),
        "the course without progress"
    );
}

/// The full-screen player reads the first courses of a large library before its first screen
/// and the rest on a thread (`Session::open_first`): together they are the library a full read
/// gives, course for course; and a learner who left off in a later course gets the whole
/// library at once, so that the player opens where they were.
#[test]
fn the_first_courses_and_the_rest_are_the_whole_library() {
    use kurs::session::{FIRST_COURSES, RestRead, Session, Sources};
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("bibliothek");
    generator::write(&root, &generator::library(3, FIRST_COURSES + 4, 3)).expect("written");
    let sources = Sources {
        courses: Some(root.clone()),
        progress: dir.path().join("progress.toml"),
    };
    let whole = Session::open(&sources).expect("opened");
    assert!(whole.rest.is_none());
    // Courses of three modules take six lines each: two courses fill a window of ten rows.
    let few = Session::open_first(&sources, 10).expect("opened");
    assert_eq!(few.library.courses.len(), 2);
    assert!(few.rest.is_some());
    let first = Session::open_first(&sources, 1000).expect("opened");
    assert_eq!(first.library.courses.len(), FIRST_COURSES);
    let rest = first.rest.as_ref().expect("the rest is read on a thread");
    let RestRead::Ready {
        courses,
        store,
        notices,
    } = rest.take(true)
    else {
        panic!("the rest was not read");
    };
    assert!(notices.is_empty());
    assert!(store.is_some(), "the whole store comes with the rest");
    let mut joined = first.library.clone();
    courses.join_after(&mut joined.courses);
    assert_eq!(shown(&joined), shown(&whole.library));

    // With progress in the first and in a later course, but no place to go back to: the first
    // screen has the first courses' progress, the rest brings the whole.
    let (first_id, later_id) = (
        whole.library.courses[0].id.clone(),
        whole.library.courses[FIRST_COURSES + 1].id.clone(),
    );
    let (mut store, _) = ProgressStore::open(&sources.progress);
    for (course, id) in [(0, &first_id), (FIRST_COURSES + 1, &later_id)] {
        let module = whole.library.courses[course].modules[0].id.clone();
        assert!(
            store
                .update(id, |p| p.set_learned(
                    id,
                    &module,
                    true,
                    "2026-12-01T10:00:00Z"
                ))
                .is_none()
        );
    }
    drop(store);
    let first = Session::open_first(&sources, 1000).expect("opened");
    assert!(first.store.progress().courses.contains_key(&first_id));
    assert!(!first.store.progress().courses.contains_key(&later_id));
    let RestRead::Ready { store, .. } = first.rest.as_ref().expect("rest").take(true) else {
        panic!("the rest was not read");
    };
    let store = store.expect("the whole store");
    assert!(store.progress().courses.contains_key(&first_id));
    assert!(store.progress().courses.contains_key(&later_id));

    // Left off in the last course: that course must be there at the start.
    let last = whole.library.courses.last().expect("a course").clone();
    let (mut store, _) = ProgressStore::open(&sources.progress);
    assert!(
        store
            .update(&last.id, |p| {
                p.last_course = Some(last.id.clone());
                p.set_place(&last.id, &last.modules[1].id, None);
            })
            .is_none()
    );
    drop(store);
    let resumed = Session::open_first(&sources, 1000).expect("opened");
    assert!(resumed.rest.is_none());
    assert_eq!(shown(&resumed.library), shown(&whole.library));
    let place = resumed.start_place().expect("the place");
    assert_eq!(place.at.course, whole.library.courses.len() - 1);
}

/// Errors in a course after the first ones are counted on the first screen's notice once the
/// rest is read, as a full read counts them.
#[test]
fn errors_in_the_rest_of_the_library_are_counted_with_it() {
    use kurs::session::{FIRST_COURSES, Notice, RestRead, Session, Sources};
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("bibliothek");
    generator::write(&root, &generator::library(4, FIRST_COURSES + 2, 2)).expect("written");
    let last = root.join(format!("kurs-{:03}", FIRST_COURSES + 2));
    std::fs::write(last.join("course.toml"), "id = \"kaputt\"\ntitle = \n").expect("broken");
    let sources = Sources {
        courses: Some(root),
        progress: dir.path().join("progress.toml"),
    };
    let first = Session::open_first(&sources, 1000).expect("opened");
    assert!(first.notices.is_empty());
    let RestRead::Ready {
        courses, notices, ..
    } = first.rest.as_ref().expect("rest").take(true)
    else {
        panic!("the rest was not read");
    };
    assert_eq!(courses.len(), 1);
    assert!(
        matches!(notices.as_slice(), [Notice::CourseErrors(1)]),
        "{:?}",
        notices
            .iter()
            .map(|n| n.text(kurs::i18n::Lang::En))
            .collect::<Vec<_>>()
    );
}

/// In the player, the first key waits for the rest of the library: End then selects the last
/// module of the last course, not of the last of the first courses.
#[test]
fn the_first_key_in_the_player_acts_on_the_whole_library() {
    use kurs::session::{FIRST_COURSES, Options, Session, Sources};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("bibliothek");
    generator::write(&root, &generator::library(5, FIRST_COURSES + 3, 2)).expect("written");
    let sources = Sources {
        courses: Some(root),
        progress: dir.path().join("progress.toml"),
    };
    let session = Session::open_first(&sources, 1000).expect("opened");
    assert!(session.rest.is_some());
    let mut state = kurs::tui::start(session, Options::default());
    let mut events = vec![Event::Key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE))].into_iter();
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    kurs::tui::run(&mut terminal, &mut state, || Ok(events.next())).expect("the loop");
    assert!(state.rest.is_none());
    assert_eq!(state.library.courses.len(), FIRST_COURSES + 3);
    let kurs::tui::state::Screen::Library(library) = &state.screen else {
        panic!("the library");
    };
    let selected = state.library_row(library.selected).expect("a row");
    assert_eq!(selected.course, FIRST_COURSES + 2);
}

/// The first screen of a large library is the one a full read gives: the same courses, titles,
/// bars and modules in every row; only the scroll bar (the last column) cannot know yet how
/// long the library is.
#[test]
fn the_first_screen_of_the_first_courses_is_the_first_screen_of_the_whole_library() {
    use kurs::session::{FIRST_COURSES, Options, Session, Sources};
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("bibliothek");
    generator::write(&root, &generator::library(6, FIRST_COURSES + 6, 4)).expect("written");
    let sources = Sources {
        courses: Some(root),
        progress: dir.path().join("progress.toml"),
    };
    let frame = |session: Session, width: u16, height: u16| {
        let mut state = kurs::tui::start(session, Options::default());
        state.theme = kurs::tui::theme::Theme::PLAIN;
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
                .expect("terminal");
        // No event: the loop draws the first frame and ends.
        kurs::tui::run(&mut terminal, &mut state, || {
            Ok(None::<ratatui::crossterm::event::Event>)
        })
        .expect("the loop");
        let buffer = terminal.backend().buffer().clone();
        (0..height)
            .map(|y| {
                (0..width - 1)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
    };
    for (width, height) in [(80, 24), (40, 12)] {
        let first = Session::open_first(&sources, usize::from(height)).expect("opened");
        assert!(first.rest.is_some());
        assert!(first.library.courses.len() < FIRST_COURSES + 6);
        let whole = Session::open(&sources).expect("opened");
        assert_eq!(frame(first, width, height), frame(whole, width, height));
    }
}

/// The player reads the progress files of the first course folders ahead, by the ids their
/// folder names suggest; a folder named otherwise than its course's id still gets its course's
/// own progress on the first screen, and the files read for the guess are not mixed in.
#[test]
fn a_course_folder_named_otherwise_than_its_id_gets_its_own_progress_first() {
    use kurs::session::{FIRST_COURSES, Session, Sources};
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("bibliothek");
    generator::write(&root, &generator::library(5, FIRST_COURSES + 2, 3)).expect("written");
    // The second course's folder sorts first under a name that is no course's id.
    std::fs::rename(root.join("kurs-002"), root.join("a-zweiter")).expect("renamed");
    let sources = Sources {
        courses: Some(root.clone()),
        progress: dir.path().join("progress.toml"),
    };
    let whole = Session::open(&sources).expect("opened");
    let ids: Vec<String> = whole.library.courses.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids[0], "kurs-002", "{ids:?}");
    assert_eq!(ids[1], "kurs-001", "{ids:?}");
    let (mut store, _) = ProgressStore::open(&sources.progress);
    for course in &whole.library.courses[..2] {
        let (id, module) = (&course.id, &course.modules[0].id);
        assert!(
            store
                .update(id, |p| p.set_learned(
                    id,
                    module,
                    true,
                    "2026-12-01T10:00:00Z"
                ))
                .is_none()
        );
    }
    drop(store);
    let first = Session::open_first(&sources, 1000).expect("opened");
    assert!(
        first.rest.is_some(),
        "only the first courses are read first"
    );
    let progress = first.store.progress();
    for course in &whole.library.courses[..2] {
        let module = progress
            .module(&course.id, &course.modules[0].id)
            .expect("the first screen has the course's own progress");
        assert!(module.learned_at.is_some());
    }
    assert_eq!(
        progress.courses.keys().collect::<Vec<_>>(),
        vec!["kurs-001", "kurs-002"],
        "nothing but the first courses' progress"
    );
}
