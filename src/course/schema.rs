//! JSON Schemas (draft-07) for course and module files, generated from the format types,
//! so editors (taplo, Even Better TOML) validate while the trainer types.

use schemars::generate::SchemaSettings;

use super::format::{CourseFile, ModuleFile};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    Course,
    Module,
}

/// The schema as pretty JSON with a trailing newline, exactly as committed under `schema/`.
pub fn schema_json(kind: SchemaKind) -> String {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = match kind {
        SchemaKind::Course => generator.into_root_schema_for::<CourseFile>(),
        SchemaKind::Module => generator.into_root_schema_for::<ModuleFile>(),
    };
    // A schema of plain structs always serialises.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// File name under `schema/`.
pub fn file_name(kind: SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Course => "course.schema.json",
        SchemaKind::Module => "module.schema.json",
    }
}
