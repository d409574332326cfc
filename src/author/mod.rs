//! Course files for trainers (`kurs new course`, `kurs new module`, `kurs import`, `kurs export`):
//! the texts of a new `course.toml` and module file, `course.toml` with one module more, question
//! banks read from other systems and written for them. Pure: texts in, texts out; `cli/new.rs`,
//! `cli/import.rs` and `cli/export.rs` read and write the files, so nothing here touches the disk.

mod append;
pub mod export;
pub mod import;
mod name;
mod template;

use std::path::Path;

use crate::course::files::Memory;
use crate::i18n::Lang;
pub use append::{Lists, append_module, lists};
pub use name::slug;
pub(crate) use template::quoted;
use template::{CourseText, ModuleText};

/// Why new course files were not written; each is said in one sentence (`i18n::author_problem`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `--title` is empty or only spaces.
    TitleBlank,
    /// `--code` is empty or only spaces.
    CodeBlank,
    /// A title or code with a line break or another control character.
    NotOneLine { what: &'static str },
    /// The course already has a module with this id.
    IdTaken { id: String },
    /// A file that would be written is already there.
    FileExists { path: String },
    /// The folder holds no `course.toml`.
    NoCourse { path: String },
    /// A file stands where the course's folder should be.
    NotAFolder { path: String },
    /// `course.toml` is no TOML that can be edited.
    CourseNotToml { reason: String },
    /// `course.toml` has neither a `modules` list nor `[[area]]` tables.
    NoModuleList,
    /// `--area` given for a course with one flat `modules` list.
    NoAreas,
    /// The course has areas, and none was named.
    AreaNeeded { known: Vec<String> },
    /// No area has the code given.
    AreaUnknown { code: String, known: Vec<String> },
    /// What `kurs check` would say of the new file (Markdown in the title, W007, …).
    WouldNotPass { message: String },
    /// `--module-id` is not an id: lowercase letters, digits and `-`.
    BadModuleId { id: String },
    /// `--module-id` or `--title` given for a question bank of several categories.
    OneModuleOnly { modules: usize },
}

/// The two files of a new course.
#[derive(Debug)]
pub struct NewCourse {
    pub course_toml: String,
    /// The first module's file name, in the course folder.
    pub module_file: String,
    pub module_toml: String,
}

/// What the trainer asked of a new module; `None` takes the default.
#[derive(Clone, Copy, Debug, Default)]
pub struct ModuleWish<'a> {
    pub title: Option<&'a str>,
    pub code: Option<&'a str>,
    pub area: Option<&'a str>,
}

/// A new module file and the `course.toml` that lists it.
#[derive(Debug)]
pub struct NewModule {
    pub file: String,
    pub id: String,
    pub module_toml: String,
    pub course_toml: String,
}

/// The files of a new course in a folder named `folder_name`: its id is made from the folder's
/// name (else from the title), its first module is "M1". `schema_dir`: the folder of the JSON
/// Schemas relative to the course folder, ending in `/`.
pub fn new_course(
    folder_name: &str,
    title: Option<&str>,
    lang: Lang,
    schema_dir: &str,
) -> Result<NewCourse, Problem> {
    let title = one_line(title, "title", Problem::TitleBlank)?.unwrap_or(match lang {
        Lang::De => "Neuer Kurs",
        Lang::En => "New course",
    });
    let id = [slug(folder_name), slug(title)]
        .into_iter()
        .find(|id| !id.is_empty())
        .unwrap_or_else(|| "course".to_owned());
    let (code, module_title) = match lang {
        Lang::De => ("M1", "Erste Schritte"),
        Lang::En => ("M1", "First steps"),
    };
    let module_id = slug(&format!("{code} {module_title}"));
    let module_file = format!("{module_id}.toml");
    let module_toml = ModuleText {
        lang,
        schema_dir,
        id: &module_id,
        code: Some(code),
        title: module_title,
    }
    .render();
    let course_toml = CourseText {
        lang,
        schema_dir,
        id: &id,
        title,
        module_files: std::slice::from_ref(&module_file),
    }
    .render();
    let mut files = Memory::default();
    files.insert("new/course.toml", course_toml.as_bytes());
    files.insert(Path::new("new").join(&module_file), module_toml.as_bytes());
    would_pass(&files, Path::new("new"))?;
    Ok(NewCourse {
        course_toml,
        module_file,
        module_toml,
    })
}

