//! `course.toml`: the course's own keys, its module order (one `modules` list or `[[area]]`
//! tables), and every module file it lists, found inside the course folder and read in order.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use toml::de::DeTable;

use super::exam::{check_exam, parse_certificate, parse_exam};
use super::fields::{Ctx, Fields, Need};
use super::module_file::read_module;
use super::printed::{self, check_printed};
use super::read::read_source;
use super::{Depth, Loaded, Place};
use crate::course::files::{Files, Folder, Kind};
use crate::course::format::keys;
use crate::course::model::{Area, Course, Module};
use crate::diagnostic::{Code, Diagnostic, Report};

/// A module file as `course.toml` lists it: the area it belongs to (0 for a flat `modules`
/// list), the name as written and where it is written.
struct Listed {
    area: usize,
    name: String,
    span: Range<usize>,
}

/// The module order: every module file listed, and each area's code and title (one area
/// without either for a flat `modules` list).
struct Order {
    listed: Vec<Listed>,
    areas: Vec<(Option<String>, Option<String>)>,
}

/// The modules of a course read so far, and what the checks across its files remember.
struct Modules {
    /// Each listed file (relative to the course folder) with the place it is first listed.
    files: HashMap<PathBuf, Range<usize>>,
    /// Each module id with the file that has it first.
    ids: HashMap<String, PathBuf>,
    modules: Vec<Module>,
    /// For each area, its modules as indexes into `modules`.
    by_area: Vec<Vec<usize>>,
    /// The questions of every module's quiz read in full, for the exam's check.
    quiz_questions: usize,
}

/// Loads one course folder: `course.toml` first, then every module it lists, in order.
pub(super) fn load_course(files: &dyn Files, dir: &Path, depth: Depth) -> Loaded {
    let path = dir.join("course.toml");
    let mut report = Report::default();
    report.files = 1;
    // Resolved once: every module file of the course is checked against it.
    let folder = files.folder(dir);
    let Some(source) = read_source(files, &folder, &path, &mut report) else {
        return (None, report, None);
    };
    let mut ctx = Ctx::new(&path, &source);
    let Some(root) = ctx.parse() else {
        report.absorb(ctx.finish());
        return (None, report, None);
    };
    let fields = Fields::root(&root, "course");
    let id = ctx.id(&fields, "id");
    let title = ctx.plain(&fields, "title", Need::NonEmpty);
    let language = ctx.text(&fields, "language", Need::Optional);
    if let Some((tag, span)) = &language {
        check_language(&mut ctx, tag, span.clone());
    }
    let description = ctx.markdown(&fields, "description", Need::Optional);
    let pass_percent = ctx.percent(&fields, "pass_percent").unwrap_or(60);
    let xapi_activity_base = ctx.text(&fields, "xapi_activity_base", Need::Optional);
    if let Some((base, span)) = &xapi_activity_base {
        let https = base
            .strip_prefix("https://")
            .is_some_and(|rest| !rest.is_empty());
        if !https || !crate::xapi::check::is_iri(base) {
            ctx.push(
                ctx.diag(
                    Code::WrongType,
                    span.clone(),
                    format!("`xapi_activity_base` `{base}` is not an https IRI"),
                )
                .with_help("write an address such as `https://kurse.example.org/sicher-online`, or leave the key out"),
            );
        }
    }
    let order = module_order(&mut ctx, &fields);
    let mut exam = parse_exam(&mut ctx, &fields, pass_percent);
    let certificate = parse_certificate(&mut ctx, &fields, fields.get("exam").is_some());
    if certificate.is_some() {
        if let Some((text, span)) = &title {
            check_printed(&mut ctx, "the course title", text, span.clone());
        }
        if let Some((text, span)) = exam.as_ref().and_then(|e| e.title.as_ref()) {
            check_printed(&mut ctx, "the exam's title", text, span.clone());
        }
    }
    ctx.unknown_keys(&fields, keys::COURSE);
    let first_key = fields.missing_span(ctx.source);
    // Everything needed of the parsed table is taken out: it can be large, and the modules are
    // read without it.
    drop(root);
    let course_ok = ctx.errors() == 0;
    let id_place = id.as_ref().map(|(id, span)| Place {
        id: id.clone(),
        file: path.clone(),
        source: source.clone(),
        span: span.clone(),
    });

    let read = load_modules(
        files,
        &folder,
        (depth, pass_percent, exam.is_some(), certificate.is_some()),
        &mut ctx,
        &order,
        &mut report,
    );
    if let Some(exam) = &mut exam {
        let in_quizzes = (depth != Depth::Headers).then_some(read.quiz_questions);
        check_exam(&mut ctx, exam, in_quizzes);
    }
    // A broken order already says what is wrong; files missing from it would only repeat that.
    if !ctx.found(Code::ModuleOrder) {
        unlisted_modules(files, dir, &mut ctx, first_key, &read.files);
    }

    // `course.toml` first, then the modules in the order listed.
    let mut all = ctx.finish();
    all.absorb(report);
    let mut report = all;
    sort_by_place(&mut report.diagnostics);
    let course = match (course_ok, id, title) {
        (true, Some((id, _)), Some((title, _))) => Some(Course {
            id,
            title,
            language: language.map_or_else(|| "en".to_string(), |l| l.0),
            description: description.map(|d| d.0),
            pass_percent,
            xapi_activity_base: xapi_activity_base.map(|b| b.0),
            areas: order
                .areas
                .into_iter()
                .zip(read.by_area)
                .map(|((code, title), modules)| Area {
                    code,
                    title,
                    modules,
                })
                .collect(),
            modules: read.modules,
            exam: exam.map(|e| e.exam),
            certificate,
            path: dir.to_path_buf(),
        }),
        _ => None,
    };
    (course, report, id_place)
}

