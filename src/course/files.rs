//! Where course files come from: the disk, or the sample library compiled into the binary.
//! Reading is bounded and confined: a file is read only when it lies inside the folder it belongs
//! to once symbolic links are followed, is a regular file (no device, pipe or socket, which
//! could block or never end) and is within the size limit, checked before reading and again
//! while reading (files such as those in `/proc` claim to be empty).

use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

/// Course files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The sample courses, so `kurs` works from any folder with no files around it.
pub static SAMPLE_LIBRARY: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/courses");

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    /// The file resolves (through a symbolic link) to a place outside the folder it belongs to.
    Outside,
    /// A folder, device, pipe, socket: anything but a regular file.
    NotAFile,
    TooLarge(u64),
    Io(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
}

pub trait Files: Sync {
    /// The bytes of the file at `path`, which must lie inside the folder `root` once symbolic
    /// links are followed (an empty `root` is the current folder).
    fn read(&self, root: &Path, path: &Path) -> Result<Vec<u8>, ReadError>;
    fn kind(&self, path: &Path) -> Option<Kind>;
    /// Entries of a folder, sorted by name.
    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, String>;
    /// Whether an existing `path` really lies inside `dir` once symlinks are followed.
    fn stays_inside(&self, dir: &Path, path: &Path) -> bool;
}

pub struct Disk;

impl Files for Disk {
    fn read(&self, root: &Path, path: &Path) -> Result<Vec<u8>, ReadError> {
        let real = std::fs::canonicalize(path).map_err(io_error)?;
        let real_root = std::fs::canonicalize(current_if_empty(root)).map_err(io_error)?;
        if !real.starts_with(&real_root) {
            return Err(ReadError::Outside);
        }
        // Not even opened unless a regular file: opening some devices has effects of its own.
        if !std::fs::metadata(&real).map_err(io_error)?.is_file() {
            return Err(ReadError::NotAFile);
        }
        // The resolved path is opened, so no link is followed now that was not checked above.
        let file = open_for_reading(&real)?;
        // The metadata of the opened file, not of the path: what is read is what was checked.
        let meta = file.metadata().map_err(io_error)?;
        if !meta.is_file() {
            return Err(ReadError::NotAFile);
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(meta.len()));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        // The file may have grown since, or claim a size of 0 as files in `/proc` do.
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(bytes.len() as u64));
        }
        Ok(bytes)
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        let meta = std::fs::metadata(path).ok()?;
        if meta.is_dir() {
            Some(Kind::Dir)
        } else {
            Some(Kind::File)
        }
    }

    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, String> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(current_if_empty(dir))
            .map_err(|e| e.to_string())?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        Ok(entries)
    }

    fn stays_inside(&self, dir: &Path, path: &Path) -> bool {
        match (
            std::fs::canonicalize(current_if_empty(dir)),
            std::fs::canonicalize(path),
        ) {
            (Ok(dir), Ok(path)) => path.starts_with(dir),
            _ => false,
        }
    }
}

/// The folder a relative path starts from: an empty one (`course.toml` given alone) is `.`.
fn current_if_empty(dir: &Path) -> &Path {
    if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }
}

/// Opens a file without blocking on a pipe (opening one waits for a writer) and without
/// following a link put in place after the path was resolved; read only, never as a terminal.
#[cfg(unix)]
fn open_for_reading(path: &Path) -> Result<std::fs::File, ReadError> {
    use rustix::fs::{Mode, OFlags};
    let flags =
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOFOLLOW | OFlags::NOCTTY | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::empty())
        .map_err(|e| io_error(std::io::Error::from(e)))?;
    Ok(std::fs::File::from(fd))
}

#[cfg(not(unix))]
fn open_for_reading(path: &Path) -> Result<std::fs::File, ReadError> {
    std::fs::File::open(path).map_err(io_error)
}

fn io_error(error: std::io::Error) -> ReadError {
    match error.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(error.to_string()),
    }
}

/// The compiled-in sample library; its paths are relative to the `courses/` folder.
pub struct Embedded(pub &'static Dir<'static>);

impl Files for Embedded {
    fn read(&self, root: &Path, path: &Path) -> Result<Vec<u8>, ReadError> {
        if !path.starts_with(root) {
            return Err(ReadError::Outside);
        }
        match self.0.get_file(path) {
            Some(file) if file.contents().len() as u64 > MAX_FILE_BYTES => {
                Err(ReadError::TooLarge(file.contents().len() as u64))
            }
            Some(file) => Ok(file.contents().to_vec()),
            None if self.0.get_dir(path).is_some() => Err(ReadError::NotAFile),
            None => Err(ReadError::NotFound),
        }
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        if path.as_os_str().is_empty() || self.0.get_dir(path).is_some() {
            Some(Kind::Dir)
        } else if self.0.get_file(path).is_some() {
            Some(Kind::File)
        } else {
            None
        }
    }

    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, String> {
        let dir = if dir.as_os_str().is_empty() {
            Some(self.0)
        } else {
            self.0.get_dir(dir)
        };
        let mut entries: Vec<PathBuf> = dir
            .ok_or_else(|| "not a folder".to_string())?
            .entries()
            .iter()
            .map(|e| e.path().to_path_buf())
            .collect();
        entries.sort();
        Ok(entries)
    }

    fn stays_inside(&self, dir: &Path, path: &Path) -> bool {
        path.starts_with(dir)
    }
}

/// Files held in memory: for tests, fuzzing and benchmarks that must not touch the disk.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    pub files: std::collections::BTreeMap<PathBuf, Vec<u8>>,
}

impl Memory {
    pub fn insert(&mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }
}

impl Files for Memory {
    fn read(&self, root: &Path, path: &Path) -> Result<Vec<u8>, ReadError> {
        if !path.starts_with(root) {
            return Err(ReadError::Outside);
        }
        match self.files.get(path) {
            Some(bytes) if bytes.len() as u64 > MAX_FILE_BYTES => {
                Err(ReadError::TooLarge(bytes.len() as u64))
            }
            Some(bytes) => Ok(bytes.clone()),
            None if self.kind(path) == Some(Kind::Dir) => Err(ReadError::NotAFile),
            None => Err(ReadError::NotFound),
        }
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        if self.files.contains_key(path) {
            Some(Kind::File)
        } else if path.as_os_str().is_empty() || self.files.keys().any(|f| f.starts_with(path)) {
            Some(Kind::Dir)
        } else {
            None
        }
    }

    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, String> {
        let mut entries: Vec<PathBuf> = self
            .files
            .keys()
            .filter_map(|f| {
                let rest = f.strip_prefix(dir).ok()?;
                let first = rest.components().next()?;
                Some(dir.join(first))
            })
            .collect();
        entries.sort();
        entries.dedup();
        Ok(entries)
    }

    fn stays_inside(&self, dir: &Path, path: &Path) -> bool {
        path.starts_with(dir)
    }
}
