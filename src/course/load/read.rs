//! Reading one course file as text: inside the folder it belongs to once symbolic links are
//! followed, a regular file, within the size limit, UTF-8. Every reason a file cannot be read
//! becomes a diagnostic on that file. The start of a file can be read alone
//! ([`read_text_start`]), for the player, which shows only what a module file begins with.

use std::path::Path;

use crate::course::files::{Files, Folder, MAX_FILE_BYTES, ReadError};
use crate::diagnostic::{Code, Diagnostic, Report};

/// Reads the file at `path`, which must lie inside `folder`, as UTF-8 text within the size
/// limit, or reports why not.
pub(super) fn read_source(
    files: &dyn Files,
    folder: &Folder,
    path: &Path,
    report: &mut Report,
) -> Option<String> {
    let bytes = match files.read_in(folder, path, None) {
        Ok(start) => start.bytes,
        Err(error) => {
            report.push(unreadable(folder.path(), path, error));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            report.push(
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

/// The start of a text file: what [`read_text_start`] found.
pub(super) enum TextStart {
    /// The first bytes of a longer file, not checked for UTF-8 yet: the caller checks only the
    /// part it uses (see [`text_of`]).
    Part(Vec<u8>),
    /// The whole file, as [`read_source`] reads it.
    Whole(String),
    /// Only the whole file can say what is wrong with it (a byte that is not UTF-8 in it):
    /// read it with [`read_source`], which reports it.
    ReadWhole,
}

/// At most `limit` bytes of the file at `path`; `None` when it cannot be read at all
/// (reported, as [`read_source`] reports it).
pub(super) fn read_text_start(
    files: &dyn Files,
    folder: &Folder,
    path: &Path,
    limit: usize,
    report: &mut Report,
) -> Option<TextStart> {
    let start = match files.read_in(folder, path, Some(limit)) {
        Ok(start) => start,
        Err(error) => {
            report.push(unreadable(folder.path(), path, error));
            return None;
        }
    };
    if !start.whole {
        return Some(TextStart::Part(start.bytes));
    }
    Some(match String::from_utf8(start.bytes) {
        Ok(text) => TextStart::Whole(text),
        Err(_) => TextStart::ReadWhole,
    })
}

/// The bytes of a part as text, when they are UTF-8 (the caller cuts a part on an ASCII byte,
/// so no character is cut by it).
pub(super) fn text_of(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}

/// Why the file at `path` (inside `root`) could not be read, as the trainer should hear it.
fn unreadable(root: &Path, path: &Path, error: ReadError) -> Diagnostic {
    match error {
        ReadError::Outside => Diagnostic::file(
            Code::LinkOutside,
            path,
            format!(
                "this file is a symbolic link that leads outside the folder `{}`, so kurs does not read it",
                shown_folder(root)
            ),
        )
        .with_help("replace the link by the file itself, or give the folder the link leads to"),
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
        ReadError::NotAFile => Diagnostic::file(
            Code::NotRegularFile,
            path,
            "this is a device, pipe or other special file, not a regular file, so kurs does not read it",
        )
        .with_help("put the course text in an ordinary file"),
        ReadError::Io(e) => {
            Diagnostic::file(Code::Unreadable, path, format!("cannot read the file: {e}"))
        }
    }
}

/// A folder as the trainer gave it; the current folder for an empty path.
fn shown_folder(root: &Path) -> String {
    if root.as_os_str().is_empty() {
        ".".to_string()
    } else {
        root.display().to_string()
    }
}
