//! Course files → course model, collecting every problem with its exact place on the way.
//! Never panics and never stops at the first problem; a module with errors is left out of the model.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::files::{Files, Kind, MAX_FILE_BYTES, ReadError};
use super::format::keys;
use super::model::{
    Area, Choice, Course, Library, Module, Question, QuestionKind, Quiz, Section, fold_answer,
};
use crate::diagnostic::{Code, Diagnostic, Report};

/// What a path given on the command line stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Course(PathBuf),
    Module(PathBuf),
}

/// Library folder, course folder or module file → what to load. A path that does not exist or
/// holds no course is a usage problem and comes back as an error diagnostic.
pub fn discover(files: &dyn Files, path: &Path) -> Result<Vec<Target>, Box<Diagnostic>> {
    match files.kind(path) {
        None => Err(Box::new(
            Diagnostic::file(
                Code::Unreadable,
                path,
                format!("`{}` does not exist", path.display()),
            )
            .with_help("give a library folder, a course folder or a module file"),
        )),
        Some(Kind::File) if path.file_name().is_some_and(|n| n == "course.toml") => {
            Ok(vec![Target::Course(parent_of(path))])
        }
        Some(Kind::File) => Ok(vec![Target::Module(path.to_path_buf())]),
        Some(Kind::Dir) => {
            if files.kind(&path.join("course.toml")) == Some(Kind::File) {
                return Ok(vec![Target::Course(path.to_path_buf())]);
            }
            let entries = files.list(path).map_err(|e| {
                Box::new(Diagnostic::file(
                    Code::Unreadable,
                    path,
                    format!("cannot read the folder `{}`: {e}", path.display()),
                ))
            })?;
            let courses: Vec<Target> = entries
                .into_iter()
                .filter(|p| files.kind(&p.join("course.toml")) == Some(Kind::File))
                .map(Target::Course)
                .collect();
            if courses.is_empty() {
                Err(Box::new(Diagnostic::file(
                    Code::NoCourse,
                    path,
                    format!("`{}` holds no course", path.display()),
                )
                .with_help(
                    "a course folder holds a `course.toml`; a library folder holds course folders",
                )))
            } else {
                Ok(courses)
            }
        }
    }
}

fn parent_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// How much of each module file to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// Everything, with every check: `kurs check`, `kurs progress`.
    Full,
    /// Only what the library screen shows: `course.toml` in full, and of each module file the
    /// keys before its first table (`id`, `code`, `title`). The player reads the rest of a module
    /// when it is opened (`load_body`), so the first screen does not wait for every section and
    /// question of a large library. A module whose start cannot be read on its own is read in full.
    Headers,
}

/// Loads every target into one library. Courses that share an id are reported; the first wins.
pub fn load(files: &dyn Files, targets: &[Target], depth: Depth) -> (Library, Report) {
    let mut library = Library::default();
    let mut report = Report::default();
    // The player shows nothing until the library is loaded: use every core.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    load_each(files, targets, threads, depth, |course, course_report| {
        report.files += course_report.files;
        report.diagnostics.extend(course_report.diagnostics);
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
    let mut course_ids: HashMap<String, PathBuf> = HashMap::new();
    let mut deliver = |(course, mut report, place): Loaded| {
        let course = course.filter(|course| match course_ids.get(&course.id) {
            Some(first) => {
                if let Some(place) = &place {
                    report.diagnostics.push(place.with_code(
                        Code::DuplicateId,
                        format!(
                            "course id `{}` is already used by `{}`",
                            course.id,
                            first.display()
                        ),
                        "every course in a library needs its own id",
                    ));
                }
                false
            }
            None => {
                course_ids.insert(course.id.clone(), course.path.clone());
                true
            }
        });
        on_course(course, report);
    };
    let load_target = |target: &Target| match target {
        Target::Course(dir) => load_course(files, dir, depth),
        Target::Module(path) => load_standalone_module(files, path, depth),
    };
    if threads <= 1 || targets.len() <= 1 {
        for target in targets {
            deliver(load_target(target));
        }
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, Loaded)>();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(targets.len()) {
            let sender = sender.clone();
            let next = &next;
            let load_target = &load_target;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(target) = targets.get(i) else { break };
                    if sender.send((i, load_target(target))).is_err() {
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
                deliver(loaded);
                wanted += 1;
            }
        }
    });
}

/// A place remembered for a diagnostic that can only be decided later (duplicate ids across files).
struct Place {
    file: PathBuf,
    source: String,
    span: Range<usize>,
}

impl Place {
    fn with_code(&self, code: Code, message: String, help: &str) -> Diagnostic {
        Diagnostic::at(code, &self.file, &self.source, self.span.clone(), message).with_help(help)
    }
}

/// A module file on its own plays as a one-module course.
fn load_standalone_module(
    files: &dyn Files,
    path: &Path,
    depth: Depth,
) -> (Option<Course>, Report, Option<Place>) {
    let mut report = Report {
        files: 1,
        ..Report::default()
    };
    let Some(source) = read_source(files, path, &mut report) else {
        return (None, report, None);
    };
    let (module, diagnostics, _) = parse_module(path, &source, 60, depth);
    report.diagnostics.extend(diagnostics);
    let course = module.map(|module| Course {
        id: module.id.clone(),
        title: module.title.clone(),
        language: "en".to_string(),
        description: None,
        pass_percent: 60,
        areas: vec![Area {
            code: None,
            title: None,
            modules: vec![0],
        }],
        modules: vec![module],
        path: path.to_path_buf(),
    });
    (course, report, None)
}

/// Reads a file as UTF-8 text within the size limit, or reports why not.
fn read_source(files: &dyn Files, path: &Path, report: &mut Report) -> Option<String> {
    let bytes = match files.read(path) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge(size)) => {
            report.diagnostics.push(
                Diagnostic::file(
                    Code::FileTooLarge,
                    path,
                    format!(
                        "the file is {} bytes; course files may hold at most {} bytes (4 MiB)",
                        size, MAX_FILE_BYTES
                    ),
                )
                .with_help("split the module into several module files"),
            );
            return None;
        }
        Err(ReadError::NotFound) => {
            report.diagnostics.push(Diagnostic::file(
                Code::Unreadable,
                path,
                "the file does not exist",
            ));
            return None;
        }
        Err(ReadError::NotAFile) => {
            report.diagnostics.push(Diagnostic::file(
                Code::Unreadable,
                path,
                "this is not a regular file",
            ));
            return None;
        }
        Err(ReadError::Io(e)) => {
            report.diagnostics.push(Diagnostic::file(
                Code::Unreadable,
                path,
                format!("cannot read the file: {e}"),
            ));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            report.diagnostics.push(
                Diagnostic::at(
                    Code::NotUtf8,
                    path,
                    &prefix,
                    valid..valid,
                    format!("the file is not UTF-8 text (invalid byte at offset {valid})"),
                )
                .with_help("save the file as UTF-8 in your editor"),
            );
            None
        }
    }
}

