//! Reading one course file as text: within the size limit, regular files only, UTF-8.
//! Every reason a file cannot be read becomes a diagnostic on that file.

use std::path::Path;

use crate::course::files::{Files, MAX_FILE_BYTES, ReadError};
use crate::diagnostic::{Code, Diagnostic, Report};

/// Reads a file as UTF-8 text within the size limit, or reports why not.
pub(super) fn read_source(files: &dyn Files, path: &Path, report: &mut Report) -> Option<String> {
    let bytes = match files.read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            report.diagnostics.push(unreadable(path, error));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            report.diagnostics.push(
                Diagnostic::at(
                    Code::NotUtf8,
                    path,
                    &prefix,
                    valid..valid,
                    format!("the file is not UTF-8 text (invalid byte at offset {valid})"),
                )
                .with_help("save the file as UTF-8 in your editor"),
            );
            None
        }
    }
}

/// Why the file at `path` could not be read, as the trainer should hear it.
fn unreadable(path: &Path, error: ReadError) -> Diagnostic {
    match error {
        ReadError::TooLarge(size) => Diagnostic::file(
            Code::FileTooLarge,
            path,
            format!(
                "the file is {} bytes; course files may hold at most {} bytes (4 MiB)",
                size, MAX_FILE_BYTES
            ),
        )
        .with_help("split the module into several module files"),
        ReadError::NotFound => Diagnostic::file(Code::Unreadable, path, "the file does not exist"),
        ReadError::NotAFile => {
            Diagnostic::file(Code::Unreadable, path, "this is not a regular file")
        }
        ReadError::Io(e) => {
            Diagnostic::file(Code::Unreadable, path, format!("cannot read the file: {e}"))
        }
    }
}
