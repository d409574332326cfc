//! Where course files come from: the disk, or the sample library compiled into the binary.
//! Reading is bounded and confined: a file is read only when it lies inside the folder it belongs
//! to once symbolic links are followed, is a regular file (no device, pipe or socket, which
//! could block or never end) and is within the size limit, checked before reading and again
//! while reading (files such as those in `/proc` claim to be empty). A course folder is resolved
//! once ([`Files::folder`]) and every module file of it is checked against that, and a file can be
//! read only up to a limit ([`Files::read_in`]): the player's start needs only each module's start.

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

/// A folder files are read from, its real place (symbolic links followed) resolved once, so
/// that the many module files of a course are not each checked by resolving the folder again.
pub struct Folder {
    /// The folder as it was given.
    given: PathBuf,
    /// Where it really is; why not, when it cannot be resolved (each read then says so).
    real: Result<PathBuf, ReadError>,
    /// The folder held open (on disk, on Unix), so that a file lying directly in it is opened
    /// relative to it without following a link: such a file is inside by construction.
    #[cfg(unix)]
    handle: Option<std::os::fd::OwnedFd>,
}

impl Folder {
    /// A folder whose files are checked by their paths alone (files in memory, the samples).
    pub fn by_path(dir: &Path) -> Folder {
        Folder {
            given: dir.to_path_buf(),
            real: Ok(dir.to_path_buf()),
            #[cfg(unix)]
            handle: None,
        }
    }

    /// The folder as it was given.
    pub fn path(&self) -> &Path {
        &self.given
    }
}

/// The start of a file, or all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    pub bytes: Vec<u8>,
    /// `bytes` is the whole file.
    pub whole: bool,
}

impl Start {
    /// The first `limit` bytes of `bytes` (all of them without a limit).
    fn of(bytes: &[u8], limit: Option<usize>) -> Start {
        let end = limit.map_or(bytes.len(), |limit| limit.min(bytes.len()));
        Start {
            bytes: bytes[..end].to_vec(),
            whole: end == bytes.len(),
        }
    }
}

pub trait Files: Sync {
    /// The bytes of the file at `path`, which must lie inside the folder `root` once symbolic
    /// links are followed (an empty `root` is the current folder).
    fn read(&self, root: &Path, path: &Path) -> Result<Vec<u8>, ReadError> {
        self.read_in(&self.folder(root), path, None)
            .map(|start| start.bytes)
    }
    /// The folder `dir`, resolved once for the reads and checks of the files in it.
    fn folder(&self, dir: &Path) -> Folder {
        Folder::by_path(dir)
    }
    /// At most `limit` bytes from the start of the file at `path` (all of it for `None`), under
    /// the rules of [`Files::read`]: inside `folder`, a regular file, within the size limit.
    fn read_in(
        &self,
        folder: &Folder,
        path: &Path,
        limit: Option<usize>,
    ) -> Result<Start, ReadError>;
    /// Whether an existing `path` lies inside `folder` once symbolic links are followed.
    fn inside(&self, folder: &Folder, path: &Path) -> bool {
        self.stays_inside(folder.path(), path)
    }
    fn kind(&self, path: &Path) -> Option<Kind>;
    /// Entries of a folder, sorted by name.
    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, String>;
    /// Whether an existing `path` really lies inside `dir` once symlinks are followed.
    fn stays_inside(&self, dir: &Path, path: &Path) -> bool;
}

pub struct Disk;

impl Files for Disk {
    fn folder(&self, dir: &Path) -> Folder {
        let real = std::fs::canonicalize(current_if_empty(dir)).map_err(io_error);
        Folder {
            given: dir.to_path_buf(),
            #[cfg(unix)]
            handle: real.as_ref().ok().and_then(|real| open_folder(real)),
            real,
        }
    }

    fn read_in(
        &self,
        folder: &Folder,
        path: &Path,
        limit: Option<usize>,
    ) -> Result<Start, ReadError> {
        // A file directly in the folder is opened relative to the folder held open, refusing a
        // link: no path is resolved at all. A link, or a file deeper down, takes the long way.
        #[cfg(unix)]
        if let Some(file) = open_directly_in(folder, path) {
            return read_opened(file, limit);
        }
        let real_root = folder.real.clone()?;
        let real = std::fs::canonicalize(path).map_err(io_error)?;
        if !real.starts_with(&real_root) {
            return Err(ReadError::Outside);
        }
        // Not even opened unless a regular file: opening some devices has effects of its own.
        if !std::fs::metadata(&real).map_err(io_error)?.is_file() {
            return Err(ReadError::NotAFile);
        }
        // The resolved path is opened, so no link is followed now that was not checked above.
        read_opened(open_for_reading(&real)?, limit)
    }