fn load_course(
    files: &dyn Files,
    dir: &Path,
    depth: Depth,
) -> (Option<Course>, Report, Option<Place>) {
    let path = dir.join("course.toml");
    let mut report = Report {
        files: 1,
        ..Report::default()
    };
    let Some(source) = read_source(files, &path, &mut report) else {
        return (None, report, None);
    };
    let mut ctx = Ctx::new(&path, &source);
    let Some(root) = ctx.parse() else {
        report.diagnostics.extend(ctx.finish());
        return (None, report, None);
    };
    let fields = Fields::root(&root, "course");
    let id = ctx.id(&fields, "id");
    let title = ctx.text(&fields, "title", Need::NonEmpty);
    let language = ctx.text(&fields, "language", Need::Optional);
    if let Some((tag, span)) = &language {
        check_language(&mut ctx, tag, span.clone());
    }
    let description = ctx.markdown(&fields, "description", Need::Optional);
    let pass_percent = ctx.percent(&fields, "pass_percent").unwrap_or(60);
    let modules_value = fields.get("modules");
    let areas_value = fields.get("area");

    // Module order: exactly one of `modules` and `[[area]]`.
    let mut listed: Vec<(Option<usize>, String, Range<usize>)> = Vec::new();
    let mut areas: Vec<(Option<String>, Option<String>)> = Vec::new();
    match (modules_value, areas_value) {
        (Some(_), Some((key, _))) => ctx.push(
            ctx.diag(
                Code::ModuleOrder,
                key.span(),
                "`course.toml` has both `modules` and `[[area]]`",
            )
            .with_help("list the modules either in one `modules` array or inside the areas"),
        ),
        (None, None) => ctx.push(
            ctx.diag(
                Code::ModuleOrder,
                fields.missing_span(&source),
                "`course.toml` lists no modules",
            )
            .with_help(
                "add `modules = [\"first-module.toml\", …]` or `[[area]]` tables with `modules`",
            ),
        ),
        (Some(_), None) => {
            for (name, span) in ctx.strings(&fields, "modules").unwrap_or_default() {
                listed.push((None, name, span));
            }
            areas.push((None, None));
        }
        (None, Some(_)) => {
            for (index, (table, header)) in ctx.tables(&fields, "area").into_iter().enumerate() {
                let area = Fields::new(table, header.clone(), "area");
                let code = ctx.text(&area, "code", Need::NonEmptyIfGiven);
                let title = ctx.text(&area, "title", Need::NonEmpty);
                let names = ctx.strings(&area, "modules");
                if area.get("modules").is_none() {
                    ctx.missing(&area, "modules");
                }
                if let Some(names) = &names
                    && names.is_empty()
                {
                    ctx.push(ctx.diag(Code::NothingToShow, header, "this area lists no module"));
                }
                for (name, span) in names.unwrap_or_default() {
                    listed.push((Some(index), name, span));
                }
                ctx.unknown_keys(&area, keys::AREA);
                areas.push((code.map(|c| c.0), title.map(|t| t.0)));
            }
        }
    }
    ctx.unknown_keys(&fields, keys::COURSE);
    let course_ok = ctx.errors() == 0;
    let id_place = id.as_ref().map(|(_, span)| Place {
        file: path.clone(),
        source: source.clone(),
        span: span.clone(),
    });

    // Resolve and load the modules in order.
    let mut seen_files: HashMap<PathBuf, Range<usize>> = HashMap::new();
    let mut module_ids: HashMap<String, PathBuf> = HashMap::new();
    let mut modules: Vec<Module> = Vec::new();
    let mut area_modules: Vec<Vec<usize>> = vec![Vec::new(); areas.len()];
    for (area, name, span) in &listed {
        let Some(relative) = ctx.module_path(name, span.clone()) else {
            continue;
        };
        if let Some(first) = seen_files.get(&relative) {
            let (line, _) = crate::diagnostic::line_column(&source, first.start);
            ctx.push(
                ctx.diag(
                    Code::ModuleListedTwice,
                    span.clone(),
                    format!("`{name}` is listed twice"),
                )
                .with_help(format!("it is already listed on line {line}; remove one")),
            );
            continue;
        }
        seen_files.insert(relative.clone(), span.clone());
        let module_path = dir.join(&relative);
        match files.kind(&module_path) {
            None => {
                ctx.push(
                    ctx.diag(
                        Code::ModuleFileMissing,
                        span.clone(),
                        format!("the module file `{name}` does not exist"),
                    )
                    .with_help(format!(
                        "create `{}` or fix the name",
                        module_path.display()
                    )),
                );
                continue;
            }
            Some(Kind::Dir) => {
                ctx.push(ctx.diag(
                    Code::ModuleFileMissing,
                    span.clone(),
                    format!("`{name}` is a folder, not a module file"),
                ));
                continue;
            }
            Some(Kind::File) => {}
        }
        if !files.stays_inside(dir, &module_path) {
            ctx.push(
                ctx.diag(
                    Code::PathOutsideCourse,
                    span.clone(),
                    format!("`{name}` leads outside the course folder (through a symbolic link)"),
                )
                .with_help("module files must lie inside the course folder"),
            );
            continue;
        }
        report.files += 1;
        let Some(module_source) = read_source(files, &module_path, &mut report) else {
            continue;
        };
        let (module, diagnostics, module_id) =
            parse_module(&module_path, &module_source, pass_percent, depth);
        report.diagnostics.extend(diagnostics);
        if let Some((module_id, id_span)) = module_id {
            if let Some(first) = module_ids.get(&module_id) {
                report.diagnostics.push(
                    Diagnostic::at(
                        Code::DuplicateId,
                        &module_path,
                        &module_source,
                        id_span,
                        format!(
                            "module id `{module_id}` is already used by `{}`",
                            first.display()
                        ),
                    )
                    .with_help("every module of a course needs its own id"),
                );
                continue;
            }
            module_ids.insert(module_id, module_path.clone());
        }
        if let Some(module) = module {
            if let Some(list) = area_modules.get_mut(area.unwrap_or(0)) {
                list.push(modules.len());
            }
            modules.push(module);
        }
    }

    // Module files lying in the folder that the course never shows (unless the order itself is broken).
    let order_broken = ctx.diagnostics.iter().any(|d| d.code == Code::ModuleOrder);
    if let (false, Ok(entries)) = (order_broken, files.list(dir)) {
        for entry in entries {
            let is_module_file = entry.extension().is_some_and(|e| e == "toml")
                && entry.file_name().is_some_and(|n| n != "course.toml")
                && files.kind(&entry) == Some(Kind::File);
            let Some(name) = entry.file_name().map(PathBuf::from) else {
                continue;
            };
            if is_module_file && !seen_files.contains_key(&name) {
                ctx.push(
                    ctx.diag(
                        Code::ModuleNotListed,
                        fields.missing_span(&source),
                        format!(
                            "`{}` is in the course folder but not listed in `course.toml`",
                            name.display()
                        ),
                    )
                    .with_help("add it to `modules` (or an area) so learners can reach it"),
                );
            }
        }
    }

    // `course.toml` first, then the modules in the order listed.
    let mut diagnostics = ctx.finish();
    diagnostics.append(&mut report.diagnostics);
    report.diagnostics = diagnostics;
    sort_by_place(&mut report.diagnostics);
    let course = match (course_ok, id, title) {
        (true, Some((id, _)), Some((title, _))) => Some(Course {
            id,
            title,
            language: language.map_or_else(|| "en".to_string(), |l| l.0),
            description: description.map(|d| d.0),
            pass_percent,
            areas: areas
                .into_iter()
                .zip(area_modules)
                .map(|((code, title), modules)| Area {
                    code,
                    title,
                    modules,
                })
                .collect(),
            modules,
            path: dir.to_path_buf(),
        }),
        _ => None,
    };
    (course, report, id_place)
}

