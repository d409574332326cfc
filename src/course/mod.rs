//! Courses: the file format, loading files into the model with every problem reported,
//! the JSON Schemas for editors, and finding a word in a library (`search`).

pub mod files;
pub mod format;
mod load;
pub mod model;
pub mod schema;
pub mod search;

pub use files::{Disk, Embedded, Files, SAMPLE_LIBRARY};
pub use load::{
    Depth, Source, Target, discover, library_targets, load, load_bodies, load_body, load_each,
    load_module, load_streaming, load_targets,
};
pub use model::*;
