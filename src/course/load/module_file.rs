//! Module files: the start the library shows (`id`, `code`, `title`), then the sections and the
//! `[quiz]` table; a module file given on its own plays as a one-module course. For the
//! player's start only the beginning of a module file is read, up to its first table.

use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use super::fields::{Ctx, Fields, Need};
use super::question::parse_questions;
use super::read::{TextStart, read_source, read_text_start, text_of};
use super::{Depth, Loaded};
use crate::course::files::{Files, Folder};
use crate::course::format::keys;
use crate::course::model::{Area, Course, Module, Quiz, Section};
use crate::diagnostic::{Code, Diagnostic, Report, Severity};

/// A parsed module file: the module when it has no error, its diagnostics, and its id with place.
pub(super) type ParsedModule = (Option<Module>, Report, Option<(String, Range<usize>)>);

/// A text value read with its place.
type Text = Option<(String, Range<usize>)>;

/// A module file on its own plays as a one-module course.
pub(super) fn load_standalone_module(files: &dyn Files, path: &Path, depth: Depth) -> Loaded {
    let mut report = Report::default();
    report.files = 1;
    // A module file given on its own must stay inside the folder it lies in.
    let folder = path.parent().unwrap_or(Path::new(""));
    let Some(source) = read_source(files, &files.folder(folder), path, &mut report) else {
        return (None, report, None);
    };
    let (module, diagnostics, _) = parse_module(path, &source, 60, depth);
    report.absorb(diagnostics);
    let course = module.map(|module| Course {
        id: module.id.clone(),
        title: module.title.clone(),
        language: "en".to_string(),
        description: None,
        pass_percent: 60,
        xapi_activity_base: None,
        areas: vec![Area {
            code: None,
            title: None,
            modules: vec![0],
        }],
        modules: vec![module],
        exam: None,
        certificate: None,
        path: path.to_path_buf(),
    });
    (course, report, None)
}

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
    // The library checked that the file lies inside its course folder; a body read later must
    // still lie inside the folder the file is in.
    let folder = module.path.parent().unwrap_or(Path::new(""));
    let Some(source) = read_source(files, &files.folder(folder), &module.path, &mut report) else {
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
            .diagnostics
            .into_iter()
            .filter(|d| d.severity() == Severity::Error)
            .collect()),
    }
}

/// How much of a module file is read first to find its start; four times more each time the
/// start goes on beyond what was read. Most starts (id, code, title, intro) fit in the first.
const START_BYTES: usize = 4096;

/// Reads and parses the module file at `path` as deep as asked, or reports why it cannot be
/// read. Also returns the text read, for diagnostics placed in it later (its id's place).
///
/// For [`Depth::Headers`] only the start of the file is read when that start is complete in
/// what was read and parses alone; otherwise the whole file is read, as for every other depth.
pub(super) fn read_module(
    files: &dyn Files,
    folder: &Folder,
    path: &Path,
    course_pass_percent: u8,
    depth: Depth,
    report: &mut Report,
) -> Option<(ParsedModule, String)> {
    if depth == Depth::Headers {
        let mut limit = START_BYTES;
        loop {
            match read_text_start(files, folder, path, limit, report)? {
                TextStart::Whole(source) => {
                    let parsed = parse_module(path, &source, course_pass_percent, depth);
                    return Some((parsed, source));
                }
                TextStart::Part(part) => {
                    // Cut on bytes ('[' and line ends are ASCII): only the start is checked
                    // for UTF-8 and parsed, not the rest of what was read.
                    if let Some(cut) = header_cut(&part) {
                        // The start is complete; when it does not parse alone, the whole file decides.
                        let parsed = text_of(&part[..cut])
                            .and_then(|start| parse_module_header(path, start).map(|p| (p, start)));
                        match parsed {
                            Some((parsed, start)) => return Some((parsed, start.to_string())),
                            None => break,
                        }
                    }
                    limit = limit.saturating_mul(4);
                }
                TextStart::ReadWhole => break,
            }
        }
    }
    let source = read_source(files, folder, path, report)?;
    let parsed = parse_module(path, &source, course_pass_percent, depth);
    Some((parsed, source))
}

/// The start of a module file up to its first table header: in TOML every key of the root table
/// comes before the first header, so this start alone holds `id`, `code` and `title`. `None`
/// when the file has no table (the whole file is its start).
///
/// A line starting with `[` inside a multi-line string or array is no header; cutting there
/// leaves an unterminated string or array, which fails to parse, and the caller reads the whole
/// file instead. So a start that parses is always exactly the root table's keys.
fn header_prefix(source: &str) -> Option<&str> {
    header_cut(source.as_bytes()).map(|cut| &source[..cut])
}