    fn inside(&self, folder: &Folder, path: &Path) -> bool {
        // An entry directly in the folder that is no link lies in it; nothing to resolve.
        let directly = path.parent() == Some(folder.path())
            && std::fs::symlink_metadata(path).is_ok_and(|meta| !meta.file_type().is_symlink());
        directly
            || match (&folder.real, std::fs::canonicalize(path)) {
                (Ok(dir), Ok(path)) => path.starts_with(dir),
                _ => false,
            }
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

/// Reads an opened file: only a regular file within the size limit, at most `limit` bytes.
fn read_opened(mut file: std::fs::File, limit: Option<usize>) -> Result<Start, ReadError> {
    // The metadata of the opened file, not of the path: what is read is what was checked.
    let meta = file.metadata().map_err(io_error)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let wanted = limit.map_or(MAX_FILE_BYTES + 1, |limit| {
        (limit as u64).min(MAX_FILE_BYTES + 1)
    });
    let mut bytes = Vec::with_capacity(meta.len().min(wanted) as usize);
    // The file may have grown since, or claim a size of 0 as files in `/proc` do.
    (&mut file)
        .take(wanted)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    let whole = match limit {
        Some(limit) if bytes.len() >= limit => {
            // Exactly `limit` bytes: the file may end there or go on; one byte more tells.
            let mut one = [0u8; 1];
            matches!(file.read(&mut one), Ok(0))
        }
        _ => true,
    };
    Ok(Start { bytes, whole })
}

/// The folder held open for [`open_directly_in`]; `None` where that is not possible.
#[cfg(unix)]
fn open_folder(real: &Path) -> Option<std::os::fd::OwnedFd> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    rustix::fs::open(real, flags, Mode::empty()).ok()
}

/// The file `path` opened relative to the folder held open, when it lies directly in it and is
/// no symbolic link (the link is refused, not followed); `None`: take the long way.
#[cfg(unix)]
fn open_directly_in(folder: &Folder, path: &Path) -> Option<std::fs::File> {
    use rustix::fs::{Mode, OFlags};
    let handle = folder.handle.as_ref()?;
    if path.parent() != Some(folder.path()) {
        return None;
    }
    let name = path.file_name()?;
    // Not even opened unless a regular file (as on the long way): opening some devices has
    // effects of its own. A link, a folder or a device is left to the long way to report.
    let stat = rustix::fs::statat(handle, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW).ok()?;
    if rustix::fs::FileType::from_raw_mode(stat.st_mode) != rustix::fs::FileType::RegularFile {
        return None;
    }
    let flags =
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOFOLLOW | OFlags::NOCTTY | OFlags::CLOEXEC;
    let fd = rustix::fs::openat(handle, name, flags, Mode::empty()).ok()?;
    Some(std::fs::File::from(fd))
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

/// A file held in memory (`bytes`, `None` when there is none; `is_dir` says whether a folder
/// stands there), read under the disk's rules: inside `folder`, at most `MAX_FILE_BYTES`.
fn read_held(
    folder: &Folder,
    path: &Path,
    bytes: Option<&[u8]>,
    is_dir: impl FnOnce() -> bool,
    limit: Option<usize>,
) -> Result<Start, ReadError> {
    if !path.starts_with(folder.path()) {
        return Err(ReadError::Outside);
    }
    match bytes {
        Some(bytes) if bytes.len() as u64 > MAX_FILE_BYTES => {
            Err(ReadError::TooLarge(bytes.len() as u64))
        }
        Some(bytes) => Ok(Start::of(bytes, limit)),
        None if is_dir() => Err(ReadError::NotAFile),
        None => Err(ReadError::NotFound),
    }
}

/// The compiled-in sample library; its paths are relative to the `courses/` folder.
pub struct Embedded(pub &'static Dir<'static>);

impl Files for Embedded {
    fn read_in(
        &self,
        folder: &Folder,
        path: &Path,
        limit: Option<usize>,
    ) -> Result<Start, ReadError> {
        let bytes = self.0.get_file(path).map(|file| file.contents());
        read_held(
            folder,
            path,
            bytes,
            || self.0.get_dir(path).is_some(),
            limit,
        )
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
    fn read_in(
        &self,
        folder: &Folder,
        path: &Path,
        limit: Option<usize>,
    ) -> Result<Start, ReadError> {
        let bytes = self.files.get(path).map(Vec::as_slice);
        read_held(
            folder,
            path,
            bytes,
            || self.kind(path) == Some(Kind::Dir),
            limit,
        )
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
