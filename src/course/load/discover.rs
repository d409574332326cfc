//! Finding what to load in a path: a library folder, a course folder, a `course.toml` or a module file.
//! A path that holds no course is a usage problem, told before anything is loaded.

use std::path::{Path, PathBuf};

use crate::course::files::{Files, Kind};
use crate::diagnostic::{Code, Diagnostic};

/// What a path given on the command line stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Course(PathBuf),
    Module(PathBuf),
    /// A course folder in a library that is a symbolic link leading outside the library
    /// folder (first path, the course folder; second, the library): reported, never read.
    Outside(PathBuf, PathBuf),
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
            let courses: Vec<Target> = library_targets(files, path)
                .map_err(|e| {
                    Box::new(Diagnostic::file(
                        Code::Unreadable,
                        path,
                        format!("cannot read the folder `{}`: {e}", path.display()),
                    ))
                })?
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

/// The course folders of the library folder `path`, in the order `discover` gives them, each
/// looked at only when the iterator comes to it (the player needs the first few before its
/// first screen). Err: why the folder cannot be listed.
pub fn library_targets<'a>(
    files: &'a dyn Files,
    path: &'a Path,
) -> Result<impl Iterator<Item = Target> + 'a, String> {
    Ok(files
        .list(path)?
        .into_iter()
        .filter(|p| files.kind(&p.join("course.toml")) == Some(Kind::File))
        .map(|p| {
            if files.stays_inside(path, &p) {
                Target::Course(p)
            } else {
                Target::Outside(p, path.to_path_buf())
            }
        }))
}

/// The folder holding `path`; for a bare `course.toml`, the current folder (an empty path).
fn parent_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}