/// Diagnostics of one file in source order, files in the order they were read.
fn sort_by_place(diagnostics: &mut [Diagnostic]) {
    let mut order: HashMap<PathBuf, usize> = HashMap::new();
    for d in diagnostics.iter() {
        let next = order.len();
        order.entry(d.file.clone()).or_insert(next);
    }
    diagnostics.sort_by_key(|d| (order[&d.file], d.line, d.column));
}

fn check_language(ctx: &mut Ctx, tag: &str, span: Range<usize>) {
    let well_formed = {
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or("");
        (2..=3).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_alphabetic())
            && parts
                .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
    };
    if !well_formed {
        ctx.push(
            ctx.diag(
                Code::UnknownLanguage,
                span,
                format!("`{tag}` is not a BCP 47 language tag"),
            )
            .with_help("write a tag such as `de`, `de-AT` or `en`"),
        );
    } else if crate::i18n::Lang::from_tag(tag).is_none() {
        ctx.push(
            ctx.diag(
                Code::UnknownLanguage,
                span,
                format!("kurs has no user interface in `{tag}`; it will use English"),
            )
            .with_help("kurs speaks `de` and `en`"),
        );
    }
}

/// A parsed module file: the module when it has no error, its diagnostics, and its id with place.
type ParsedModule = (
    Option<Module>,
    Vec<Diagnostic>,
    Option<(String, Range<usize>)>,
);

/// Reads the body of a module the library holds only the start of (see [`Depth::Headers`]),
/// with every check. Err: the diagnostics that keep the module from being shown.
pub fn load_body(
    files: &dyn Files,
    module: &mut Module,
    course_pass_percent: u8,
) -> Result<(), Vec<Diagnostic>> {
    if module.loaded {
        return Ok(());
    }
    let mut report = Report::default();
    let Some(source) = read_source(files, &module.path, &mut report) else {
        return Err(report.diagnostics);
    };
    let (loaded, diagnostics, _) =
        parse_module(&module.path, &source, course_pass_percent, Depth::Full);
    match loaded {
        Some(loaded) if loaded.id == module.id => {
            *module = loaded;
            Ok(())
        }
        Some(loaded) => Err(vec![
            Diagnostic::file(
                Code::Unreadable,
                &module.path,
                format!(
                    "the module's id changed from `{}` to `{}` while kurs was running",
                    module.id, loaded.id
                ),
            )
            .with_help("start kurs again to read the course anew"),
        ]),
        None => Err(diagnostics
            .into_iter()
            .filter(|d| d.severity() == crate::diagnostic::Severity::Error)
            .collect()),
    }
}

/// The start of a module file up to its first table header: in TOML every key of the root table
/// comes before the first header, so this start alone holds `id`, `code` and `title`. `None`
/// when the file has no table (the whole file is its start).
///
/// A line starting with `[` inside a multi-line string or array is no header; cutting there
/// leaves an unterminated string or array, which fails to parse, and the caller reads the whole
/// file instead. So a start that parses is always exactly the root table's keys.
fn header_prefix(source: &str) -> Option<&str> {
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return Some(&source[..at]);
        }
        at += line.len();
    }
    None
}

/// Only the start of a module (see [`Depth::Headers`]); `None` when the start alone cannot be
/// read without errors, so that the whole file is read and every error is found.
fn parse_module_header(path: &Path, source: &str) -> Option<ParsedModule> {
    let prefix = header_prefix(source)?;
    let mut ctx = Ctx::new(path, prefix);
    let root = ctx.parse()?;
    let fields = Fields::root(&root, "module");
    let id = ctx.id(&fields, "id");
    let code = ctx.text(&fields, "code", Need::NonEmptyIfGiven);
    let title = ctx.text(&fields, "title", Need::NonEmpty);
    if ctx.errors() > 0 {
        return None;
    }
    let module = match (&id, title) {
        (Some((id, _)), Some((title, _))) => Some(Module {
            id: id.clone(),
            code: code.map(|c| c.0),
            title,
            loaded: false,
            intro: None,
            sections: Vec::new(),
            quiz: None,
            path: path.to_path_buf(),
        }),
        _ => return None,
    };
    Some((module, ctx.finish(), id))
}

