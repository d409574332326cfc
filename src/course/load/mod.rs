//! The course loader: course files → course model, collecting every problem with its exact place.
//! Never panics and never stops at the first problem; a module with errors is left out of the model.

mod course_file;
mod discover;
mod exam;
mod fields;
mod gate;
mod markup;
mod module_file;
mod printed;
mod question;
mod read;
mod suggest;
mod syntax;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::files::{Disk, Embedded, Files, SAMPLE_LIBRARY};
use super::model::{Course, Library, Origin};
use crate::diagnostic::{Code, Diagnostic, Report};
use course_file::load_course;
pub use discover::{Target, discover, library_targets};
pub use module_file::load_body;
use module_file::load_standalone_module;

/// How much of each module file to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// Everything, with every check: whoever needs the text.
    Full,
    /// Every check, as `Full`, but of each module only its start is kept once it is checked:
    /// `kurs check`, which needs the problems and not the text, so that a course of many large
    /// module files never holds more than one of them in memory.
    Check,
    /// Only what the library screen and `kurs progress` show: `course.toml` in full, and of each module file the
    /// keys before its first table (`id`, `code`, `title`). The player reads the rest of a module
    /// when it is opened (`load_module`), so the first screen does not wait for every section and
    /// question of a large library. A module whose start cannot be read on its own is read in full.
    Headers,
}

/// Where a library is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Whatever the path is on disk: a library folder, a course folder or a module file.
    Path(PathBuf),
    /// The sample library compiled into the binary.
    Samples,
}

/// Loads the library `source` names, as deep as asked (the player reads only the modules'
/// starts). The library remembers its origin, so [`load_module`] can read a body later.
pub fn load(source: &Source, depth: Depth) -> (Library, Report) {
    let (origin, path) = match source {
        Source::Path(path) => (Origin::Disk, path.as_path()),
        Source::Samples => (Origin::Samples, Path::new("")),
    };
    let files = files_of(origin);
    let (mut library, report) = match discover(files, path) {
        Ok(targets) => load_targets(files, &targets, depth),
        Err(diagnostic) => {
            let mut report = Report::default();
            report.push(*diagnostic);
            (Library::default(), report)
        }
    };
    library.origin = origin;
    (library, report)
}

/// Loads the library `source` names course by course, on every core, and hands each course
/// shown to `on_course` in library order, keeping none of them: for a command that prints a
/// library and forgets it (`kurs progress`), so that its memory does not grow with the
/// library's size; `prepare` as in [`load_each_with`]. The courses' problems are not
/// collected. Err: why there is no library.
pub fn load_streaming<T: Send>(
    source: &Source,
    depth: Depth,
    prepare: impl Fn(Option<&Course>) -> T + Sync,
    mut on_course: impl FnMut(Library, T),
) -> Result<(), Box<Diagnostic>> {
    let (origin, path) = match source {
        Source::Path(path) => (Origin::Disk, path.as_path()),
        Source::Samples => (Origin::Samples, Path::new("")),
    };
    let files = files_of(origin);
    let targets = discover(files, path)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    load_each_with(
        files,
        &targets,
        threads,
        depth,
        prepare,
        |course, _, prepared| {
            if let Some(course) = course {
                on_course(
                    Library {
                        courses: vec![course],
                        origin,
                    },
                    prepared,
                );
            }
        },
    );
    Ok(())
}

/// Reads the body of module `module` of course `course` if it is not read yet.
/// Err: the problems that keep it from being shown (errors only).
pub fn load_module(
    library: &mut Library,
    course: usize,
    module: usize,
) -> Result<(), Vec<Diagnostic>> {
    let files = files_of(library.origin);
    let Some(course) = library.courses.get_mut(course) else {
        return Ok(());
    };
    let pass_percent = course.pass_percent;
    let Some(module) = course.modules.get_mut(module) else {
        return Ok(());
    };
    load_body(files, module, pass_percent)
}

/// Reads the body of every module not read yet, as a search of the whole library needs.
/// A module that cannot be read stays unread (its title is still searched); how many could
/// not be read is returned, and opening one tells the learner why.
pub fn load_bodies(library: &mut Library) -> usize {
    let mut unreadable = 0;
    for c in 0..library.courses.len() {
        for m in 0..library.courses[c].modules.len() {
            if load_module(library, c, m).is_err() {
                unreadable += 1;
            }
        }
    }
    unreadable
}

/// The files a library of `origin` is read from.
fn files_of(origin: Origin) -> &'static dyn Files {
    static SAMPLES: Embedded = Embedded(&SAMPLE_LIBRARY);
    match origin {
        Origin::Disk => &Disk,
        Origin::Samples => &SAMPLES,
    }
}