/// The module order: exactly one of `modules` and `[[area]]`.
fn module_order(ctx: &mut Ctx, fields: &Fields) -> Order {
    let mut order = Order {
        listed: Vec::new(),
        areas: Vec::new(),
    };
    match (fields.get("modules"), fields.get("area")) {
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
                fields.missing_span(ctx.source),
                "`course.toml` lists no modules",
            )
            .with_help(
                "add `modules = [\"first-module.toml\", …]` or `[[area]]` tables with `modules`",
            ),
        ),
        (Some(_), None) => {
            for (name, span) in ctx.strings(fields, "modules").unwrap_or_default() {
                order.listed.push(Listed {
                    area: 0,
                    name,
                    span,
                });
            }
            order.areas.push((None, None));
        }
        (None, Some(_)) => {
            for (index, (table, header)) in ctx.tables(fields, "area").into_iter().enumerate() {
                let area = parse_area(ctx, table, header, index, &mut order.listed);
                order.areas.push(area);
            }
        }
    }
    order
}

/// One `[[area]]`: its code and title; its module files go to `listed` as area `index`.
fn parse_area(
    ctx: &mut Ctx,
    table: &DeTable,
    header: Range<usize>,
    index: usize,
    listed: &mut Vec<Listed>,
) -> (Option<String>, Option<String>) {
    let area = Fields::new(table, header.clone(), "area");
    let code = ctx.plain(&area, "code", Need::NonEmptyIfGiven);
    let title = ctx.plain(&area, "title", Need::NonEmpty);
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
        listed.push(Listed {
            area: index,
            name,
            span,
        });
    }
    ctx.unknown_keys(&area, keys::AREA);
    (code.map(|c| c.0), title.map(|t| t.0))
}