/// Parses one module file; also returns its id and the id's span for cross-file checks.
fn parse_module(path: &Path, source: &str, course_pass_percent: u8, depth: Depth) -> ParsedModule {
    if depth == Depth::Headers
        && let Some(parsed) = parse_module_header(path, source)
    {
        return parsed;
    }
    let mut ctx = Ctx::new(path, source);
    let Some(root) = ctx.parse() else {
        return (None, ctx.finish(), None);
    };
    let fields = Fields::root(&root, "module");
    let id = ctx.id(&fields, "id");
    let code = ctx.text(&fields, "code", Need::NonEmptyIfGiven);
    let title = ctx.text(&fields, "title", Need::NonEmpty);
    let intro = ctx.markdown(&fields, "intro", Need::Optional);

    let mut sections = Vec::new();
    if fields.get("section").is_none() {
        ctx.push(
            ctx.diag(
                Code::MissingKey,
                fields.missing_span(source),
                "the module has no `[[section]]`",
            )
            .with_help("add at least one `[[section]]` with a `title` and a `body`"),
        );
    }
    for (table, header) in ctx.tables(&fields, "section") {
        let section = Fields::new(table, header.clone(), "section");
        let title = ctx.text(&section, "title", Need::NonEmpty);
        let body = ctx.markdown(&section, "body", Need::Required);
        if let Some((body, span)) = &body
            && body.trim().is_empty()
        {
            ctx.push(
                ctx.diag(
                    Code::EmptySectionBody,
                    span.clone(),
                    "this section has an empty body",
                )
                .with_help("write the section's text, or remove the section"),
            );
        }
        ctx.unknown_keys(&section, keys::SECTION);
        if let (Some((title, _)), Some((body, _))) = (title, body) {
            sections.push(Section { title, body });
        }
    }

    let quiz = match fields.get("quiz") {
        None => {
            let span = title
                .as_ref()
                .map_or_else(|| fields.missing_span(source), |t| t.1.clone());
            ctx.push(
                ctx.diag(Code::ModuleWithoutQuiz, span, "this module has no quiz")
                    .with_help(
                        "add a `[quiz]` with `[[quiz.question]]` tables so learners can practise",
                    ),
            );
            None
        }
        Some(_) => ctx
            .table(&fields, "quiz")
            .and_then(|(table, header)| parse_quiz(&mut ctx, table, header, course_pass_percent)),
    };
    ctx.unknown_keys(&fields, keys::MODULE);

    let ok = ctx.errors() == 0;
    let diagnostics = ctx.finish();
    let module = match (ok, &id, title) {
        (true, Some((id, _)), Some((title, _))) => Some(Module {
            id: id.clone(),
            code: code.map(|c| c.0),
            title,
            loaded: true,
            intro: intro.map(|i| i.0),
            sections,
            quiz,
            path: path.to_path_buf(),
        }),
        _ => None,
    };
    (module, diagnostics, id)
}

fn parse_quiz(
    ctx: &mut Ctx,
    table: &DeTable,
    header: Range<usize>,
    course_pass_percent: u8,
) -> Option<Quiz> {
    let fields = Fields::new(table, header.clone(), "quiz");
    let title = ctx.text(&fields, "title", Need::NonEmptyIfGiven);
    let pass_percent = ctx.percent(&fields, "pass_percent");
    let shuffle = ctx.boolean(&fields, "shuffle").map(|b| b.0);
    if fields.get("question").is_none() {
        ctx.push(
            ctx.diag(
                Code::NothingToShow,
                header,
                "the quiz has no `[[quiz.question]]`",
            )
            .with_help("add questions, or remove the `[quiz]` table"),
        );
    }
    let mut questions = Vec::new();
    let mut ids: HashMap<String, Range<usize>> = HashMap::new();
    for (index, (table, header)) in ctx.tables(&fields, "question").into_iter().enumerate() {
        if let Some((question, id_span)) = parse_question(ctx, table, header, index) {
            if let Some(first) = ids.get(&question.id) {
                let (line, _) = crate::diagnostic::line_column(ctx.source, first.start);
                let d = ctx
                    .diag(
                        Code::DuplicateId,
                        id_span,
                        format!("question id `{}` is used twice in this quiz", question.id),
                    )
                    .with_help(format!(
                        "it is first used on line {line}; every question needs its own id"
                    ));
                ctx.push(d);
                continue;
            }
            ids.insert(question.id.clone(), id_span);
            questions.push(question);
        }
    }
    ctx.unknown_keys(&fields, keys::QUIZ);
    Some(Quiz {
        title: title.map(|t| t.0),
        pass_percent: pass_percent.unwrap_or(course_pass_percent),
        shuffle: shuffle.unwrap_or(true),
        questions,
    })
}

