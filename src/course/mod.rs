//! Courses: the file format, loading files into the model with every problem reported,
//! and the JSON Schemas for editors.

pub mod files;
pub mod format;
pub mod load;
pub mod model;
pub mod schema;

use std::path::Path;

pub use files::{Disk, Embedded, Files, SAMPLE_LIBRARY};
pub use load::{Depth, Target, discover, load, load_body};
pub use model::*;

use crate::diagnostic::Report;

/// Loads whatever `path` is (library, course or module file) from disk, every module in full.
pub fn load_path(path: &Path) -> (Library, Report) {
    load_from(&Disk, path, Depth::Full)
}

/// The sample library compiled into the binary, every module in full.
pub fn load_samples() -> (Library, Report) {
    load_samples_to(Depth::Full)
}

/// Loads from disk as deep as asked; the player reads only the modules' starts.
pub fn load_path_to(path: &Path, depth: Depth) -> (Library, Report) {
    load_from(&Disk, path, depth)
}

/// The sample library, as deep as asked.
pub fn load_samples_to(depth: Depth) -> (Library, Report) {
    let (mut library, report) = load_from(&Embedded(&SAMPLE_LIBRARY), Path::new(""), depth);
    library.origin = Origin::Samples;
    (library, report)
}

/// Reads the body of module `module` of course `course` if it is not read yet.
/// Err: the problems that keep it from being shown (errors only).
pub fn load_module(
    library: &mut Library,
    course: usize,
    module: usize,
) -> Result<(), Vec<crate::diagnostic::Diagnostic>> {
    let origin = library.origin;
    let Some(course) = library.courses.get_mut(course) else {
        return Ok(());
    };
    let pass_percent = course.pass_percent;
    let Some(module) = course.modules.get_mut(module) else {
        return Ok(());
    };
    match origin {
        Origin::Disk => load_body(&Disk, module, pass_percent),
        Origin::Samples => load_body(&Embedded(&SAMPLE_LIBRARY), module, pass_percent),
    }
}

fn load_from(files: &dyn Files, path: &Path, depth: Depth) -> (Library, Report) {
    match discover(files, path) {
        Ok(targets) => load(files, &targets, depth),
        Err(diagnostic) => (
            Library::default(),
            Report {
                files: 0,
                diagnostics: vec![*diagnostic],
            },
        ),
    }
}
