//! Where course files come from: the disk, or the sample library compiled into the binary.
//! Reading is bounded: no file over the size limit is read whole, and only regular files are read.

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
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError>;
    fn kind(&self, path: &Path) -> Option<Kind>;
    /// Entries of a folder, sorted by name.
    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, String>;
    /// Whether an existing `path` really lies inside `dir` once symlinks are followed.
    fn stays_inside(&self, dir: &Path, path: &Path) -> bool;
}

pub struct Disk;

impl Files for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let meta = std::fs::metadata(path).map_err(io_error)?;
        // FIFOs and devices could block or never end.
        if !meta.is_file() {
            return Err(ReadError::NotAFile);
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(meta.len()));
        }
        let file = std::fs::File::open(path).map_err(io_error)?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        // The file may have grown since the metadata was read.
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
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| e.to_string())?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        Ok(entries)
    }

    fn stays_inside(&self, dir: &Path, path: &Path) -> bool {
        match (std::fs::canonicalize(dir), std::fs::canonicalize(path)) {
            (Ok(dir), Ok(path)) => path.starts_with(dir),
            _ => false,
        }
    }
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
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
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
    fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
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