fn parse_question(
    ctx: &mut Ctx,
    table: &DeTable,
    header: Range<usize>,
    index: usize,
) -> Option<(Question, Range<usize>)> {
    let fields = Fields::new(table, header.clone(), "question");
    let id = ctx.id_optional(&fields, "id");
    let prompt = ctx.markdown(&fields, "prompt", Need::NonEmpty);
    let explanation = ctx.markdown(&fields, "explanation", Need::NonEmptyIfGiven);
    let kind_name = ctx.text(&fields, "type", Need::Required);
    let errors_before = ctx.errors();

    let type_keys: Option<&[&str]> = kind_name.as_ref().and_then(|(name, span)| {
        let found = keys::QUESTION_TYPES.iter().find(|(n, _)| n == name);
        if found.is_none() {
            let names: Vec<&str> = keys::QUESTION_TYPES.iter().map(|(n, _)| *n).collect();
            let mut d = ctx.diag(
                Code::UnknownQuestionType,
                span.clone(),
                format!("`{name}` is not a question type"),
            );
            d = match did_you_mean(name, &names) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!("use one of: {}", names.join(", "))),
            };
            ctx.push(d);
        }
        found.map(|(_, keys)| *keys)
    });

    let kind = match kind_name.as_ref().map(|k| k.0.as_str()) {
        Some("single") | Some("multiple") => {
            let single = kind_name.as_ref().is_some_and(|k| k.0 == "single");
            let mut choices = Vec::new();
            let tables = ctx.required_tables(
                &fields,
                "choice",
                "add `[[quiz.question.choice]]` tables with `text` and `correct`",
            );
            if fields.get("choice").is_some() && tables.len() < 2 {
                let span = fields
                    .get("choice")
                    .map_or(header.clone(), |(k, _)| k.span());
                ctx.push(
                    ctx.diag(
                        Code::TooFewChoices,
                        span,
                        format!(
                            "a {} choice question needs at least two choices, this one has {}",
                            if single { "single" } else { "multiple" },
                            tables.len()
                        ),
                    )
                    .with_help("add another `[[quiz.question.choice]]`"),
                );
            }
            for (table, header) in &tables {
                let choice = Fields::new(table, header.clone(), "choice");
                let text = ctx.text(&choice, "text", Need::NonEmpty);
                let correct = ctx
                    .boolean(&choice, "correct")
                    .map(|b| b.0)
                    .unwrap_or(false);
                let feedback = ctx.markdown(&choice, "feedback", Need::NonEmptyIfGiven);
                ctx.unknown_keys(&choice, keys::CHOICE);
                if let Some((text, _)) = text {
                    choices.push(Choice {
                        text,
                        correct,
                        feedback: feedback.map(|f| f.0),
                    });
                }
            }
            let correct = choices.iter().filter(|c| c.correct).count();
            let type_span = kind_name.as_ref().map_or(header.clone(), |k| k.1.clone());
            if choices.len() == tables.len() && tables.len() >= 2 {
                if single && correct != 1 {
                    ctx.push(
                        ctx.diag(
                            Code::SingleNeedsOneCorrect,
                            type_span,
                            format!(
                                "a single choice question needs exactly one correct choice, this one has {correct}"
                            ),
                        )
                        .with_help(if correct == 0 {
                            "mark the right choice with `correct = true`"
                        } else {
                            "use `type = \"multiple\"` when several choices are right"
                        }),
                    );
                } else if !single && correct == 0 {
                    ctx.push(
                        ctx.diag(
                            Code::MultipleNeedsCorrect,
                            type_span,
                            "a multiple choice question needs at least one correct choice",
                        )
                        .with_help("mark the right choices with `correct = true`"),
                    );
                }
            }
            if single {
                QuestionKind::Single { choices }
            } else {
                QuestionKind::Multiple { choices }
            }
        }
        Some("true_false") => {
            let answer = ctx.boolean(&fields, "answer");
            if fields.get("answer").is_none() {
                ctx.push(
                    ctx.diag(
                        Code::MissingKey,
                        header.clone(),
                        "this true/false question has no `answer`",
                    )
                    .with_help("add `answer = true` or `answer = false`"),
                );
            }
            QuestionKind::TrueFalse {
                answer: answer.map(|a| a.0).unwrap_or(false),
            }
        }
        Some("text") => {
            let accept = ctx.strings(&fields, "accept");
            match &accept {
                None if fields.get("accept").is_none() => ctx.push(
                    ctx.diag(
                        Code::MissingKey,
                        header.clone(),
                        "this text question has no `accept`",
                    )
                    .with_help("add `accept = [\"answer\", \"other spelling\"]`"),
                ),
                Some(list) if list.is_empty() => {
                    let span = fields
                        .get("accept")
                        .map_or(header.clone(), |(_, v)| v.span());
                    ctx.push(
                        ctx.diag(Code::NoAcceptedAnswer, span, "`accept` lists no answer")
                            .with_help("add at least one accepted answer"),
                    );
                }
                Some(list) => {
                    for (answer, span) in list {
                        if answer.trim().is_empty() {
                            ctx.push(ctx.diag(
                                Code::EmptyText,
                                span.clone(),
                                "an accepted answer is empty",
                            ));
                        }
                    }
                }
                None => {}
            }
            QuestionKind::Text {
                accept: accept
                    .unwrap_or_default()
                    .into_iter()
                    .map(|a| a.0)
                    .collect(),
            }
        }
        Some("order") => {
            let items = ctx.strings(&fields, "items");
            match &items {
                None if fields.get("items").is_none() => ctx.push(
                    ctx.diag(
                        Code::MissingKey,
                        header.clone(),
                        "this order question has no `items`",
                    )
                    .with_help("add `items = [\"first\", \"second\", …]` in the right order"),
                ),
                Some(list) => {
                    if list.len() < 2 {
                        let span = fields
                            .get("items")
                            .map_or(header.clone(), |(_, v)| v.span());
                        ctx.push(
                            ctx.diag(
                                Code::OrderTooFewItems,
                                span,
                                format!(
                                    "an order question needs at least two items, this one has {}",
                                    list.len()
                                ),
                            )
                            .with_help("add the items in the right order"),
                        );
                    }
                    let mut seen: HashSet<String> = HashSet::new();
                    for (item, span) in list {
                        if item.trim().is_empty() {
                            ctx.push(ctx.diag(Code::EmptyText, span.clone(), "an item is empty"));
                        } else if !seen.insert(fold_answer(item)) {
                            ctx.push(
                                ctx.diag(
                                    Code::OrderDuplicateItem,
                                    span.clone(),
                                    format!("`{item}` is listed twice"),
                                )
                                .with_help("every item must be different, or learners cannot tell them apart"),
                            );
                        }
                    }
                }
                None => {}
            }
            QuestionKind::Order {
                items: items.unwrap_or_default().into_iter().map(|i| i.0).collect(),
            }
        }
        _ => QuestionKind::Text { accept: Vec::new() },
    };

    // Keys that belong to another type, then keys no type knows.
    let mut allowed: Vec<&str> = keys::QUESTION_COMMON.to_vec();
    if let Some(type_keys) = type_keys {
        allowed.extend_from_slice(type_keys);
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            if let Some((owner, _)) = keys::QUESTION_TYPES
                .iter()
                .find(|(_, keys)| keys.contains(&name))
            {
                let this = kind_name.as_ref().map_or("", |k| k.0.as_str());
                ctx.push(
                    ctx.diag(
                        Code::KeyNotForType,
                        key.span(),
                        format!("`{name}` does not belong to a `{this}` question"),
                    )
                    .with_help(format!(
                        "`{name}` is for `{owner}` questions; a `{this}` question takes {}",
                        list_keys(type_keys)
                    )),
                );
            }
        }
        let mut known = allowed.clone();
        for (_, keys) in keys::QUESTION_TYPES {
            known.extend_from_slice(keys);
        }
        ctx.unknown_keys_except(&fields, &allowed, &known);
    } else {
        let mut known: Vec<&str> = keys::QUESTION_COMMON.to_vec();
        for (_, keys) in keys::QUESTION_TYPES {
            known.extend_from_slice(keys);
        }
        ctx.unknown_keys(&fields, &known);
    }

    if ctx.errors() > errors_before || type_keys.is_none() {
        return None;
    }
    let (prompt, _) = prompt?;
    let id_span = id.as_ref().map_or(header, |i| i.1.clone());
    Some((
        Question {
            id: id.map_or_else(|| format!("q{}", index + 1), |i| i.0),
            prompt,
            explanation: explanation.map(|e| e.0),
            kind,
        },
        id_span,
    ))
}

fn list_keys(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Optional,
    /// Present, may be empty.
    Required,
    /// Present and not blank.
    NonEmpty,
    /// May be absent, but not blank when given.
    NonEmptyIfGiven,
}

/// One TOML table being read, with the span to point at when a key is missing.
struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    header: Range<usize>,
    what: &'static str,
    root: bool,
}

type Entry<'t, 'i> = (
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
);