/// Where [`header_prefix`] ends, found in bytes: the start of the first line whose first
/// character other than blanks is `[`. A line not ended within `bytes` counts as it is.
fn header_cut(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        if line.trim_ascii_start().first() == Some(&b'[') {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// `id`, `code` and `title`: the keys the library screen shows, read in that order.
fn parse_start(ctx: &mut Ctx, fields: &Fields) -> (Text, Text, Text) {
    let id = ctx.id(fields, "id");
    let code = ctx.plain(fields, "code", Need::NonEmptyIfGiven);
    let title = ctx.plain(fields, "title", Need::NonEmpty);
    (id, code, title)
}

/// A module as the library knows it before it is opened: its start, no intro, sections or quiz.
fn unopened(id: &str, code: Text, title: String, path: &Path) -> Module {
    Module {
        id: id.to_string(),
        code: code.map(|c| c.0),
        title,
        loaded: false,
        intro: None,
        sections: Vec::new(),
        quiz: None,
        path: path.to_path_buf(),
    }
}

/// Only the start of a module (see [`Depth::Headers`]), given as the text before its first
/// table; `None` when it cannot be read without errors, so that the whole file is read and
/// every error is found.
fn parse_module_header(path: &Path, prefix: &str) -> Option<ParsedModule> {
    let mut ctx = Ctx::new(path, prefix);
    let root = ctx.parse()?;
    let fields = Fields::root(&root, "module");
    let (id, code, title) = parse_start(&mut ctx, &fields);
    if ctx.errors() > 0 {
        return None;
    }
    let (Some((id_text, _)), Some((title, _))) = (&id, title) else {
        return None;
    };
    let module = unopened(id_text, code, title, path);
    Some((Some(module), ctx.finish(), id))
}

/// Parses one module file; also returns its id and the id's span for cross-file checks.
pub(super) fn parse_module(
    path: &Path,
    source: &str,
    course_pass_percent: u8,
    depth: Depth,
) -> ParsedModule {
    if depth == Depth::Headers
        && let Some(parsed) =
            header_prefix(source).and_then(|start| parse_module_header(path, start))
    {
        return parsed;
    }
    let mut ctx = Ctx::new(path, source);
    let Some(root) = ctx.parse() else {
        return (None, ctx.finish(), None);
    };
    let fields = Fields::root(&root, "module");
    let (id, code, title) = parse_start(&mut ctx, &fields);
    let intro = ctx.markdown(&fields, "intro", Need::Optional);
    let sections = parse_sections(&mut ctx, &fields);
    let title_span = title.as_ref().map(|t| t.1.clone());
    let quiz = parse_module_quiz(&mut ctx, &fields, title_span, course_pass_percent);
    ctx.unknown_keys(&fields, keys::MODULE);

    let ok = ctx.errors() == 0;
    let diagnostics = ctx.finish();
    let module = match (ok, &id, title) {
        (true, Some((id, _)), Some((title, _))) => Some(Module {
            loaded: true,
            intro: intro.map(|i| i.0),
            sections,
            quiz: quiz.map(Box::new),
            ..unopened(id, code, title, path)
        }),
        _ => None,
    };
    (module, diagnostics, id)
}

/// The `[[section]]` tables: at least one, each with a title and a body that is not blank.
fn parse_sections(ctx: &mut Ctx, fields: &Fields) -> Vec<Section> {
    let mut sections = Vec::new();
    if fields.get("section").is_none() {
        ctx.push(
            ctx.diag(
                Code::MissingKey,
                fields.missing_span(ctx.source),
                "the module has no `[[section]]`",
            )
            .with_help("add at least one `[[section]]` with a `title` and a `body`"),
        );
    }
    for (table, header) in ctx.tables(fields, "section") {
        let section = Fields::new(table, header.clone(), "section");
        let title = ctx.plain(&section, "title", Need::NonEmpty);
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
    sections
}

/// The module's `[quiz]`. Without one the module still shows, with a warning at its title.
fn parse_module_quiz(
    ctx: &mut Ctx,
    fields: &Fields,
    title_span: Option<Range<usize>>,
    course_pass_percent: u8,
) -> Option<Quiz> {
    if fields.get("quiz").is_none() {
        let span = title_span.unwrap_or_else(|| fields.missing_span(ctx.source));
        ctx.push(
            ctx.diag(Code::ModuleWithoutQuiz, span, "this module has no quiz")
                .with_help(
                    "add a `[quiz]` with `[[quiz.question]]` tables so learners can practise",
                ),
        );
        return None;
    }
    let (table, header) = ctx.table(fields, "quiz")?;
    parse_quiz(ctx, table, header, course_pass_percent)
}

/// The `[quiz]` table: its own keys and its questions, each question id used once.
fn parse_quiz(
    ctx: &mut Ctx,
    table: &DeTable,
    header: Range<usize>,
    course_pass_percent: u8,
) -> Option<Quiz> {
    let fields = Fields::new(table, header.clone(), "quiz");
    let title = ctx.plain(&fields, "title", Need::NonEmptyIfGiven);
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
    let questions = parse_questions(ctx, &fields, "quiz");
    ctx.unknown_keys(&fields, keys::QUIZ);
    Some(Quiz {
        title: title.map(|t| t.0),
        pass_percent: pass_percent.unwrap_or(course_pass_percent),
        shuffle: shuffle.unwrap_or(true),
        questions,
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::super::{Target, load_targets};
    use super::*;
    use crate::course::files::Memory;
    use crate::course::model::Library;

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
        load_targets(files, &[Target::Course(PathBuf::from("lib/c"))], depth)
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
