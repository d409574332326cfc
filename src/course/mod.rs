//! Courses: the file format, loading files into the model with every problem reported,
//! and the JSON Schemas for editors.

pub mod files;
pub mod format;
mod load;
pub mod model;
pub mod schema;

pub use files::{Disk, Embedded, Files, SAMPLE_LIBRARY};
pub use load::{
    Depth, Source, Target, discover, load, load_body, load_each, load_module, load_targets,
};
pub use model::*;