impl<'t, 'i> Fields<'t, 'i> {
    fn new(table: &'t DeTable<'i>, header: Range<usize>, what: &'static str) -> Self {
        Fields {
            table,
            header,
            what,
            root: false,
        }
    }

    fn root(table: &'t DeTable<'i>, what: &'static str) -> Self {
        Fields {
            table,
            header: 0..0,
            what,
            root: true,
        }
    }

    fn get(&self, key: &str) -> Option<Entry<'t, 'i>> {
        self.table.iter().find(|(k, _)| k.get_ref().as_ref() == key)
    }

    /// Where to point when a key is missing: the table header, or the first line of the file.
    fn missing_span(&self, source: &str) -> Range<usize> {
        if self.root {
            // Skip the `#:schema` line and blank lines to point at the first key.
            let mut offset = 0;
            for line in source.split_inclusive('\n') {
                let trimmed = line.trim();
                if !trimmed.is_empty() && !trimmed.starts_with('#') {
                    let start = offset + (line.len() - line.trim_start().len());
                    return start..offset + line.trim_end().len();
                }
                offset += line.len();
            }
            0..0
        } else {
            self.header.clone()
        }
    }
}

/// Reading state of one file: its source and the diagnostics found so far.
struct Ctx<'a> {
    path: &'a Path,
    source: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    fn new(path: &'a Path, source: &'a str) -> Self {
        Ctx {
            path,
            source,
            diagnostics: Vec::new(),
        }
    }

    fn diag(&self, code: Code, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(code, self.path, self.source, span, message)
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == crate::diagnostic::Severity::Error)
            .count()
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        self.diagnostics
            .sort_by_key(|d| (d.line, d.column, d.code.as_str()));
        self.diagnostics
    }

    /// Every syntax error with its place; on any, the file's content is not checked further
    /// (follow-up errors from a half-parsed file would only mislead).
    fn parse(&mut self) -> Option<DeTable<'a>> {
        let (table, errors) = DeTable::parse_recoverable(self.source);
        for error in &errors {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim().to_string();
            let d = if message.contains("recurs") {
                self.diag(
                    Code::NestingTooDeep,
                    span,
                    "arrays or tables are nested too deeply",
                )
                .with_help("course files never need more than a few levels of nesting")
            } else {
                self.diag(Code::TomlSyntax, span, format!("invalid TOML: {message}"))
            };
            self.push(d);
        }
        if errors.is_empty() {
            Some(table.into_inner())
        } else {
            None
        }
    }

    fn wrong_type(&mut self, key: &str, value: &Spanned<DeValue>, expected: &str) {
        let found = type_name(value.get_ref());
        self.push(
            self.diag(
                Code::WrongType,
                value.span(),
                format!("`{key}` must be {expected}, found {found}"),
            )
            .with_help(type_help(key, expected)),
        );
    }

    fn missing(&mut self, fields: &Fields, key: &str) {
        let d = self
            .diag(
                Code::MissingKey,
                fields.missing_span(self.source),
                format!("the {} has no `{key}`", fields.what),
            )
            .with_help(format!("add `{key} = …` to the {}", fields.what));
        self.push(d);
    }

    /// A text value; checks presence, blankness and control characters.
    fn text(&mut self, fields: &Fields, key: &str, need: Need) -> Option<(String, Range<usize>)> {
        let Some((_, value)) = fields.get(key) else {
            if matches!(need, Need::Required | Need::NonEmpty) {
                self.missing(fields, key);
            }
            return None;
        };
        let DeValue::String(text) = value.get_ref() else {
            self.wrong_type(key, value, "text in quotes");
            return None;
        };
        let span = value.span();
        if matches!(need, Need::NonEmpty | Need::NonEmptyIfGiven) && text.trim().is_empty() {
            self.push(
                self.diag(Code::EmptyText, span.clone(), format!("`{key}` is empty"))
                    .with_help(format!(
                        "write the {key}, or remove the key if it is optional"
                    )),
            );
        }
        self.control_characters(text, span.clone());
        // Files saved with Windows line endings keep `\r\n` inside multi-line strings.
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        };
        Some((text, span))
    }

    fn control_characters(&mut self, text: &str, span: Range<usize>) {
        // Nearly all text has none: a byte scan says so at a fraction of the cost of decoding
        // chars. Control characters are bytes below 0x20, 0x7F, or 0xC2 0x80–0x9F (C1).
        if !text
            .bytes()
            .any(|b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f || b == 0xc2)
        {
            return;
        }
        let mut chars = text.chars().peekable();
        let mut found = None;
        while let Some(c) = chars.next() {
            // A carriage return is harmless only as part of a Windows line ending.
            let line_ending = c == '\r' && chars.peek() == Some(&'\n');
            if c.is_control() && c != '\n' && c != '\t' && !line_ending {
                found = Some(c);
                break;
            }
        }
        if let Some(c) = found {
            let place = self.control_place(text, c, span);
            self.push(
                self.diag(
                    Code::ControlCharacter,
                    place,
                    format!(
                        "the text holds the control character U+{:04X}, which could drive the learner's terminal",
                        c as u32
                    ),
                )
                .with_help("remove it; only line breaks and tabs are allowed in text"),
            );
        }
    }

    /// The exact place of a control character: the character itself when the source holds the
    /// text literally, else its escape sequence (`\u001b`, `\e`, `\x1b`), else the whole value.
    fn control_place(&self, text: &str, c: char, span: Range<usize>) -> Range<usize> {
        if let (Some(start), Some(i)) = (self.exact_offset(text, span.clone()), text.find(c)) {
            return start + i..start + i + c.len_utf8();
        }
        let raw = self
            .source
            .get(span.clone())
            .unwrap_or("")
            .to_ascii_lowercase();
        let code = c as u32;
        let mut escapes = vec![format!("\\u{code:04x}"), format!("\\u{code:08x}")];
        if code < 0x100 {
            escapes.push(format!("\\x{code:02x}"));
        }
        if c == '\u{1b}' {
            escapes.push("\\e".to_string());
        }
        escapes
            .iter()
            .filter_map(|e| raw.find(e.as_str()).map(|i| (i, e.len())))
            .min()
            .map_or(span.clone(), |(i, len)| {
                span.start + i..span.start + i + len
            })
    }

    /// Where the value's text starts in the source, when the source holds it literally
    /// (no escapes), so that offsets inside the text map one to one.
    fn exact_offset(&self, text: &str, span: Range<usize>) -> Option<usize> {
        let raw = self.source.get(span.clone())?;
        let mut start = span.start;
        if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            start += 3;
            let rest = self.source.get(start..)?;
            if rest.starts_with("\r\n") {
                start += 2;
            } else if rest.starts_with('\n') {
                start += 1;
            }
        } else if raw.starts_with('"') || raw.starts_with('\'') {
            start += 1;
        } else {
            return None;
        }
        (self.source.get(start..start + text.len()) == Some(text)).then_some(start)
    }

    /// A Markdown text: like `text`, plus a warning for raw HTML.
    fn markdown(
        &mut self,
        fields: &Fields,
        key: &str,
        need: Need,
    ) -> Option<(String, Range<usize>)> {
        let (text, span) = self.text(fields, key, need)?;
        let html = crate::markdown::raw_html_spans(&text);
        if let Some(first) = html.first() {
            let place = match self.exact_offset(&text, span.clone()) {
                Some(start) => start + first.start..start + first.end,
                None => span.clone(),
            };
            self.push(
                self.diag(
                    Code::RawHtml,
                    place,
                    format!("`{key}` contains raw HTML, which kurs shows as plain text"),
                )
                .with_help("use Markdown instead: **bold**, *italic*, [text](https://…)"),
            );
        }
        Some((text, span))
    }

    fn boolean(&mut self, fields: &Fields, key: &str) -> Option<(bool, Range<usize>)> {
        let (_, value) = fields.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some((*b, value.span())),
            _ => {
                self.wrong_type(key, value, "`true` or `false`");
                None
            }
        }
    }

    fn percent(&mut self, fields: &Fields, key: &str) -> Option<u8> {
        let (_, value) = fields.get(key)?;
        let DeValue::Integer(number) = value.get_ref() else {
            self.wrong_type(key, value, "a whole number from 0 to 100");
            return None;
        };
        let parsed = i64::from_str_radix(&number.as_str().replace('_', ""), number.radix());
        match parsed {
            Ok(n) if (0..=100).contains(&n) => Some(n as u8),
            _ => {
                self.push(
                    self.diag(
                        Code::PassPercentRange,
                        value.span(),
                        format!(
                            "`{key}` must be between 0 and 100, found {}",
                            number.as_str()
                        ),
                    )
                    .with_help("give the percent of points needed to pass, such as 60"),
                );
                None
            }
        }
    }

    fn id(&mut self, fields: &Fields, key: &str) -> Option<(String, Range<usize>)> {
        let id = self.text(fields, key, Need::NonEmpty)?;
        self.check_id(&id.0, id.1.clone()).then_some(id)
    }

    fn id_optional(&mut self, fields: &Fields, key: &str) -> Option<(String, Range<usize>)> {
        let id = self.text(fields, key, Need::NonEmptyIfGiven)?;
        self.check_id(&id.0, id.1.clone()).then_some(id)
    }

    fn check_id(&mut self, id: &str, span: Range<usize>) -> bool {
        let good = !id.is_empty()
            && id.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !good && !id.trim().is_empty() {
            let suggestion = suggest_id(id);
            let mut d = self.diag(Code::BadId, span, format!("`{id}` is not a valid id"));
            d = if suggestion.is_empty() {
                d.with_help("ids use lowercase letters, digits and `-`")
            } else {
                d.with_help(format!(
                    "ids use lowercase letters, digits and `-`, such as `{suggestion}`"
                ))
            };
            self.push(d);
        }
        good
    }

    /// An array of strings.
    fn strings(&mut self, fields: &Fields, key: &str) -> Option<Vec<(String, Range<usize>)>> {
        let (_, value) = fields.get(key)?;
        let DeValue::Array(array) = value.get_ref() else {
            self.wrong_type(key, value, "an array of texts such as [\"a\", \"b\"]");
            return None;
        };
        let mut out = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::String(text) => {
                    self.control_characters(text, item.span());
                    // As in `text`: a Windows line ending is a line break, never a lone `\r`.
                    out.push((text.replace("\r\n", "\n"), item.span()));
                }
                _ => {
                    let found = type_name(item.get_ref());
                    self.push(self.diag(
                        Code::WrongType,
                        item.span(),
                        format!("every entry of `{key}` must be text in quotes, found {found}"),
                    ));
                }
            }
        }
        Some(out)
    }

    /// A single table such as `[quiz]`.
    fn table<'t, 'i>(
        &mut self,
        fields: &Fields<'t, 'i>,
        key: &str,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let (_, value) = fields.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some((table, value.span())),
            _ => {
                self.wrong_type(key, value, &format!("a table (`[{key}]`)"));
                None
            }
        }
    }

    /// An array of tables such as `[[section]]`.
    fn tables<'t, 'i>(
        &mut self,
        fields: &Fields<'t, 'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some((_, value)) = fields.get(key) else {
            return Vec::new();
        };
        let expected = format!(
            "an array of tables (`[[{}]]`)",
            table_path(fields.what, key)
        );
        let DeValue::Array(array) = value.get_ref() else {
            self.wrong_type(key, value, &expected);
            return Vec::new();
        };
        if array.is_empty() {
            self.push(self.diag(
                Code::NothingToShow,
                value.span(),
                format!("`{key}` is empty"),
            ));
        }
        let mut out = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::Table(table) => out.push((table, item.span())),
                _ => {
                    let found = type_name(item.get_ref());
                    self.push(self.diag(
                        Code::WrongType,
                        item.span(),
                        format!("every entry of `{key}` must be a table, found {found}"),
                    ));
                }
            }
        }
        out
    }

    fn required_tables<'t, 'i>(
        &mut self,
        fields: &Fields<'t, 'i>,
        key: &str,
        help: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        if fields.get(key).is_none() {
            let d = self
                .diag(
                    Code::MissingKey,
                    fields.missing_span(self.source),
                    format!("the {} has no `{key}`", fields.what),
                )
                .with_help(help.to_string());
            self.push(d);
            return Vec::new();
        }
        self.tables(fields, key)
    }

    /// Checks a module path from `course.toml` and returns it relative to the course folder.
    fn module_path(&mut self, name: &str, span: Range<usize>) -> Option<PathBuf> {
        if name.trim().is_empty() {
            self.push(self.diag(Code::EmptyText, span, "the module file name is empty"));
            return None;
        }
        let path = Path::new(name);
        let absolute = path.is_absolute()
            || name.starts_with('/')
            || name.starts_with('\\')
            || name.as_bytes().get(1) == Some(&b':');
        let mut normal = PathBuf::new();
        let mut escapes = false;
        for component in path.components() {
            match component {
                Component::Normal(part) => normal.push(part),
                Component::CurDir => {}
                Component::ParentDir => {
                    if !normal.pop() {
                        escapes = true;
                    }
                }
                Component::RootDir | Component::Prefix(_) => escapes = true,
            }
        }
        if absolute || escapes || normal.as_os_str().is_empty() {
            self.push(
                self.diag(
                    Code::PathOutsideCourse,
                    span,
                    format!(
                        "`{name}` {} the course folder",
                        if absolute {
                            "is an absolute path outside"
                        } else {
                            "leads outside"
                        }
                    ),
                )
                .with_help(
                    "give module files relative to the course folder, such as `c1-email.toml`",
                ),
            );
            return None;
        }
        Some(normal)
    }

    fn unknown_keys(&mut self, fields: &Fields, allowed: &[&str]) {
        self.unknown_keys_except(fields, allowed, allowed);
    }

    /// Reports keys not in `allowed` unless `known` has them (those were reported otherwise).
    fn unknown_keys_except(&mut self, fields: &Fields, allowed: &[&str], known: &[&str]) {
        for (key, _) in fields.table.iter() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) || known.contains(&name) {
                continue;
            }
            let mut d = self.diag(
                Code::UnknownKey,
                key.span(),
                format!("unknown key `{name}` in the {}", fields.what),
            );
            d = match did_you_mean(name, allowed) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!("the {} takes {}", fields.what, list_keys(allowed))),
            };
            self.push(d);
        }
    }
}

