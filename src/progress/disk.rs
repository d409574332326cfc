//! The bytes of a progress file on disk: reading with a size bound and without following a
//! symbolic link, telling kurs's own files by their content, parsing, the lock file (waited for
//! a bounded time), writing atomically (temp file, fsync, rename) within the same size bound,
//! keeping a damaged file aside (once per content), stale temp files, the folder of the course files.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::model::{Progress, SCHEMA_VERSION};
use super::store::{FolderProblem, NotOurs};

/// The largest progress file kurs reads, and so the largest it writes: a file it could not read
/// back would be set aside as damaged at the next start. Larger files are not ones kurs wrote,
/// and reading them whole could exhaust memory.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// How long a save waits for another kurs to release the lock before it tells the learner.
pub(crate) const LOCK_WAIT: Duration = Duration::from_secs(2);
/// How long a save waits once the learner has been told, so that every move does not stall.
pub(crate) const BUSY_WAIT: Duration = Duration::from_millis(100);

/// How to wait for the lock.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Wait {
    /// In the kernel's queue, which hands the lock over the moment it is free (trying now and
    /// then could miss every gap between another writer's saves), for at most this long. The
    /// waiting thread is left behind when the time is up, and lets go of the lock when it
    /// gets it: nobody receives it any more.
    Queued(Duration),
    /// Trying now and then for at most this long, leaving nothing behind: after a queued wait
    /// that ran out, whose thread may still get the lock for a moment.
    Polled(Duration),
}

/// The first line of every file kurs writes, by which it knows its own files again.
const HEADER: &str = "# kurs progress file: written by kurs, read back by kurs; edit it only while kurs is not running.\n";
/// The part of the first line every kurs writes, whatever the rest of the line says.
const MARK: &[u8] = b"# kurs progress file";

/// Which of the store's files: the index the learner named (a symbolic link there is theirs and
/// is followed), or a course file in kurs's own folder (kurs wrote it, or leaves it alone).
/// The learner's profile (`crate::profile`) is read as a `Course` file: kurs wrote it or leaves
/// it alone, and never through a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Index,
    Course,
}

/// What was found at the path.
pub(crate) enum OnDisk {
    /// Nothing there yet: nothing to lose.
    Missing,
    /// Exactly the bytes this file last read or wrote.
    Unchanged,
    Good(Progress, [u8; 32]),
    Newer(u32),
    Damaged(String),
    Unreadable(String),
    /// In the folder of the course files, but not a file kurs wrote: never read, moved or replaced.
    Foreign(NotOurs),
}

/// Why the lock could not be taken.
pub(crate) enum LockFailure {
    /// Another process holds it and did not let go in time.
    Busy,
    Failed(io::Error),
}