/// A new module for the course whose `course.toml` is given, added to its `modules` (or to the
/// area `wish.area`). Its id and file name come from its code and title; the code defaults to
/// the next number of its list ("M3", or "C4" in area C). `taken_ids`: the ids of the course's
/// modules, which the new one must not repeat.
pub fn new_module(
    course_toml: &str,
    taken_ids: &[String],
    lang: Lang,
    schema_dir: &str,
    wish: ModuleWish<'_>,
) -> Result<NewModule, Problem> {
    let title = one_line(wish.title, "title", Problem::TitleBlank)?.unwrap_or(match lang {
        Lang::De => "Neues Modul",
        Lang::En => "New module",
    });
    let code = match one_line(wish.code, "code", Problem::CodeBlank)? {
        Some(code) => code.to_owned(),
        None => default_code(course_toml, wish.area)?,
    };
    let id = [slug(&format!("{code} {title}")), slug(&code)]
        .into_iter()
        .find(|id| !id.is_empty())
        .unwrap_or_else(|| "module".to_owned());
    if taken_ids.contains(&id) {
        return Err(Problem::IdTaken { id });
    }
    let file = format!("{id}.toml");
    let module_toml = ModuleText {
        lang,
        schema_dir,
        id: &id,
        code: Some(&code),
        title,
    }
    .render();
    let mut files = Memory::default();
    let path = Path::new("new").join(&file);
    files.insert(path.clone(), module_toml.as_bytes());
    would_pass(&files, &path)?;
    let course_toml = append_module(course_toml, &file, wish.area)?;
    Ok(NewModule {
        file,
        id,
        module_toml,
        course_toml,
    })
}

/// The `course.toml` of a new course in a folder named `folder_name` that lists `module_files`
/// (`kurs import`); its id is made from the folder's name, else from the title.
pub fn course_listing(
    folder_name: &str,
    title: &str,
    lang: Lang,
    schema_dir: &str,
    module_files: &[String],
) -> String {
    let id = [slug(folder_name), slug(title)]
        .into_iter()
        .find(|id| !id.is_empty())
        .unwrap_or_else(|| "course".to_owned());
    CourseText {
        lang,
        schema_dir,
        id: &id,
        title,
        module_files,
    }
    .render()
}

/// The schema folder a course's `#:schema` line points to, for its new modules to use too.
pub fn schema_dir_of(course_toml: &str) -> Option<String> {
    let first = course_toml.lines().next()?.trim_end();
    let path = first.strip_prefix("#:schema")?.trim();
    let dir = path.strip_suffix("course.schema.json")?;
    (!dir.contains(char::is_whitespace)).then(|| dir.to_owned())
}

/// The code of the next module of the list it goes into: "M" (or the area's code) and its number.
fn default_code(course_toml: &str, area: Option<&str>) -> Result<String, Problem> {
    match (lists(course_toml)?, area) {
        (Lists::Flat(count), _) => Ok(format!("M{}", count + 1)),
        (Lists::Areas(areas), Some(code)) => {
            let count = areas
                .iter()
                .find(|(area, _)| area.as_deref() == Some(code))
                .map_or(0, |(_, count)| *count);
            Ok(format!("{code}{}", count + 1))
        }
        // `append_module` says which areas there are.
        (Lists::Areas(areas), None) => Ok(format!(
            "M{}",
            areas.iter().map(|(_, count)| count).sum::<usize>() + 1
        )),
    }
}

/// A title or code as given, trimmed: `None` when not given; blank or over several lines refused.
fn one_line<'a>(
    given: Option<&'a str>,
    what: &'static str,
    blank: Problem,
) -> Result<Option<&'a str>, Problem> {
    let Some(text) = given else {
        return Ok(None);
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(blank);
    }
    if text.chars().any(char::is_control) {
        return Err(Problem::NotOneLine { what });
    }
    Ok(Some(text))
}