/// Reads the listed module files in order (`course`: how deep, the course's pass mark, whether
/// it has an exam). A module id used twice keeps its first module.
fn load_modules(
    files: &dyn Files,
    folder: &Folder,
    (depth, pass_percent, has_exam, has_certificate): (Depth, u8, bool, bool),
    ctx: &mut Ctx,
    order: &Order,
    report: &mut Report,
) -> Modules {
    let mut read = Modules {
        files: HashMap::new(),
        ids: HashMap::new(),
        modules: Vec::with_capacity(order.listed.len()),
        by_area: vec![Vec::new(); order.areas.len()],
        quiz_questions: 0,
    };
    for listed in &order.listed {
        if super::gate::gave_up() {
            break;
        }
        let Some(module_path) = listed_file(files, folder, ctx, listed, &mut read.files) else {
            continue;
        };
        report.files += 1;
        let Some(((module, diagnostics, module_id), module_source)) =
            read_module(files, folder, &module_path, pass_percent, depth, report)
        else {
            continue;
        };
        report.absorb(diagnostics);
        if let Some((module_id, id_span)) = module_id {
            if let Some(first) = read.ids.get(&module_id) {
                report.push(
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
            // The exam's results name each question `module/question`, and its own questions
            // `exam/question` (`exam::Drawn::key`): a module called `exam` would share those names.
            if has_exam && module_id == "exam" {
                report.push(
                    Diagnostic::at(
                        Code::DuplicateId,
                        &module_path,
                        &module_source,
                        id_span,
                        "module id `exam` is the name of the course's exam",
                    )
                    .with_help(
                        "the exam keeps its own questions' results under `exam`: give the module another id, such as `exam-practice`",
                    ),
                );
            }
            read.ids.insert(module_id, module_path.clone());
        }
        // Printed on the certificate with its score: a module with a quiz (known when read whole).
        if has_certificate
            && let Some(module) = module.as_ref().filter(|m| m.quiz.is_some())
            && let Some(warning) =
                printed::module_title(&module_path, &module_source, &module.title)
        {
            report.push(warning);
        }
        if let Some(module) = module {
            read.quiz_questions += module.quiz.as_ref().map_or(0, |q| q.questions.len());
            if let Some(list) = read.by_area.get_mut(listed.area) {
                list.push(read.modules.len());
            }
            read.modules.push(if depth == Depth::Check {
                Module {
                    loaded: false,
                    intro: None,
                    sections: Vec::new(),
                    quiz: None,
                    ..module
                }
            } else {
                module
            });
        }
    }
    read
}

/// The path of a listed module file when it is listed once, lies inside the course folder and
/// is a file; `seen` remembers it for the checks that follow.
fn listed_file(
    files: &dyn Files,
    folder: &Folder,
    ctx: &mut Ctx,
    listed: &Listed,
    seen: &mut HashMap<PathBuf, Range<usize>>,
) -> Option<PathBuf> {
    let Listed { name, span, .. } = listed;
    let relative = relative_module_path(ctx, name, span.clone())?;
    if let Some(first) = seen.get(&relative) {
        let line = ctx.line_of(first.start);
        ctx.push(
            ctx.diag(
                Code::ModuleListedTwice,
                span.clone(),
                format!("`{name}` is listed twice"),
            )
            .with_help(format!("it is already listed on line {line}; remove one")),
        );
        return None;
    }
    seen.insert(relative.clone(), span.clone());
    let module_path = folder.path().join(&relative);
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
            return None;
        }
        Some(Kind::Dir) => {
            ctx.push(ctx.diag(
                Code::ModuleFileMissing,
                span.clone(),
                format!("`{name}` is a folder, not a module file"),
            ));
            return None;
        }
        Some(Kind::File) => {}
    }
    if !files.inside(folder, &module_path) {
        ctx.push(
            ctx.diag(
                Code::PathOutsideCourse,
                span.clone(),
                format!("`{name}` leads outside the course folder (through a symbolic link)"),
            )
            .with_help("module files must lie inside the course folder"),
        );
        return None;
    }
    Some(module_path)
}

/// Checks a module path from `course.toml` and returns it relative to the course folder.
fn relative_module_path(ctx: &mut Ctx, name: &str, span: Range<usize>) -> Option<PathBuf> {
    if name.trim().is_empty() {
        ctx.push(ctx.diag(Code::EmptyText, span, "the module file name is empty"));
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
        ctx.push(
            ctx.diag(
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
            .with_help("give module files relative to the course folder, such as `c1-email.toml`"),
        );
        return None;
    }
    Some(normal)
}

/// Module files lying in the course folder that the course never shows.
fn unlisted_modules(
    files: &dyn Files,
    dir: &Path,
    ctx: &mut Ctx,
    first_key: Range<usize>,
    listed: &HashMap<PathBuf, Range<usize>>,
) {
    let Ok(entries) = files.list(dir) else {
        return;
    };
    for entry in entries {
        let Some(name) = entry.file_name().map(PathBuf::from) else {
            continue;
        };
        // A listed file is not looked at again (one system call less per module).
        let is_unlisted_module_file = entry.extension().is_some_and(|e| e == "toml")
            && name != Path::new("course.toml")
            && !listed.contains_key(&name)
            && files.kind(&entry) == Some(Kind::File);
        if is_unlisted_module_file {
            ctx.push(
                ctx.diag(
                    Code::ModuleNotListed,
                    first_key.clone(),
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

/// Diagnostics of one file in source order, files in the order they were read.
fn sort_by_place(diagnostics: &mut [Diagnostic]) {
    let mut order: HashMap<PathBuf, usize> = HashMap::new();
    for d in diagnostics.iter() {
        let next = order.len();
        order.entry(d.file.clone()).or_insert(next);
    }
    diagnostics.sort_by_key(|d| (order[&d.file], d.line, d.column));
}

/// `language`: a well-formed BCP 47 tag, and one kurs has a user interface in.
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