pub(super) fn hash_of(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

pub(crate) fn real_path(path: &Path) -> PathBuf {
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
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `path` with `suffix` added to its file name, e.g. `progress.toml.lock`.
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

pub(crate) fn lock_path(file: &Path) -> PathBuf {
    with_suffix(file, ".lock")
}

/// Takes the exclusive lock that makes read-modify-write safe between kurs instances; released
/// on drop. Waits a bounded time for another process to let go: a kurs that holds it for longer
/// (or anything else that locks the file) must not freeze this one.
///
/// The lock lives in its own file because the progress file itself is replaced by each save.
pub(crate) fn hold_lock(file: &Path, wait: Wait) -> Result<File, LockFailure> {
    fs::create_dir_all(folder_of(file)).map_err(LockFailure::Failed)?;
    let path = lock_path(file);
    if fs::symlink_metadata(&path).is_ok_and(|meta| meta.file_type().is_symlink()) {
        return Err(LockFailure::Failed(io::Error::other(format!(
            "{} is a symbolic link",
            path.display()
        ))));
    }
    let lock = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(LockFailure::Failed)?;
    let give_up = std::time::Instant::now()
        + match wait {
            Wait::Queued(_) => Duration::ZERO,
            Wait::Polled(time) => time,
        };
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(lock),
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(error)) => return lock_error(lock, error),
        }
        if std::time::Instant::now() >= give_up {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let Wait::Queued(wait) = wait else {
        return Err(LockFailure::Busy);
    };
    // A blocking wait on a second handle of the same open file, in a thread of its own.
    let waiter = lock.try_clone().map_err(LockFailure::Failed)?;
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    std::thread::spawn(move || {
        let got = waiter.lock();
        let _ = send.send(got);
    });
    match receive.recv_timeout(wait) {
        Ok(Ok(())) => Ok(lock),
        Ok(Err(error)) => lock_error(lock, error),
        Err(_) => Err(LockFailure::Busy),
    }
}

fn lock_error(lock: File, error: io::Error) -> Result<File, LockFailure> {
    if error.kind() == io::ErrorKind::Unsupported {
        // Some file systems cannot lock at all; saving unlocked beats not saving.
        Ok(lock)
    } else {
        Err(LockFailure::Failed(error))
    }
}

pub(super) fn read_file(file: &Path, kind: Kind) -> OnDisk {
    match file_bytes(file, kind) {
        Ok(bytes) => parse_as(&bytes, file, kind),
        Err(on_disk) => on_disk,
    }
}

/// Opens a regular file for reading without following a symbolic link: the path is looked at
/// first, and the file opened must be the very file looked at (same device and inode), so a
/// link put in its place meanwhile is not followed either. Err says what stands in the way.
fn open_regular(file: &Path, kind: Kind) -> Result<(File, fs::Metadata), OnDisk> {
    let meta = match fs::symlink_metadata(file) {
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
    let not_ours = |what: NotOurs, reason: &str| match kind {
        Kind::Course => OnDisk::Foreign(what),
        Kind::Index => OnDisk::Unreadable(reason.to_owned()),
    };
    if meta.file_type().is_symlink() {
        // The learner's own link to the index was followed before (`real_path`); one found
        // here points on to yet another link, or was put in the file's place meanwhile.
        return Err(not_ours(
            NotOurs::Link,
            "a symbolic link kurs does not follow",
        ));
    }
    if meta.is_dir() {
        return Err(not_ours(
            NotOurs::NotAFile,
            "a folder is where the progress file should be",
        ));
    }
    if !meta.is_file() {
        // A pipe or device: opening it could block forever, and it is not ours to move.
        return Err(not_ours(NotOurs::NotAFile, "not a regular file"));
    }
    let opened = match File::open(file) {
        Ok(opened) => opened,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(OnDisk::Missing),
        Err(error) => return Err(OnDisk::Unreadable(error.to_string())),
    };
    match opened.metadata() {
        Ok(now) if same_file(&meta, &now) => Ok((opened, now)),
        Ok(_) => Err(not_ours(
            NotOurs::Link,
            "the file was replaced while kurs opened it",
        )),
        Err(error) => Err(OnDisk::Unreadable(error.to_string())),
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino() && b.is_file()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, b: &fs::Metadata) -> bool {
    b.is_file()
}

/// The bytes of the file, or what stands in the way of reading them.
pub(crate) fn file_bytes(file: &Path, kind: Kind) -> Result<Vec<u8>, OnDisk> {
    let (opened, _) = open_regular(file, kind)?;
    let mut bytes = Vec::new();
    // Reading one byte past the limit tells a too-large file apart even if it grows while we read.
    if let Err(error) = opened.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes) {
        return Err(OnDisk::Unreadable(error.to_string()));
    }
    if bytes.len() as u64 > MAX_FILE_SIZE {
        if kind == Kind::Course && !bytes.starts_with(MARK) {
            return Err(OnDisk::Foreign(NotOurs::Content));
        }
        return Err(OnDisk::Damaged(format!(
            "larger than {} MiB",
            MAX_FILE_SIZE / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// What the bytes of `file` are to the store. A course file is kurs's when it begins with the
/// mark every file kurs writes begins with (then it is kurs's even when damaged), or, written
/// by a kurs from before the mark, when it is a whole progress file holding the course it is
/// named for; anything else in that folder is left alone.
pub(super) fn parse_as(bytes: &[u8], file: &Path, kind: Kind) -> OnDisk {
    let parsed = parse(bytes);
    if kind == Kind::Index || bytes.starts_with(MARK) {
        return parsed;
    }
    let name = file.file_name().and_then(|name| name.to_str());
    match parsed {
        OnDisk::Good(ref progress, _)
            if progress
                .courses
                .keys()
                .any(|id| Some(super::store::file_name(id).as_str()) == name) =>
        {
            parsed
        }
        _ => OnDisk::Foreign(NotOurs::Content),
    }
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
        OnDisk::Foreign(_) => Err("not a file kurs wrote".to_owned()),
    }
}

/// The text the store writes for `progress`: the mark of kurs's files, then the TOML.
#[doc(hidden)]
pub fn file_text(progress: &Progress) -> io::Result<String> {
    let toml = toml::to_string_pretty(progress).map_err(io::Error::other)?;
    Ok(format!("{HEADER}{toml}"))
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
    // Straight into the types: a good file (nearly every file) is parsed once, with no table
    // in between.
    if let Ok(progress) = toml::from_str::<Progress>(text) {
        return match progress.schema_version {
            0 => OnDisk::Damaged("schema_version is not a positive whole number".to_owned()),
            v if v > SCHEMA_VERSION => OnDisk::Newer(v),
            _ => OnDisk::Good(progress, hash_of(bytes)),
        };
    }
    // Otherwise the version is looked at before the layout, so that a newer file is recognised
    // as newer even when the rest no longer matches our types, and a damaged one says why.
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
    match table.try_into::<Progress>() {
        Ok(progress) => OnDisk::Good(progress, hash_of(bytes)),
        Err(error) => OnDisk::Damaged(format!("unexpected content: {}", error.message())),
    }
}

/// The UTC time in the name of a moved-aside file, e.g. `20261128T170512Z`.
pub(crate) fn file_stamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// Renames a damaged file to `<name>.damaged-<stamp>` (or `-2`, `-3` …), never replacing anything.
/// Bytes already kept aside under an earlier name are kept once: the new copy is dropped and the
/// earlier one named.
pub(crate) fn move_aside(file: &Path, stamp: &str) -> io::Result<PathBuf> {
    let kept_as = keep_under_new_name(file, stamp)?;
    match earlier_copy_of(file, &kept_as) {
        Some(earlier) => {
            fs::remove_file(&kept_as)?;
            sync_folder(folder_of(file));
            Ok(earlier)
        }
        None => Ok(kept_as),
    }
}

/// An earlier `.damaged-` copy of `file` that holds the same bytes as `copy`.
fn earlier_copy_of(file: &Path, copy: &Path) -> Option<PathBuf> {
    let prefix = with_suffix(Path::new(file.file_name()?), ".damaged-");
    let prefix = prefix.as_os_str().as_encoded_bytes();
    let len = fs::symlink_metadata(copy).ok()?.len();
    let mut earlier: Vec<PathBuf> = fs::read_dir(folder_of(file))
        .ok()?
        .flatten()
        .filter(|entry| entry.file_name().as_encoded_bytes().starts_with(prefix))
        .map(|entry| entry.path())
        .filter(|path| path != copy)
        .filter(|path| {
            fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file() && meta.len() == len)
        })
        .collect();
    earlier.sort();
    earlier.into_iter().find(|path| same_bytes(path, copy))
}

/// Whether two regular files hold the same bytes, compared piece by piece.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let (Ok((a, _)), Ok((b, _))) = (open_regular(a, Kind::Course), open_regular(b, Kind::Course))
    else {
        return false;
    };
    let (mut a, mut b) = (io::BufReader::new(a), io::BufReader::new(b));
    let (mut left, mut right) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = match a.read(&mut left) {
            Ok(n) => n,
            Err(_) => return false,
        };
        if n == 0 {
            return b.read(&mut right[..1]).is_ok_and(|m| m == 0);
        }
        if b.read_exact(&mut right[..n]).is_err() || left[..n] != right[..n] {
            return false;
        }
    }
}

fn keep_under_new_name(file: &Path, stamp: &str) -> io::Result<PathBuf> {
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
/// Returns the hash of the bytes written. Text longer than kurs reads back is not written at
/// all (`FileTooLarge`): the old file stays.
pub(crate) fn write_atomically(file: &Path, text: &str) -> io::Result<[u8; 32]> {
    write_with(file, text, Permissions::Kept)
}

/// Like `write_atomically`, but the file is always for its owner only (0600), whatever the old
/// one allowed: for the learner's personal data (the profile).
pub(crate) fn write_private(file: &Path, text: &str) -> io::Result<[u8; 32]> {
    write_with(file, text, Permissions::OwnerOnly)
}

/// Which permissions a file written atomically gets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Permissions {
    /// The old file's, when there is one (the learner may have chosen them), else the temp
    /// file's owner-only ones.
    Kept,
    /// Owner-only, which is what the temp file is made with.
    OwnerOnly,
}

fn write_with(file: &Path, text: &str, permissions: Permissions) -> io::Result<[u8; 32]> {
    if text.len() as u64 > MAX_FILE_SIZE {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("{} bytes, more than kurs reads back", text.len()),
        ));
    }
    let folder = folder_of(file);
    let mut temp = new_temp_file(file)?;
    temp.write_all(text.as_bytes())?;
    if permissions == Permissions::Kept
        && let Ok(meta) = fs::metadata(file)
    {
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
pub(crate) fn may_replace(file: &Path) -> io::Result<()> {
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
pub(crate) fn new_temp_file(file: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&temp_prefix(file))
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .tempfile_in(folder_of(file))
}

/// Deletes temporary files of this progress file that a killed save left behind. Called under the
/// lock: then no save of this file is in flight, and every such file is a dead copy.
pub(crate) fn remove_stale_temp_files(file: &Path) {
    remove_stale_temp_files_marked(file, MARK);
}

/// The same for a file whose first line begins with `mark` (the profile has its own): a
/// temporary file is deleted only when it begins as such a file does.
pub(crate) fn remove_stale_temp_files_marked(file: &Path, mark: &[u8]) {
    let prefix = temp_prefix(file);
    remove_temp_files_in(folder_of(file), Some(prefix.as_encoded_bytes()), mark);
}

/// Deletes the temporary files of killed saves in a folder that holds only progress files
/// (the course files), whatever file they were for. Called under the lock.
pub(super) fn remove_stale_temp_files_in(folder: &Path) {
    remove_temp_files_in(folder, None, MARK);
}

pub(super) fn remove_temp_files_in(folder: &Path, prefix: Option<&[u8]>, mark: &[u8]) {
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
        let named_so = random.is_some_and(|random| {
            random.len() == TEMP_RANDOM_CHARS && random.iter().all(u8::is_ascii_alphanumeric)
        });
        if named_so
            && entry.file_type().is_ok_and(|t| t.is_file())
            && begins_as_ours(&entry.path(), mark)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a temporary file holds what a killed save of kurs leaves: nothing yet, or the
/// beginning of a file kurs writes (`mark`, or as much of it as was written).
pub(crate) fn begins_as_ours(file: &Path, mark: &[u8]) -> bool {
    let Ok((opened, _)) = open_regular(file, Kind::Course) else {
        return false;
    };
    let mut first = Vec::new();
    opened
        .take(mark.len() as u64)
        .read_to_end(&mut first)
        .is_ok_and(|_| mark.starts_with(&first))
}

/// Makes the folder of the course files when it is missing, for its owner only.
pub(crate) fn make_private_folder(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(folder) {
        Ok(()) => {
            sync_folder(folder_of(folder));
            Ok(())
        }
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}

/// Why kurs may not use `folder` for course files; `None` when it may (or it does not exist yet,
/// and kurs will make it). A folder another user owns or others may write is not kurs's to
/// trust: anyone who can write there can put files or links in it.
pub(crate) fn folder_problem(folder: &Path) -> Option<FolderProblem> {
    let meta = fs::symlink_metadata(folder).ok()?;
    if meta.file_type().is_symlink() {
        return Some(FolderProblem::Link);
    }
    if !meta.is_dir() {
        return Some(FolderProblem::NotAFolder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if own_uid().is_some_and(|uid| uid != meta.uid()) {
            return Some(FolderProblem::Owner);
        }
        if meta.mode() & 0o022 != 0 {
            return Some(FolderProblem::Writable);
        }
    }
    None
}

/// The effective user id of this process, from `/proc/self/status` (no system call without
/// `unsafe` tells it); `None` where there is no `/proc`.
#[cfg(unix)]
fn own_uid() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("Uid:"))?;
    // Real, effective, saved and file-system user id.
    line.split_whitespace().nth(2)?.parse().ok()
}

/// Makes a rename durable. Not every platform can sync a folder; there the rename is as durable as it gets.
pub(crate) fn sync_folder(folder: &Path) {
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
}
