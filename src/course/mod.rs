//! Courses: the file format, loading files into the model with every problem reported,
//! and the JSON Schemas for editors.

pub mod files;
pub mod format;
pub mod load;
pub mod model;
pub mod schema;

use std::path::Path;

pub use files::{Disk, Embedded, Files, SAMPLE_LIBRARY};
pub use load::{Target, discover, load};
pub use model::*;

use crate::diagnostic::Report;

/// Loads whatever `path` is (library, course or module file) from disk.
pub fn load_path(path: &Path) -> (Library, Report) {
    load_from(&Disk, path)
}

/// The sample library compiled into the binary.
pub fn load_samples() -> (Library, Report) {
    load_from(&Embedded(&SAMPLE_LIBRARY), Path::new(""))
}

fn load_from(files: &dyn Files, path: &Path) -> (Library, Report) {
    match discover(files, path) {
        Ok(targets) => load(files, &targets),
        Err(diagnostic) => (
            Library::default(),
            Report {
                files: 0,
                diagnostics: vec![*diagnostic],
            },
        ),
    }
}
