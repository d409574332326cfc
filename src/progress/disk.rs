//! The bytes of a progress file on disk: reading with a size bound, parsing, the lock file,
//! writing atomically (temp file, fsync, rename), keeping a damaged file aside, stale temp files.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::model::{Progress, SCHEMA_VERSION};

/// Files larger than this are not progress files kurs wrote; reading them whole could exhaust memory.
const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// What was found at the path.
pub(super) enum OnDisk {
    /// Nothing there yet: nothing to lose.
    Missing,
    /// Exactly the bytes this file last read or wrote.
    Unchanged,
    Good(Progress, [u8; 32]),
    Newer(u32),
    Damaged(String),
    Unreadable(String),
}

pub(super) fn hash_of(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

pub(super) fn real_path(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink());
    if !is_link {
        return path.to_path_buf();
    }
    if let Ok(target) = fs::canonicalize(path) {
        return target;
    }
    // A link to a file not yet created: follow it one step.
    match fs::read_link(path) {
        Ok(target) => folder_of(path).join(target),
        Err(_) => path.to_path_buf(),
    }
}

/// The folder holding `path`; "." for a bare file name.
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `path` with `suffix` added to its file name, e.g. `progress.toml.lock`.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

pub(super) fn lock_path(file: &Path) -> PathBuf {
    with_suffix(file, ".lock")
}

/// Takes the exclusive lock that makes read-modify-write safe between kurs instances; released on drop.
///
/// The lock lives in its own file because the progress file itself is replaced by each save.
pub(super) fn hold_lock(file: &Path) -> io::Result<File> {
    fs::create_dir_all(folder_of(file))?;
    let lock = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock_path(file))?;
    match lock.lock() {
        Ok(()) => Ok(lock),
        // Some file systems cannot lock at all; saving unlocked beats not saving.
        Err(error) if error.kind() == io::ErrorKind::Unsupported => Ok(lock),
        Err(error) => Err(error),
    }
}

pub(super) fn read_file(file: &Path) -> OnDisk {
    match file_bytes(file) {
        Ok(bytes) => parse(&bytes),
        Err(on_disk) => on_disk,
    }
}

/// The bytes of the file, or what stands in the way of reading them.
pub(super) fn file_bytes(file: &Path) -> Result<Vec<u8>, OnDisk> {
    let meta = match fs::metadata(file) {
        Ok(meta) => meta,
        // A file where a folder should be also means nothing is stored here; saving will report it.
        Err(error)
            if matches!(
                error.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Err(OnDisk::Missing);
        }
        Err(error) => return Err(OnDisk::Unreadable(error.to_string())),
    };
    if meta.is_dir() {
        return Err(OnDisk::Unreadable(
            "a folder is where the progress file should be".to_owned(),
        ));
    }
    if !meta.is_file() {
        // A pipe or device: opening it could block forever, and it is not ours to move.
        return Err(OnDisk::Unreadable("not a regular file".to_owned()));
    }
    let opened = match File::open(file) {
        Ok(opened) => opened,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(OnDisk::Missing),
        Err(error) => return Err(OnDisk::Unreadable(error.to_string())),
    };
    let mut bytes = Vec::new();
    // Reading one byte past the limit tells a too-large file apart even if it grows while we read.
    if let Err(error) = opened.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes) {
        return Err(OnDisk::Unreadable(error.to_string()));
    }
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(OnDisk::Damaged("larger than 16 MiB".to_owned()));
    }
    Ok(bytes)
}

/// What the store makes of the bytes of a progress file: the progress it uses, or in words why it
/// does not (damaged, or written by a newer kurs). For fuzzing and tests; kurs reads with `open`.
#[doc(hidden)]
pub fn read_bytes(bytes: &[u8]) -> Result<Progress, String> {
    match parse(bytes) {
        OnDisk::Good(progress, _) => Ok(progress),
        OnDisk::Newer(version) => Err(format!("written by a newer kurs (format {version})")),
        OnDisk::Damaged(reason) | OnDisk::Unreadable(reason) => Err(reason),
        OnDisk::Missing | OnDisk::Unchanged => Err("missing".to_owned()),
    }
}

/// The text the store writes for `progress`.
#[doc(hidden)]
pub fn file_text(progress: &Progress) -> io::Result<String> {
    toml::to_string_pretty(progress).map_err(io::Error::other)
}

/// Decides what the bytes of a progress file are.
pub(super) fn parse(bytes: &[u8]) -> OnDisk {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return OnDisk::Damaged("not UTF-8 text".to_owned());
    };
    if text.trim().is_empty() {
        // kurs never writes an empty file; it is most likely a write cut short by another tool.
        return OnDisk::Damaged("empty".to_owned());
    }
    // The version is looked at before the layout, so that a newer file is recognised as newer
    // even when the rest no longer matches our types.
    let table = match text.parse::<toml::Table>() {
        Ok(table) => table,
        Err(error) => return OnDisk::Damaged(format!("not TOML: {}", error.message())),
    };
    let version = match table.get("schema_version") {
        Some(toml::Value::Integer(version)) if *version > 0 => *version,
        Some(_) => {
            return OnDisk::Damaged("schema_version is not a positive whole number".to_owned());
        }
        None => return OnDisk::Damaged("schema_version is missing".to_owned()),
    };
    if version > i64::from(SCHEMA_VERSION) {
        return OnDisk::Newer(u32::try_from(version).unwrap_or(u32::MAX));
    }
    // From the table already parsed: parsing the text a second time doubled the cost.
    match table.try_into::<Progress>() {
        Ok(progress) => OnDisk::Good(progress, hash_of(bytes)),
        Err(error) => OnDisk::Damaged(format!("unexpected content: {}", error.message())),
    }
}

