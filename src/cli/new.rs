//! `kurs new course DIR` and `kurs new module COURSE_DIR`: reads what is there, asks `author` for
//! the new texts, and writes them without ever replacing a file. Exit 1 for what was asked, 2 for I/O.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{NewArgs, NewCommand};
use crate::author::{self, ModuleWish, Problem};
use crate::i18n::{self, Lang};
use crate::safe_text;

/// How far up from a new course folder a repository's `schema/` folder is looked for.
const SCHEMA_SEARCH_DEPTH: usize = 4;

/// Why nothing (or not everything) was written.
pub(super) enum Failure {
    Refused(Problem),
    Io(PathBuf, std::io::Error),
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Self {
        Failure::Refused(problem)
    }
}

pub(super) fn run(args: &NewArgs) -> ExitCode {
    let (lang, result) = match &args.command {
        NewCommand::Course {
            dir,
            title,
            language,
        } => {
            let lang = language.unwrap_or(Lang::En);
            (lang, new_course(dir, title.as_deref(), lang))
        }
        NewCommand::Module {
            course_dir,
            title,
            code,
            area,
            language,
        } => {
            let wish = ModuleWish {
                title: title.as_deref(),
                code: code.as_deref(),
                area: area.as_deref(),
            };
            // Messages in the course's own language, when it has one kurs speaks.
            let lang = language
                .or_else(|| course_language(course_dir))
                .unwrap_or(Lang::En);
            (lang, new_module(course_dir, wish, lang))
        }
    };
    match result {
        Ok(message) => {
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{message}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => super::output_failed(&error),
            }
        }
        Err(Failure::Refused(problem)) => {
            say_error!("kurs: {}", i18n::author_problem(lang, &problem));
            ExitCode::from(1)
        }
        Err(Failure::Io(path, error)) => {
            say_error!("kurs: {}", i18n::author_io(lang, &path, &error));
            ExitCode::from(2)
        }
    }
}

pub(super) fn shown(path: &Path) -> String {
    safe_text::name(&path.display().to_string())
}

fn new_course(dir: &Path, title: Option<&str>, lang: Lang) -> Result<String, Failure> {
    if dir.exists() && !dir.is_dir() {
        return Err(Problem::NotAFolder { path: shown(dir) }.into());
    }
    let course_toml = dir.join("course.toml");
    if course_toml.exists() {
        return Err(Problem::FileExists {
            path: shown(&course_toml),
        }
        .into());
    }
    let absolute = std::path::absolute(dir).map_err(|e| Failure::Io(dir.to_owned(), e))?;
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    let folder_name = absolute
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (schema_dir, schemas_to_write) = match repository_schema_dir(&absolute) {
        Some(found) => (found, false),
        None => ("schema/".to_owned(), true),
    };
    let course = author::new_course(&folder_name, title, lang, &schema_dir)?;
    let module = dir.join(&course.module_file);
    if module.exists() {
        return Err(Problem::FileExists {
            path: shown(&module),
        }
        .into());
    }
    std::fs::create_dir_all(dir).map_err(|e| Failure::Io(dir.to_owned(), e))?;
    let mut written = Vec::new();
    if schemas_to_write {
        written.extend(write_schemas(dir)?);
    }
    write_new(&course_toml, &course.course_toml)?;
    written.push(shown(&course_toml));
    if let Err(failure) = write_new(&module, &course.module_toml) {
        // Half a course would fail `kurs check`; the course.toml just written goes again.
        let _ = std::fs::remove_file(&course_toml);
        return Err(failure);
    }
    written.push(shown(&module));
    Ok(i18n::author_written(lang, &written, &shown(dir)))
}