/// Loads every target found in `files` into one library (for files that are not on disk, such
/// as `Memory` in tests). Courses that share an id are reported; the first wins.
pub fn load_targets(files: &dyn Files, targets: &[Target], depth: Depth) -> (Library, Report) {
    let mut library = Library::default();
    let mut report = Report::default();
    // The player shows nothing until the library is loaded: use every core.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    load_each(files, targets, threads, depth, |course, course_report| {
        report.absorb(course_report);
        library.courses.extend(course);
    });
    (library, report)
}

/// What loading one target gives: the course (without errors in `course.toml`), its report,
/// and the place of its id for the duplicate check across courses.
type Loaded = (Option<Course>, Report, Option<Place>);

/// Loads the targets on `threads` threads and hands each course to `on_course` in target order,
/// as soon as it and all before it are done, so a caller can print and drop it (bounded memory).
pub fn load_each(
    files: &dyn Files,
    targets: &[Target],
    threads: usize,
    depth: Depth,
    mut on_course: impl FnMut(Option<Course>, Report),
) {
    load_each_with(
        files,
        targets,
        threads,
        depth,
        |_| (),
        |course, report, ()| on_course(course, report),
    );
}

/// As [`load_each`], and `prepare` runs on each course as soon as it is loaded, on the thread
/// that loaded it: its result comes with the course (work per course that can use every core,
/// such as reading that course's progress for `kurs progress`).
pub fn load_each_with<T: Send>(
    files: &dyn Files,
    targets: &[Target],
    threads: usize,
    depth: Depth,
    prepare: impl Fn(Option<&Course>) -> T + Sync,
    mut on_course: impl FnMut(Option<Course>, Report, T),
) {
    // Each course id with the folder that has it first, and whether a course with it is shown.
    let mut course_ids: HashMap<String, (PathBuf, bool)> = HashMap::new();
    let mut deliver = |((mut course, mut report, place), prepared): (Loaded, T)| {
        // Every course id written is compared, also of a course with errors (a malformed id
        // twice is two problems: the form, and the duplicate).
        if let Some(place) = &place {
            let folder = place.file.parent().unwrap_or(&place.file);
            match course_ids.get_mut(&place.id) {
                Some((first, shown)) => {
                    report.push(place.with_code(
                        Code::DuplicateId,
                        format!(
                            "course id `{}` is already used by `{}`",
                            place.id,
                            first.display()
                        ),
                        "every course in a library needs its own id",
                    ));
                    // The first course shown wins; one that could not be read hides no other.
                    if *shown {
                        course = None;
                    }
                    *shown |= course.is_some();
                }
                None => {
                    course_ids.insert(place.id.clone(), (folder.to_path_buf(), course.is_some()));
                }
            }
        }
        on_course(course, report, prepared);
    };
    let load_only = |target: &Target| match target {
        Target::Course(dir) => load_course(files, dir, depth),
        Target::Module(path) => load_standalone_module(files, path, depth),
        Target::Outside(dir, library) => (None, outside_library(dir, library), None),
    };
    let prepared = |loaded: Loaded| {
        let prepared = prepare(loaded.0.as_ref());
        (loaded, prepared)
    };
    let load_target = |target: &Target| prepared(load_only(target));
    if threads <= 1 || targets.len() <= 1 {
        for target in targets {
            deliver(load_target(target));
        }
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    // `None`: the worker met a large file, which only this thread loads (see `gate`).
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, Option<(Loaded, T)>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(targets.len()) {
            let sender = sender.clone();
            let next = &next;
            let load_only = &load_only;
            let prepared = &prepared;
            scope.spawn(move || {
                let _worker = gate::Worker::enter();
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(target) = targets.get(i) else { break };
                    let loaded = load_only(target);
                    // What a worker that gave up on a large file read is loaded again, and
                    // prepared then.
                    let loaded = (!gate::take_gave_up()).then(|| prepared(loaded));
                    if sender.send((i, loaded)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting = std::collections::BTreeMap::new();
        let mut wanted = 0;
        for (i, loaded) in receiver {
            waiting.insert(i, loaded);
            while let Some(loaded) = waiting.remove(&wanted) {
                deliver(loaded.unwrap_or_else(|| load_target(&targets[wanted])));
                wanted += 1;
            }
        }
    });
}

/// The report for a course folder that is a link leading outside its library: nothing is read.
fn outside_library(dir: &Path, library: &Path) -> Report {
    let mut report = Report::default();
    report.push(
        Diagnostic::file(
            Code::LinkOutside,
            dir,
            format!(
                "this course folder is a symbolic link that leads outside the library folder `{}`, so kurs does not read it",
                library.display()
            ),
        )
        .with_help("put the course folder itself into the library, or check the folder the link leads to"),
    );
    report
}

/// A place remembered for a diagnostic that can only be decided later (duplicate ids across
/// files): the id written there, and where.
struct Place {
    id: String,
    file: PathBuf,
    source: String,
    span: Range<usize>,
}

impl Place {
    fn with_code(&self, code: Code, message: String, help: &str) -> Diagnostic {
        Diagnostic::at(code, &self.file, &self.source, self.span.clone(), message).with_help(help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::files::Memory;

    #[test]
    fn a_course_with_a_large_file_loads_the_same_on_many_threads_and_in_order() {
        let mut files = Memory::default();
        let mut targets = Vec::new();
        for (i, values) in [10, 40_000, 10, 40_000, 10].into_iter().enumerate() {
            let dir = PathBuf::from(format!("lib/c{i}"));
            files.insert(
                dir.join("course.toml"),
                format!("id = \"c{i}\"\ntitle = \"C\"\nmodules = [\"m.toml\"]\n"),
            );
            files.insert(
                dir.join("m.toml"),
                format!(
                    "id = \"m\"\ntitle = \"M\"\nx = [{}]\n",
                    vec!["1"; values].join(",")
                ),
            );
            targets.push(Target::Course(dir));
        }
        let run = |threads| {
            let mut seen = Vec::new();
            load_each(&files, &targets, threads, Depth::Check, |course, report| {
                let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code).collect();
                seen.push((course.map(|c| c.id), report.files, codes));
            });
            seen
        };
        let one = run(1);
        assert_eq!(one.len(), 5);
        assert_eq!(
            one[1].2,
            vec![Code::MissingKey, Code::ModuleWithoutQuiz, Code::UnknownKey]
        );
        assert_eq!(run(3), one);
    }

    fn loaded_with_base(base: &str) -> (Option<Course>, Vec<Code>) {
        let mut files = Memory::default();
        let dir = PathBuf::from("lib/c");
        files.insert(
            dir.join("course.toml"),
            format!("id = \"c\"\ntitle = \"C\"\nxapi_activity_base = \"{base}\"\nmodules = [\"m.toml\"]\n"),
        );
        files.insert(
            dir.join("m.toml"),
            "id = \"m\"\ntitle = \"M\"\n[[section]]\ntitle = \"S\"\nbody = \"B\"\n".to_string(),
        );
        let mut seen = (None, Vec::new());
        load_each(
            &files,
            &[Target::Course(dir)],
            1,
            Depth::Check,
            |course, report| {
                seen = (course, report.diagnostics.iter().map(|d| d.code).collect());
            },
        );
        seen
    }

    #[test]
    fn an_https_activity_base_is_kept_and_anything_else_is_an_error() {
        let (course, _) = loaded_with_base("https://kurse.example.org/c");
        assert_eq!(
            course.unwrap().xapi_activity_base.as_deref(),
            Some("https://kurse.example.org/c")
        );
        let (course, codes) = loaded_with_base("http://kurse.example.org/c");
        assert!(course.is_none());
        assert!(codes.contains(&Code::WrongType), "{codes:?}");
    }

    #[test]
    fn a_course_id_used_again_is_reported_even_where_the_first_course_has_errors() {
        let mut files = Memory::default();
        let module = "id = \"m\"\ntitle = \"M\"\n[[section]]\ntitle = \"S\"\nbody = \"B\"\n";
        // The first course has an error (no title); the second is whole.
        files.insert(
            "lib/a/course.toml",
            "id = \"same\"\nmodules = [\"m.toml\"]\n",
        );
        files.insert("lib/a/m.toml", module);
        files.insert(
            "lib/b/course.toml",
            "id = \"same\"\ntitle = \"B\"\nmodules = [\"m.toml\"]\n",
        );
        files.insert("lib/b/m.toml", module);
        let targets = [
            Target::Course(PathBuf::from("lib/a")),
            Target::Course(PathBuf::from("lib/b")),
        ];
        let (library, report) = load_targets(&files, &targets, Depth::Full);
        let duplicate: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::DuplicateId)
            .map(|d| d.file.clone())
            .collect();
        assert_eq!(duplicate, vec![PathBuf::from("lib/b/course.toml")]);
        // The player still shows the whole course: one that cannot be read hides no other.
        let titles: Vec<_> = library.courses.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, vec!["B"]);
    }
}