fn table_path(what: &str, key: &str) -> String {
    match what {
        "quiz" => format!("quiz.{key}"),
        "question" => format!("quiz.question.{key}"),
        _ => key.to_string(),
    }
}

fn type_name(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "`true`/`false`",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn type_help(key: &str, expected: &str) -> String {
    if expected.starts_with("text") {
        format!("put the value in quotes: `{key} = \"…\"`")
    } else {
        format!("write `{key}` as {expected}")
    }
}

fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        let c = match c {
            'ä' | 'Ä' => "ae".to_string(),
            'ö' | 'Ö' => "oe".to_string(),
            'ü' | 'Ü' => "ue".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            _ => "-".to_string(),
        };
        out.push_str(&c);
    }
    out.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::files::Memory;

    const MODULE: &str = "id = \"m\"\ncode = \"M1\"\ntitle = \"Erstes Modul\"\n\n\
        [[section]]\ntitle = \"Teil\"\nbody = \"Text über Größen.\"\n\n\
        [quiz]\n[[quiz.question]]\ntype = \"true_false\"\nprompt = \"Stimmt das?\"\nanswer = true\n";

    fn library(module: &str) -> Memory {
        let mut files = Memory::default();
        files.insert(
            "lib/c/course.toml",
            "id = \"c\"\ntitle = \"Kurs\"\nlanguage = \"de\"\nmodules = [\"m.toml\"]\n",
        );
        files.insert("lib/c/m.toml", module);
        files
    }

    fn load_to(files: &Memory, depth: Depth) -> (Library, Report) {
        load(files, &[Target::Course(PathBuf::from("lib/c"))], depth)
    }

    #[test]
    fn the_start_of_a_module_ends_at_its_first_table() {
        assert_eq!(
            header_prefix(MODULE),
            Some("id = \"m\"\ncode = \"M1\"\ntitle = \"Erstes Modul\"\n\n")
        );
        assert_eq!(
            header_prefix("a = 1\r\n  [[section]]\r\n"),
            Some("a = 1\r\n")
        );
        assert_eq!(header_prefix("title = \"no tables\"\n"), None);
        assert_eq!(header_prefix("[[section]]\n"), Some(""));
    }

    #[test]
    fn headers_hold_what_the_library_shows_and_nothing_more() {
        let (library, report) = load_to(&library(MODULE), Depth::Headers);
        assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
        let module = &library.courses[0].modules[0];
        assert_eq!(
            (
                module.id.as_str(),
                module.code.as_deref(),
                module.title.as_str()
            ),
            ("m", Some("M1"), "Erstes Modul")
        );
        assert!(!module.loaded);
        assert!(module.sections.is_empty() && module.quiz.is_none());
    }

    #[test]
    fn a_body_read_later_equals_the_module_read_at_once() {
        let files = library(MODULE);
        let (eager, _) = load_to(&files, Depth::Full);
        let (mut lazy, _) = load_to(&files, Depth::Headers);
        load_body(&files, &mut lazy.courses[0].modules[0], 60).expect("loads");
        assert_eq!(lazy.courses[0].modules[0], eager.courses[0].modules[0]);
        assert!(lazy.courses[0].modules[0].loaded);
    }

    #[test]
    fn a_bracket_line_inside_a_multi_line_string_falls_back_to_the_whole_file() {
        let module = MODULE.replace(
            "title = \"Erstes Modul\"\n",
            "title = \"Erstes Modul\"\nintro = \"\"\"\nEine Liste:\n[1] nicht ein Tabellenkopf\n\"\"\"\n",
        );
        let (library, report) = load_to(&library(&module), Depth::Headers);
        assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
        let module = &library.courses[0].modules[0];
        assert!(module.loaded, "read in full");
        assert!(module.intro.as_deref().is_some_and(|i| i.contains("[1]")));
    }

    #[test]
    fn an_error_in_the_start_is_reported_at_once_with_its_place() {
        let module = MODULE.replace("title = \"Erstes Modul\"", "title = \"\"");
        for depth in [Depth::Full, Depth::Headers] {
            let (library, report) = load_to(&library(&module), depth);
            assert!(library.courses[0].modules.is_empty(), "{depth:?}");
            let codes: Vec<(Code, usize, usize)> = report
                .diagnostics
                .iter()
                .map(|d| (d.code, d.line, d.column))
                .collect();
            assert_eq!(codes, vec![(Code::EmptyText, 3, 9)], "{depth:?}");
        }
    }

    #[test]
    fn an_error_in_the_body_is_found_when_the_module_is_opened() {
        let module = MODULE.replace("answer = true", "answer = \"ja\"");
        let files = library(&module);
        let (mut library, report) = load_to(&files, Depth::Headers);
        assert_eq!(report.errors(), 0, "the start is fine");
        let module = &mut library.courses[0].modules[0];
        let errors = load_body(&files, module, 60).expect_err("the body has an error");
        assert_eq!(errors[0].code, Code::WrongType);
        assert_eq!(
            (errors[0].line, errors[0].file.clone()),
            (13, PathBuf::from("lib/c/m.toml"))
        );
        assert!(
            !module.loaded,
            "an unreadable body leaves the module unread"
        );
    }
}