fn new_module(course_dir: &Path, wish: ModuleWish<'_>, lang: Lang) -> Result<String, Failure> {
    // `kurs new module courses/x/course.toml` means the course of that file.
    let dir = if course_dir
        .file_name()
        .is_some_and(|name| name == "course.toml")
    {
        course_dir.parent().unwrap_or(Path::new("."))
    } else {
        course_dir
    };
    let course_path = dir.join("course.toml");
    if !course_path.is_file() {
        return Err(Problem::NoCourse { path: shown(dir) }.into());
    }
    let course_toml =
        std::fs::read_to_string(&course_path).map_err(|e| Failure::Io(course_path.clone(), e))?;
    let taken_ids = module_ids(dir);
    let schema_dir = author::schema_dir_of(&course_toml).unwrap_or_else(|| {
        std::path::absolute(dir)
            .ok()
            .and_then(|absolute| repository_schema_dir(&absolute))
            .unwrap_or_else(|| "schema/".to_owned())
    });
    let module = author::new_module(&course_toml, &taken_ids, lang, &schema_dir, wish)?;
    let module_path = dir.join(&module.file);
    if module_path.exists() {
        return Err(Problem::FileExists {
            path: shown(&module_path),
        }
        .into());
    }
    write_new(&module_path, &module.module_toml)?;
    if let Err(failure) = replace(&course_path, &module.course_toml) {
        // A module file no course lists helps no one; it goes again.
        let _ = std::fs::remove_file(&module_path);
        return Err(failure);
    }
    Ok(i18n::author_module_written(
        lang,
        &shown(&module_path),
        &shown(&course_path),
        &shown(dir),
    ))
}

/// The ids of the course's modules, which a new one must not repeat; none when it does not load.
pub(super) fn module_ids(dir: &Path) -> Vec<String> {
    let Ok(targets) = crate::course::discover(&crate::course::Disk, dir) else {
        return Vec::new();
    };
    let (library, _) =
        crate::course::load_targets(&crate::course::Disk, &targets, crate::course::Depth::Check);
    library
        .courses
        .iter()
        .flat_map(|course| course.modules.iter().map(|module| module.id.clone()))
        .collect()
}

/// The language kurs speaks that the course in `dir` is written in, read from its course.toml.
pub(super) fn course_language(dir: &Path) -> Option<Lang> {
    let dir = if dir.file_name().is_some_and(|name| name == "course.toml") {
        dir.parent()?
    } else {
        dir
    };
    let text = std::fs::read_to_string(dir.join("course.toml")).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    Lang::from_tag(table.get("language")?.as_str()?)
}

/// `../../schema/` when a folder above the new course (such as a repository's root) holds
/// `schema/course.schema.json`, the layout of the trainer's guide.
pub(super) fn repository_schema_dir(course_dir: &Path) -> Option<String> {
    let mut up = String::new();
    let mut dir = course_dir;
    for _ in 0..SCHEMA_SEARCH_DEPTH {
        dir = dir.parent()?;
        up.push_str("../");
        if dir.join("schema").join("course.schema.json").is_file() {
            return Some(format!("{up}schema/"));
        }
    }
    None
}

/// Writes the two JSON Schemas into `dir/schema/` for the `#:schema` lines of a new course;
/// a schema already there is kept, as it is the trainer's copy. The files written.
pub(super) fn write_schemas(dir: &Path) -> Result<Vec<String>, Failure> {
    let schemas = dir.join("schema");
    std::fs::create_dir_all(&schemas).map_err(|e| Failure::Io(schemas.clone(), e))?;
    let mut written = Vec::new();
    for (kind, file) in [
        (
            crate::course::schema::SchemaKind::Course,
            "course.schema.json",
        ),
        (
            crate::course::schema::SchemaKind::Module,
            "module.schema.json",
        ),
    ] {
        let path = schemas.join(file);
        if !path.exists() {
            write_new(&path, &crate::course::schema::schema_json(kind))?;
            written.push(shown(&path));
        }
    }
    Ok(written)
}

/// Writes a file that must not be there yet; one that appeared meanwhile is left as it is.
pub(super) fn write_new(path: &Path, text: &str) -> Result<(), Failure> {
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Problem::FileExists { path: shown(path) }.into());
        }
        Err(error) => return Err(Failure::Io(path.to_owned(), error)),
    };
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|error| Failure::Io(path.to_owned(), error))
}

/// Replaces `course.toml` by its edited text at once (a temporary file renamed over it), so an
/// interrupted write never leaves half a file.
pub(super) fn replace(path: &Path, text: &str) -> Result<(), Failure> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let io = |error: std::io::Error| Failure::Io(path.to_owned(), error);
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    temp.write_all(text.as_bytes()).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    if let Ok(metadata) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(temp.path(), metadata.permissions());
    }
    temp.persist(path).map_err(|error| io(error.error))?;
    Ok(())
}