/// The UTC time in the name of a moved-aside file, e.g. `20261128T170512Z`.
pub(super) fn file_stamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// Renames a damaged file to `<name>.damaged-<stamp>` (or `-2`, `-3` …), never replacing anything.
pub(super) fn move_aside(file: &Path, stamp: &str) -> io::Result<PathBuf> {
    let first = with_suffix(file, &format!(".damaged-{stamp}"));
    for number in 1..=1000u32 {
        let kept_as = if number == 1 {
            first.clone()
        } else {
            with_suffix(&first, &format!("-{number}"))
        };
        // A hard link fails when the name is taken, so unlike rename it can never replace a file.
        match fs::hard_link(file, &kept_as) {
            Ok(()) => {
                fs::remove_file(file)?;
                sync_folder(folder_of(file));
                return Ok(kept_as);
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) => {
                // File systems without hard links: check and rename, which is safe enough under our lock.
                if fs::symlink_metadata(&kept_as).is_ok() {
                    continue;
                }
                fs::rename(file, &kept_as)?;
                sync_folder(folder_of(file));
                return Ok(kept_as);
            }
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many damaged copies with the same time",
    ))
}

/// Writes so that a crash at any moment leaves either the old or the new file, never a mix.
/// Returns the hash of the bytes written.
pub(super) fn write_atomically(file: &Path, progress: &Progress) -> io::Result<[u8; 32]> {
    let text = file_text(progress)?;
    let folder = folder_of(file);
    fs::create_dir_all(folder)?;
    let mut temp = new_temp_file(file)?;
    temp.write_all(text.as_bytes())?;
    if let Ok(meta) = fs::metadata(file) {
        // Keeping the learner's permissions is a courtesy; failing to is no reason not to save.
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    temp.as_file().sync_all()?;
    temp.persist(file).map_err(|error| error.error)?;
    sync_folder(folder);
    Ok(hash_of(text.as_bytes()))
}

/// Temporary files are named `.<file name>.<6 random letters or digits>.tmp`, next to the file,
/// so that a save killed before its rename leaves a name that belongs to this file alone.
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM_CHARS: usize = 6;

pub(super) fn temp_prefix(file: &Path) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(file.file_name().unwrap_or_else(|| "progress".as_ref()));
    prefix.push(".");
    prefix
}

/// Whether the learner lets kurs write the file: a file they made read-only is never replaced,
/// although the rename of an atomic save could replace it.
pub(super) fn may_replace(file: &Path) -> io::Result<()> {
    match OpenOptions::new().write(true).open(file) {
        Err(error)
            if matches!(
                error.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Err(error)
        }
        _ => Ok(()),
    }
}

/// A temporary file next to `file`, deleted when dropped unless it is persisted.
pub(super) fn new_temp_file(file: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&temp_prefix(file))
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .tempfile_in(folder_of(file))
}

/// Deletes temporary files of this progress file that a killed save left behind. Called under the
/// lock: then no save of this file is in flight, and every such file is a dead copy.
pub(super) fn remove_stale_temp_files(file: &Path) {
    let prefix = temp_prefix(file);
    remove_temp_files_in(folder_of(file), Some(prefix.as_encoded_bytes()));
}

/// Deletes the temporary files of killed saves in a folder that holds only progress files
/// (the course files), whatever file they were for. Called under the lock.
pub(super) fn remove_stale_temp_files_in(folder: &Path) {
    remove_temp_files_in(folder, None);
}

pub(super) fn remove_temp_files_in(folder: &Path, prefix: Option<&[u8]>) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.as_encoded_bytes();
        let rest = match prefix {
            Some(prefix) => name.strip_prefix(prefix),
            // `.<any name>.<random>.tmp`: the random part follows the last dot before `.tmp`.
            None => name.strip_prefix(b".").and_then(|rest| {
                let rest = rest.strip_suffix(TEMP_SUFFIX.as_bytes())?;
                let dot = rest.iter().rposition(|&b| b == b'.')?;
                Some(&name[1 + dot + 1..])
            }),
        };
        let random = rest.and_then(|rest| rest.strip_suffix(TEMP_SUFFIX.as_bytes()));
        let ours = random.is_some_and(|random| {
            random.len() == TEMP_RANDOM_CHARS && random.iter().all(u8::is_ascii_alphanumeric)
        });
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes a rename durable. Not every platform can sync a folder; there the rename is as durable as it gets.
pub(super) fn sync_folder(folder: &Path) {
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
}