/// The new files must pass `kurs check --deny-warnings`; the first thing it would say is the
/// problem (Markdown in a title, an invisible character, …).
fn would_pass(files: &Memory, path: &Path) -> Result<(), Problem> {
    let targets =
        crate::course::discover(files, path).map_err(|diagnostic| Problem::WouldNotPass {
            message: diagnostic.message,
        })?;
    let (_, report) = crate::course::load_targets(files, &targets, crate::course::Depth::Check);
    match report.diagnostics.into_iter().next() {
        Some(diagnostic) => Err(Problem::WouldNotPass {
            message: diagnostic.message,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_course_in_english_passes_the_check_and_is_named_after_its_folder() {
        let course = new_course(
            "office-basics",
            Some("Office basics"),
            Lang::En,
            "../../schema/",
        )
        .unwrap();
        assert!(
            course
                .course_toml
                .starts_with("#:schema ../../schema/course.schema.json\n")
        );
        assert!(course.course_toml.contains("id = \"office-basics\""));
        assert!(course.course_toml.contains("title = \"Office basics\""));
        assert_eq!(course.module_file, "m1-first-steps.toml");
        assert!(
            course
                .module_toml
                .starts_with("#:schema ../../schema/module.schema.json\n")
        );
    }

    #[test]
    fn a_new_course_in_german_has_german_comments_and_text() {
        let course = new_course("Büro", None, Lang::De, "../../schema/").unwrap();
        assert!(course.course_toml.contains("id = \"buero\""));
        assert!(
            course
                .course_toml
                .contains("# Der Titel in der Kursübersicht")
        );
        assert!(course.course_toml.contains("language = \"de\""));
        assert_eq!(course.module_file, "m1-erste-schritte.toml");
        assert!(course.module_toml.contains("Das lernst du hier"));
    }

    #[test]
    fn a_title_with_quotes_and_backslashes_is_written_as_valid_toml() {
        let course = new_course(
            "x",
            Some(r#"Say "hi" \ C:\Temp"#),
            Lang::En,
            "../../schema/",
        )
        .unwrap();
        let table: toml::Table = toml::from_str(&course.course_toml).unwrap();
        assert_eq!(table["title"].as_str(), Some(r#"Say "hi" \ C:\Temp"#));
    }

    #[test]
    fn a_title_with_markdown_is_refused_with_what_kurs_check_would_say() {
        let problem = new_course("x", Some("A **bold** title"), Lang::En, "s/").unwrap_err();
        assert!(
            matches!(problem, Problem::WouldNotPass { .. }),
            "{problem:?}"
        );
    }

    #[test]
    fn a_blank_or_broken_title_is_refused() {
        assert_eq!(
            new_course("x", Some("  "), Lang::En, "s/").unwrap_err(),
            Problem::TitleBlank
        );
        assert_eq!(
            new_course("x", Some("one\ntwo"), Lang::En, "s/").unwrap_err(),
            Problem::NotOneLine { what: "title" }
        );
    }

    #[test]
    fn a_new_module_takes_the_next_number_and_joins_the_list() {
        let course =
            "#:schema ../../schema/course.schema.json\nid = \"x\"\nmodules = [\"m1-a.toml\"]\n";
        let module = new_module(
            course,
            &["m1-a".into()],
            Lang::En,
            "../../schema/",
            ModuleWish {
                title: Some("Printing"),
                ..ModuleWish::default()
            },
        )
        .unwrap();
        assert_eq!(module.file, "m2-printing.toml");
        assert_eq!(module.id, "m2-printing");
        assert!(module.module_toml.contains("code = \"M2\""));
        assert!(
            module
                .course_toml
                .contains("[\"m1-a.toml\", \"m2-printing.toml\"]")
        );
    }

    #[test]
    fn a_new_module_in_an_area_takes_the_areas_code_and_number() {
        let course =
            "[[area]]\ncode = \"C\"\ntitle = \"K\"\nmodules = [\"c1.toml\", \"c2.toml\"]\n";
        let module = new_module(
            course,
            &[],
            Lang::De,
            "s/",
            ModuleWish {
                title: Some("Chat & Co."),
                area: Some("C"),
                ..ModuleWish::default()
            },
        )
        .unwrap();
        assert_eq!(module.file, "c3-chat-co.toml");
    }

    #[test]
    fn a_module_id_already_in_the_course_is_refused() {
        let course = "modules = [\"a.toml\"]\n";
        let problem = new_module(
            course,
            &["m2-a".into()],
            Lang::En,
            "s/",
            ModuleWish {
                title: Some("A"),
                ..ModuleWish::default()
            },
        )
        .unwrap_err();
        assert_eq!(problem, Problem::IdTaken { id: "m2-a".into() });
    }

    #[test]
    fn the_schema_folder_is_read_from_the_first_line_of_course_toml() {
        assert_eq!(
            schema_dir_of("#:schema ../../schema/course.schema.json\nid = \"x\"").as_deref(),
            Some("../../schema/")
        );
        assert_eq!(schema_dir_of("id = \"x\""), None);
    }
}
