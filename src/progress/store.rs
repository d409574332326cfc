//! The progress file on disk: where it lives, reading it, locking it against a second kurs, writing it atomically.
//! Whatever happens, the learner's file is never overwritten with less or deleted: damaged files are moved aside.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::model::{Progress, SCHEMA_VERSION};

/// Files larger than this are not progress files kurs wrote; reading them whole could exhaust memory.
const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The learner's progress file and what kurs currently knows of it.
#[derive(Debug)]
pub struct ProgressStore {
    path: PathBuf,
    progress: Progress,
    mode: StoreMode,
    /// What the file held when this store last read or wrote it; `None` when there was no file.
    on_disk: Option<Progress>,
    /// The bytes `on_disk` was read from or written as: a file that still holds exactly these
    /// is not parsed again before the next save (parsing was nine tenths of a save's time).
    on_disk_bytes: Vec<u8>,
    /// Some change is only in memory because saving it failed.
    unsaved: bool,
    /// Set by fault-injection tests to make every save fail as a full disk would.
    fail_writes: bool,
    /// Temporary files left by killed saves have been cleared (once per store is enough).
    swept: bool,
}

/// Whether changes reach the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreMode {
    ReadWrite,
    /// The file is left untouched and never written: it comes from a newer kurs or cannot be read.
    /// Changes are kept in memory for this session only.
    ReadOnly,
}

/// Something the learner must be told, in one sentence (the front ends translate it; keep it structured).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreNotice {
    /// The file was damaged and has been renamed aside with a timestamp; kurs starts from an empty progress.
    MovedAside {
        path: PathBuf,
        kept_as: PathBuf,
        reason: String,
    },
    /// The file was written by a newer kurs; it is only read, never written.
    NewerVersion { path: PathBuf, version: u32 },
    /// A change could not be saved (folder not writable, disk full …); the player keeps working.
    NotSaved { path: PathBuf, reason: String },
    /// The file cannot be read (no permission, a folder where the file should be …); it is left untouched.
    Unreadable { path: PathBuf, reason: String },
}

/// What was found at the path.
enum OnDisk {
    /// Nothing there yet: nothing to lose.
    Missing,
    Good(Progress),
    Newer(u32),
    Damaged(String),
    Unreadable(String),
}

impl ProgressStore {
    /// The file used when no --progress / $KURS_PROGRESS is given:
    /// `$XDG_STATE_HOME/kurs/progress.toml` on Linux, the local data folder elsewhere.
    pub fn default_path() -> Option<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "kurs")?;
        // state_dir exists only on Linux; the local data folder is the closest match elsewhere.
        let folder = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
        Some(folder.join("progress.toml"))
    }

    /// Never fails: a missing file is an empty progress; a damaged one is moved aside
    /// (never overwritten or deleted) and reported.
    pub fn open(path: impl Into<PathBuf>) -> (ProgressStore, Vec<StoreNotice>) {
        let path = path.into();
        let mut store = ProgressStore {
            path,
            progress: Progress::default(),
            mode: StoreMode::ReadWrite,
            on_disk: None,
            on_disk_bytes: Vec::new(),
            unsaved: false,
            fail_writes: false,
            swept: false,
        };
        let notice = store.load();
        (store, notice.into_iter().collect())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn mode(&self) -> &StoreMode {
        &self.mode
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Whether everything the learner did is on disk: no change waits in memory after a failed
    /// save, and the file is not one this kurs only reads. A front end says "saved" only then.
    pub fn all_saved(&self) -> bool {
        self.mode == StoreMode::ReadWrite && !self.unsaved
    }

    /// Makes every following save fail, to test how the player copes with a full disk.
    #[doc(hidden)]
    pub fn set_write_failure(&mut self, fail: bool) {
        self.fail_writes = fail;
    }

    /// Applies a change and saves it: take the lock, re-read the file (another instance may have
    /// written), apply `change` to what was read, write atomically, release.
    ///
    /// On any failure the change is still applied in memory and a `NotSaved` notice is returned.
    /// ReadOnly: apply in memory only and return `None` (the notice was already given at open).
    pub fn update(&mut self, change: impl FnOnce(&mut Progress)) -> Option<StoreNotice> {
        if self.mode == StoreMode::ReadOnly {
            change(&mut self.progress);
            return None;
        }
        let file = real_path(&self.path);
        let _lock = match hold_lock(&file) {
            Ok(lock) => lock,
            Err(error) => {
                change(&mut self.progress);
                self.unsaved = true;
                return Some(self.not_saved(format!(
                    "cannot lock {}: {error}",
                    lock_path(&file).display()
                )));
            }
        };
        if !self.swept {
            // Under the lock no other kurs is between creating and renaming a temporary file.
            remove_stale_temp_files(&file);
            self.swept = true;
        }
        let mut notice = None;
        let mut base = match self.read_again(&file) {
            // Deleted behind our back: what we hold in memory is the best there is.
            OnDisk::Missing => {
                self.on_disk = None;
                self.progress.clone()
            }
            OnDisk::Good(progress) => self.build_on(progress),
            OnDisk::Newer(version) => {
                // A newer kurs has written meanwhile; writing our older layout would lose its data.
                self.mode = StoreMode::ReadOnly;
                change(&mut self.progress);
                return Some(StoreNotice::NewerVersion {
                    path: self.path.clone(),
                    version,
                });
            }
            OnDisk::Unreadable(reason) => {
                self.mode = StoreMode::ReadOnly;
                change(&mut self.progress);
                return Some(StoreNotice::Unreadable {
                    path: self.path.clone(),
                    reason,
                });
            }
            OnDisk::Damaged(reason) => match move_aside(&file, &file_stamp()) {
                Ok(kept_as) => {
                    self.on_disk = None;
                    notice = Some(StoreNotice::MovedAside {
                        path: self.path.clone(),
                        kept_as,
                        reason,
                    });
                    self.progress.clone()
                }
                Err(error) => {
                    // Never write over a file we could not keep; try again with the next change.
                    change(&mut self.progress);
                    self.unsaved = true;
                    return Some(self.not_saved(format!(
                        "the file is damaged ({reason}) and could not be moved aside: {error}"
                    )));
                }
            },
        };
        change(&mut base);
        base.schema_version = SCHEMA_VERSION;
        let written = if self.fail_writes {
            Err(io::Error::other("writing is switched off for a test"))
        } else {
            may_replace(&file).and_then(|()| write_atomically(&file, &base))
        };
        self.unsaved = written.is_err();
        let written = written.map(|text| {
            self.on_disk = Some(base.clone());
            self.on_disk_bytes = text.into_bytes();
        });
        self.progress = base;
        match written {
            Ok(()) => notice,
            Err(error) => Some(self.not_saved(error.to_string())),
        }
    }

    /// What the file holds now; when it still holds the bytes this store last read or wrote,
    /// that progress is taken without parsing the file again.
    fn read_again(&mut self, file: &Path) -> OnDisk {
        match file_bytes(file) {
            Ok(bytes)
                if !bytes.is_empty() && bytes == self.on_disk_bytes && self.on_disk.is_some() =>
            {
                OnDisk::Good(self.on_disk.clone().unwrap_or_default())
            }
            Ok(bytes) => {
                let on_disk = parse(&bytes);
                self.on_disk_bytes = match on_disk {
                    OnDisk::Good(_) => bytes,
                    _ => Vec::new(),
                };
                on_disk
            }
            Err(on_disk) => on_disk,
        }
    }

    /// The progress a change applies to, given what the file holds now.
    fn build_on(&mut self, disk: Progress) -> Progress {
        if !self.unsaved {
            self.on_disk = Some(disk.clone());
            return disk;
        }
        // Earlier changes failed to save and live only in memory; they must not be dropped.
        let base = if self.on_disk.as_ref() == Some(&disk) {
            // Nobody wrote since: memory is the whole truth, removals included.
            self.progress.clone()
        } else {
            let mut merged = disk.clone();
            merged.merge_from(&self.progress);
            merged
        };
        self.on_disk = Some(disk);
        base
    }

    fn not_saved(&self, reason: String) -> StoreNotice {
        StoreNotice::NotSaved {
            path: self.path.clone(),
            reason,
        }
    }

    /// Reads the file at open, moving a damaged one aside.
    fn load(&mut self) -> Option<StoreNotice> {
        let file = real_path(&self.path);
        let reason = match read_file(&file) {
            OnDisk::Missing => return None,
            OnDisk::Good(progress) => return self.take_good(&file, progress),
            OnDisk::Newer(version) => return Some(self.read_only_newer(version)),
            OnDisk::Unreadable(reason) => return Some(self.read_only_unreadable(reason)),
            OnDisk::Damaged(reason) => reason,
        };
        // Moving aside under the lock: otherwise another kurs could save a good file just before
        // our rename, and we would carry its fresh progress away.
        let _lock = match hold_lock(&file) {
            Ok(lock) => lock,
            Err(error) => {
                return Some(self.read_only_unreadable(format!(
                    "the file is damaged ({reason}) and cannot be moved aside: {error}"
                )));
            }
        };
        let reason = match read_file(&file) {
            OnDisk::Missing => return None,
            OnDisk::Good(progress) => return self.take_good(&file, progress),
            OnDisk::Newer(version) => return Some(self.read_only_newer(version)),
            OnDisk::Unreadable(reason) => return Some(self.read_only_unreadable(reason)),
            OnDisk::Damaged(reason) => reason,
        };
        match move_aside(&file, &file_stamp()) {
            Ok(kept_as) => Some(StoreNotice::MovedAside {
                path: self.path.clone(),
                kept_as,
                reason,
            }),
            Err(error) => Some(self.read_only_unreadable(format!(
                "the file is damaged ({reason}) and cannot be moved aside: {error}"
            ))),
        }
    }

    /// Takes the progress of an intact file and says now, not after an hour of work, when it
    /// cannot be saved.
    fn take_good(&mut self, file: &Path, progress: Progress) -> Option<StoreNotice> {
        self.on_disk = Some(progress.clone());
        self.progress = progress;
        if let Err(error) = may_replace(file) {
            self.mode = StoreMode::ReadOnly;
            return Some(self.not_saved(error.to_string()));
        }
        // Saving needs a temporary file next to the file; a folder that refuses one fails every
        // save. Stay ready to write: the learner may fix the folder while kurs runs.
        if let Err(error) = new_temp_file(file) {
            return Some(self.not_saved(error.to_string()));
        }
        None
    }

    fn read_only_newer(&mut self, version: u32) -> StoreNotice {
        self.mode = StoreMode::ReadOnly;
        StoreNotice::NewerVersion {
            path: self.path.clone(),
            version,
        }
    }

    fn read_only_unreadable(&mut self, reason: String) -> StoreNotice {
        self.mode = StoreMode::ReadOnly;
        StoreNotice::Unreadable {
            path: self.path.clone(),
            reason,
        }
    }
}

/// The file a symbolic link points to, so that saving replaces the learner's file and not the link.
fn real_path(path: &Path) -> PathBuf {
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
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `path` with `suffix` added to its file name, e.g. `progress.toml.lock`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn lock_path(file: &Path) -> PathBuf {
    with_suffix(file, ".lock")
}

/// Takes the exclusive lock that makes read-modify-write safe between kurs instances; released on drop.
///
/// The lock lives in its own file because the progress file itself is replaced by each save.
fn hold_lock(file: &Path) -> io::Result<File> {
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

fn read_file(file: &Path) -> OnDisk {
    match file_bytes(file) {
        Ok(bytes) => parse(&bytes),
        Err(on_disk) => on_disk,
    }
}

/// The bytes of the file, or what stands in the way of reading them.
fn file_bytes(file: &Path) -> Result<Vec<u8>, OnDisk> {
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
        OnDisk::Good(progress) => Ok(progress),
        OnDisk::Newer(version) => Err(format!("written by a newer kurs (format {version})")),
        OnDisk::Damaged(reason) | OnDisk::Unreadable(reason) => Err(reason),
        OnDisk::Missing => Err("missing".to_owned()),
    }
}

/// The text the store writes for `progress`.
#[doc(hidden)]
pub fn file_text(progress: &Progress) -> io::Result<String> {
    toml::to_string_pretty(progress).map_err(io::Error::other)
}

/// Decides what the bytes of a progress file are.
fn parse(bytes: &[u8]) -> OnDisk {
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
        Ok(progress) => OnDisk::Good(progress),
        Err(error) => OnDisk::Damaged(format!("unexpected content: {}", error.message())),
    }
}

/// The UTC time in the name of a moved-aside file, e.g. `20261128T170512Z`.
fn file_stamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// Renames a damaged file to `<name>.damaged-<stamp>` (or `-2`, `-3` …), never replacing anything.
fn move_aside(file: &Path, stamp: &str) -> io::Result<PathBuf> {
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
/// Returns the text written.
fn write_atomically(file: &Path, progress: &Progress) -> io::Result<String> {
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
    Ok(text)
}

/// Temporary files are named `.<file name>.<6 random letters or digits>.tmp`, next to the file,
/// so that a save killed before its rename leaves a name that belongs to this file alone.
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM_CHARS: usize = 6;

fn temp_prefix(file: &Path) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(file.file_name().unwrap_or_else(|| "progress".as_ref()));
    prefix.push(".");
    prefix
}

/// Whether the learner lets kurs write the file: a file they made read-only is never replaced,
/// although the rename of an atomic save could replace it.
fn may_replace(file: &Path) -> io::Result<()> {
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
fn new_temp_file(file: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&temp_prefix(file))
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .tempfile_in(folder_of(file))
}

/// Deletes temporary files of this progress file that a killed save left behind. Called under the
/// lock: then no save of this file is in flight, and every such file is a dead copy.
fn remove_stale_temp_files(file: &Path) {
    let folder = folder_of(file);
    let prefix = temp_prefix(file);
    let prefix = prefix.as_encoded_bytes();
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.as_encoded_bytes();
        let random = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX.as_bytes()));
        let ours = random.is_some_and(|random| {
            random.len() == TEMP_RANDOM_CHARS && random.iter().all(u8::is_ascii_alphanumeric)
        });
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes a rename durable. Not every platform can sync a folder; there the rename is as durable as it gets.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::tests::full_progress;
    use proptest::prelude::*;

    const NOW: &str = "2026-11-28T17:05:12Z";

    fn file_in(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("progress.toml")
    }

    /// Writes `content` as the progress file, opens it, and expects it to be moved aside.
    fn assert_kept_aside(content: impl AsRef<[u8]>) {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(file_in(&dir), content).expect("write");
        let (_, notices) = ProgressStore::open(file_in(&dir));
        assert!(
            matches!(notices.as_slice(), [StoreNotice::MovedAside { .. }]),
            "{notices:?}"
        );
    }

    /// Names of everything in the folder, sorted.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    fn damaged_copies(dir: &Path) -> Vec<PathBuf> {
        names_in(dir)
            .into_iter()
            .filter(|name| name.starts_with("progress.toml.damaged-"))
            .map(|name| dir.join(name))
            .collect()
    }

    fn good_file_text() -> String {
        toml::to_string_pretty(&full_progress()).expect("serialize")
    }

    #[test]
    fn missing_file_is_empty_progress() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        assert_eq!(store.progress(), &Progress::default());
        assert_eq!(store.mode(), &StoreMode::ReadWrite);
        assert_eq!(
            names_in(dir.path()),
            Vec::<String>::new(),
            "opening creates nothing"
        );
    }

    #[test]
    fn update_writes_and_rereads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        assert_eq!(store.update(|p| p.open_section("c", "m", 1)), None);
        let (again, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        assert_eq!(again.progress(), store.progress());
        assert!(
            again
                .progress()
                .module("c", "m")
                .is_some_and(|m| m.opened_sections.contains(&1))
        );
    }

    #[test]
    fn update_creates_the_missing_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state").join("kurs").join("progress.toml");
        let (mut store, _) = ProgressStore::open(&path);
        assert_eq!(store.update(|p| p.open_section("c", "m", 0)), None);
        assert!(path.is_file());
    }

    #[test]
    fn update_leaves_only_the_file_and_its_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| p.open_section("c", "m", 0));
        assert_eq!(
            names_in(dir.path()),
            vec!["progress.toml", "progress.toml.lock"]
        );
    }

    #[test]
    fn temporary_files_of_killed_saves_are_cleared_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stale = [".progress.toml.a1B2c3.tmp", ".progress.toml.zzzzzz.tmp"];
        let kept = [
            ".other.toml.a1B2c3.tmp",
            ".progress.toml.notes.tmp",
            ".progress.toml.a1B2c3.tmp.bak",
            "progress.toml.a1B2c3.tmp",
        ];
        for name in stale.iter().chain(&kept) {
            fs::write(dir.path().join(name), "a copy").expect("write");
        }
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        assert_eq!(store.update(|p| p.open_section("c", "m", 0)), None);
        let mut expected: Vec<String> = kept.iter().map(|n| n.to_string()).collect();
        expected.extend(["progress.toml".into(), "progress.toml.lock".into()]);
        expected.sort();
        assert_eq!(names_in(dir.path()), expected);
    }

    #[test]
    fn update_sees_what_another_instance_wrote() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut first, _) = ProgressStore::open(file_in(&dir));
        let (mut second, _) = ProgressStore::open(file_in(&dir));
        first.update(|p| p.set_learned("c", "a", true, NOW));
        second.update(|p| p.set_learned("c", "b", true, NOW));
        assert!(
            second.progress().module("c", "a").is_some(),
            "second picked up first's change"
        );
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| *p = full_progress());
        let (again, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        assert_eq!(again.progress(), &full_progress());
    }

    #[test]
    fn entries_of_unknown_modules_are_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "schema_version = 1\n\
                    [courses.retired-course.modules.gone]\nlearned_at = \"2020-01-01T00:00:00Z\"\n";
        fs::write(file_in(&dir), text).expect("write");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| p.open_section("current", "m", 0));
        let (again, _) = ProgressStore::open(file_in(&dir));
        assert!(again.progress().module("retired-course", "gone").is_some());
        assert!(again.progress().module("current", "m").is_some());
    }

    #[test]
    fn garbage_file_is_moved_aside_with_its_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let garbage = b"\xff\xfe not progress \x00\x01".to_vec();
        fs::write(file_in(&dir), &garbage).expect("write");
        let (store, notices) = ProgressStore::open(file_in(&dir));
        let [StoreNotice::MovedAside { path, kept_as, .. }] = notices.as_slice() else {
            panic!("expected one MovedAside, got {notices:?}");
        };
        assert_eq!(path, &file_in(&dir));
        assert_eq!(fs::read(kept_as).expect("kept"), garbage);
        assert!(!file_in(&dir).exists());
        assert_eq!(store.mode(), &StoreMode::ReadWrite);
        assert_eq!(store.progress(), &Progress::default());
    }

    #[test]
    fn moved_aside_file_is_named_with_a_utc_timestamp() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(file_in(&dir), "not = [toml").expect("write");
        let (_, notices) = ProgressStore::open(file_in(&dir));
        let [StoreNotice::MovedAside { kept_as, .. }] = notices.as_slice() else {
            panic!("expected one MovedAside, got {notices:?}");
        };
        let name = kept_as
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let stamp = name.strip_prefix("progress.toml.damaged-").expect("prefix");
        assert!(
            jiff::fmt::strtime::parse("%Y%m%dT%H%M%SZ", stamp).is_ok(),
            "{name}"
        );
    }

    #[test]
    fn truncated_file_is_moved_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = good_file_text();
        let cut = &text[..text.find("opened_sections").expect("field") + 20];
        fs::write(file_in(&dir), cut).expect("write");
        let (_, notices) = ProgressStore::open(file_in(&dir));
        let [StoreNotice::MovedAside { kept_as, .. }] = notices.as_slice() else {
            panic!("expected one MovedAside, got {notices:?}");
        };
        assert_eq!(fs::read_to_string(kept_as).expect("kept"), cut);
    }

    #[test]
    fn empty_file_is_kept_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(file_in(&dir), "").expect("write");
        let (_, notices) = ProgressStore::open(file_in(&dir));
        let [StoreNotice::MovedAside { kept_as, .. }] = notices.as_slice() else {
            panic!("expected one MovedAside, got {notices:?}");
        };
        assert_eq!(fs::read(kept_as).expect("kept"), b"");
    }

    #[test]
    fn whitespace_only_file_is_kept_aside() {
        assert_kept_aside(" \n\t\n");
    }

    #[test]
    fn missing_schema_version_is_damaged() {
        assert_kept_aside("[courses.c]\nlast_module = \"m\"\n");
    }

    #[test]
    fn schema_version_zero_is_damaged() {
        assert_kept_aside("schema_version = 0\n");
    }

    #[test]
    fn wrong_shape_is_damaged() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(
            file_in(&dir),
            "schema_version = 1\ncourses = \"all of them\"\n",
        )
        .expect("write");
        let (_, notices) = ProgressStore::open(file_in(&dir));
        assert!(
            matches!(notices.as_slice(), [StoreNotice::MovedAside { .. }]),
            "{notices:?}"
        );
    }

    #[test]
    fn file_over_16_mib_is_moved_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut text = String::from("schema_version = 1\n");
        text.push_str(&"#".repeat(16 * 1024 * 1024));
        fs::write(file_in(&dir), &text).expect("write");
        let (_, notices) = ProgressStore::open(file_in(&dir));
        let [StoreNotice::MovedAside { kept_as, .. }] = notices.as_slice() else {
            panic!("expected one MovedAside, got {notices:?}");
        };
        assert_eq!(
            fs::metadata(kept_as).expect("kept").len(),
            text.len() as u64
        );
    }

    #[test]
    fn moving_aside_never_overwrites_an_earlier_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = file_in(&dir);
        let taken = with_suffix(&file, ".damaged-20261128T170512Z");
        fs::write(&taken, "first").expect("write");
        fs::write(with_suffix(&taken, "-2"), "second").expect("write");
        fs::write(&file, "third").expect("write");
        let kept_as = move_aside(&file, "20261128T170512Z").expect("moved");
        assert_eq!(kept_as, with_suffix(&taken, "-3"));
        assert_eq!(fs::read_to_string(&taken).expect("first"), "first");
        assert_eq!(
            fs::read_to_string(with_suffix(&taken, "-2")).expect("second"),
            "second"
        );
        assert_eq!(fs::read_to_string(&kept_as).expect("third"), "third");
        assert!(!file.exists());
    }

    #[test]
    fn newer_schema_version_is_read_only_and_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        // The rest of the file follows a layout this build does not know.
        let text = "schema_version = 2\ncourses = [\"a new layout\"]\n";
        fs::write(file_in(&dir), text).expect("write");
        let (mut store, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(
            notices,
            vec![StoreNotice::NewerVersion {
                path: file_in(&dir),
                version: 2
            }]
        );
        assert_eq!(store.mode(), &StoreMode::ReadOnly);
        assert_eq!(store.update(|p| p.open_section("c", "m", 0)), None);
        assert!(
            store.progress().module("c", "m").is_some(),
            "kept in memory"
        );
        assert_eq!(fs::read_to_string(file_in(&dir)).expect("read"), text);
        assert_eq!(
            names_in(dir.path()),
            vec!["progress.toml"],
            "not even a lock file"
        );
    }

    #[test]
    fn newer_version_written_meanwhile_makes_the_store_read_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| p.open_section("c", "m", 0));
        let text = "schema_version = 7\n";
        fs::write(file_in(&dir), text).expect("write");
        let notice = store.update(|p| p.open_section("c", "m", 1));
        assert_eq!(
            notice,
            Some(StoreNotice::NewerVersion {
                path: file_in(&dir),
                version: 7
            })
        );
        assert_eq!(store.mode(), &StoreMode::ReadOnly);
        assert_eq!(fs::read_to_string(file_in(&dir)).expect("read"), text);
        assert!(
            store
                .progress()
                .module("c", "m")
                .is_some_and(|m| m.opened_sections.contains(&1))
        );
    }

    #[test]
    fn folder_at_path_is_unreadable_and_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = file_in(&dir);
        fs::create_dir(&path).expect("mkdir");
        fs::write(path.join("inside"), "kept").expect("write");
        let (mut store, notices) = ProgressStore::open(&path);
        assert!(
            matches!(notices.as_slice(), [StoreNotice::Unreadable { .. }]),
            "{notices:?}"
        );
        assert_eq!(store.mode(), &StoreMode::ReadOnly);
        assert_eq!(store.update(|p| p.open_section("c", "m", 0)), None);
        assert!(path.is_dir());
        assert_eq!(names_in(&path), vec!["inside"]);
        assert_eq!(names_in(dir.path()), vec!["progress.toml"]);
    }

    #[test]
    fn failed_save_keeps_last_good_file_and_reports() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| p.open_section("c", "m", 0));
        let good = fs::read(file_in(&dir)).expect("read");
        store.set_write_failure(true);
        let notice = store.update(|p| p.set_learned("c", "m", true, NOW));
        assert!(
            matches!(notice, Some(StoreNotice::NotSaved { .. })),
            "{notice:?}"
        );
        assert_eq!(fs::read(file_in(&dir)).expect("read"), good);
        assert!(
            store
                .progress()
                .module("c", "m")
                .is_some_and(|m| m.learned_at.is_some()),
            "kept in memory"
        );
        assert_eq!(
            store.mode(),
            &StoreMode::ReadWrite,
            "the next change tries again"
        );
        store.set_write_failure(false);
        assert_eq!(store.update(|p| p.open_section("c", "m", 1)), None);
        let (again, _) = ProgressStore::open(file_in(&dir));
        assert!(
            again
                .progress()
                .module("c", "m")
                .is_some_and(|m| m.learned_at.is_some()),
            "saved later"
        );
    }

    #[test]
    fn all_saved_only_while_nothing_waits_in_memory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        assert!(store.all_saved());
        store.set_write_failure(true);
        store.update(|p| p.open_section("c", "m", 0));
        assert!(!store.all_saved());
        store.set_write_failure(false);
        store.update(|p| p.open_section("c", "m", 1));
        assert!(store.all_saved());
        fs::write(file_in(&dir), "schema_version = 9\n").expect("write");
        store.update(|p| p.open_section("c", "m", 2));
        assert!(!store.all_saved(), "a newer file is only read");
    }

    #[test]
    fn unsaved_change_survives_another_instance_saving() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        let (mut other, _) = ProgressStore::open(file_in(&dir));
        store.set_write_failure(true);
        store.update(|p| p.set_learned("c", "mine", true, NOW));
        other.update(|p| p.set_learned("c", "theirs", true, NOW));
        store.set_write_failure(false);
        assert_eq!(store.update(|p| p.open_section("c", "mine", 0)), None);
        let (again, _) = ProgressStore::open(file_in(&dir));
        assert!(
            again
                .progress()
                .module("c", "mine")
                .is_some_and(|m| m.learned_at.is_some())
        );
        assert!(
            again
                .progress()
                .module("c", "theirs")
                .is_some_and(|m| m.learned_at.is_some())
        );
    }

    #[test]
    fn unsaved_reset_is_saved_when_nobody_wrote_meanwhile() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| p.open_section("c", "m", 0));
        store.set_write_failure(true);
        store.update(|p| p.reset(None));
        store.set_write_failure(false);
        store.update(|p| p.open_section("d", "m", 0));
        let (again, _) = ProgressStore::open(file_in(&dir));
        assert!(again.progress().module("c", "m").is_none());
        assert!(again.progress().module("d", "m").is_some());
    }

    #[test]
    fn path_below_a_file_is_not_saved_but_kept_in_memory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("blocker");
        fs::write(&blocker, "a file, not a folder").expect("write");
        let (mut store, notices) = ProgressStore::open(blocker.join("progress.toml"));
        assert_eq!(notices, vec![]);
        let notice = store.update(|p| p.open_section("c", "m", 0));
        assert!(
            matches!(notice, Some(StoreNotice::NotSaved { .. })),
            "{notice:?}"
        );
        assert!(store.progress().module("c", "m").is_some());
        assert_eq!(
            fs::read_to_string(&blocker).expect("read"),
            "a file, not a folder"
        );
    }

    #[test]
    fn file_damaged_meanwhile_is_moved_aside_on_update() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| p.open_section("c", "a", 0));
        fs::write(file_in(&dir), "half a fi").expect("write");
        let notice = store.update(|p| p.open_section("c", "b", 0));
        let Some(StoreNotice::MovedAside { kept_as, .. }) = notice else {
            panic!("expected MovedAside, got {notice:?}");
        };
        assert_eq!(fs::read_to_string(kept_as).expect("kept"), "half a fi");
        let (again, _) = ProgressStore::open(file_in(&dir));
        assert!(
            again.progress().module("c", "a").is_some(),
            "memory state written"
        );
        assert!(
            again.progress().module("c", "b").is_some(),
            "change written"
        );
    }

    #[test]
    fn file_deleted_meanwhile_is_written_from_memory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| p.open_section("c", "a", 0));
        fs::remove_file(file_in(&dir)).expect("remove");
        store.update(|p| p.open_section("c", "b", 0));
        let (again, _) = ProgressStore::open(file_in(&dir));
        assert!(again.progress().module("c", "a").is_some());
        assert!(again.progress().module("c", "b").is_some());
    }

    #[test]
    fn two_stores_on_one_file_lose_no_update() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut first, _) = ProgressStore::open(file_in(&dir));
        let (mut second, _) = ProgressStore::open(file_in(&dir));
        for round in 0..10 {
            assert_eq!(first.update(|p| p.open_section("c", "a", round)), None);
            assert_eq!(second.update(|p| p.open_section("c", "b", round)), None);
        }
        let (again, _) = ProgressStore::open(file_in(&dir));
        let expected: std::collections::BTreeSet<usize> = (0..10).collect();
        for module in ["a", "b"] {
            let opened = &again
                .progress()
                .module("c", module)
                .expect("module")
                .opened_sections;
            assert_eq!(opened, &expected, "module {module}");
        }
    }

    #[test]
    fn two_threads_on_one_file_lose_no_update() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = file_in(&dir);
        let workers: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|module| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let (mut store, _) = ProgressStore::open(path);
                    for number in 0..100 {
                        let question = format!("q{number}");
                        let notice = store
                            .update(|p| p.record_answer("c", module, &question, "f", true, NOW));
                        assert_eq!(notice, None);
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("worker finished");
        }
        let (again, notices) = ProgressStore::open(&path);
        assert_eq!(notices, vec![]);
        for module in ["a", "b"] {
            let answered = again
                .progress()
                .module("c", module)
                .expect("module")
                .questions
                .len();
            assert_eq!(answered, 100, "module {module}");
        }
    }

    /// Whether permissions bind this process (they do not bind root); the tests in
    /// tests/reliability_damaged.rs cover root by running kurs as another user.
    #[cfg(unix)]
    fn permissions_apply(dir: &Path) -> bool {
        use std::os::unix::fs::PermissionsExt;
        let probe = dir.join("probe");
        fs::write(&probe, "").expect("write");
        fs::set_permissions(&probe, fs::Permissions::from_mode(0o444)).expect("chmod");
        let applies = OpenOptions::new().write(true).open(&probe).is_err();
        fs::remove_file(&probe).expect("remove");
        applies
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_shown_and_never_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        if !permissions_apply(dir.path()) {
            return;
        }
        let text = good_file_text();
        fs::write(file_in(&dir), &text).expect("write");
        fs::set_permissions(file_in(&dir), fs::Permissions::from_mode(0o444)).expect("chmod");
        let (mut store, notices) = ProgressStore::open(file_in(&dir));
        assert!(
            matches!(notices.as_slice(), [StoreNotice::NotSaved { .. }]),
            "{notices:?}"
        );
        assert_eq!(store.mode(), &StoreMode::ReadOnly);
        assert_eq!(store.progress(), &full_progress());
        store.update(|p| p.open_section("c", "m", 0));
        assert_eq!(fs::read_to_string(file_in(&dir)).expect("read"), text);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_is_told_at_open_and_saving_is_tried_again() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        if !permissions_apply(dir.path()) {
            return;
        }
        let text = good_file_text();
        fs::write(file_in(&dir), &text).expect("write");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
        let (mut store, notices) = ProgressStore::open(file_in(&dir));
        assert!(
            matches!(notices.as_slice(), [StoreNotice::NotSaved { .. }]),
            "{notices:?}"
        );
        assert_eq!(store.mode(), &StoreMode::ReadWrite);
        let notice = store.update(|p| p.open_section("c", "m", 0));
        assert!(matches!(notice, Some(StoreNotice::NotSaved { .. })));
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        assert_eq!(store.update(|p| p.open_section("c", "m", 1)), None);
        let (again, _) = ProgressStore::open(file_in(&dir));
        let opened = &again
            .progress()
            .module("c", "m")
            .expect("module")
            .opened_sections;
        assert!(opened.contains(&0) && opened.contains(&1));
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_the_file_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update(|p| p.open_section("c", "m", 0));
        fs::set_permissions(file_in(&dir), fs::Permissions::from_mode(0o640)).expect("chmod");
        store.update(|p| p.open_section("c", "m", 1));
        let mode = fs::metadata(file_in(&dir))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("real.toml");
        let link = file_in(&dir);
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let (mut store, _) = ProgressStore::open(&link);
        assert_eq!(store.update(|p| p.open_section("c", "m", 0)), None);
        assert!(
            fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert!(target.is_file());
    }

    #[test]
    fn default_path_ends_in_kurs_progress_toml() {
        // Without a home folder there is no default, which is allowed.
        if let Some(path) = ProgressStore::default_path() {
            assert!(
                path.ends_with("kurs/progress.toml") || path.ends_with("kurs/data/progress.toml"),
                "{path:?}"
            );
        }
    }

    /// Opens `bytes` as a progress file and checks they survive, either in place or moved aside.
    fn open_keeps_the_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = file_in(&dir);
        fs::write(&path, bytes).expect("write");
        let (_store, _notices) = ProgressStore::open(&path);
        let in_place = fs::read(&path).ok();
        let aside = damaged_copies(dir.path());
        match (in_place, aside.as_slice()) {
            (Some(kept), []) => prop_assert_eq!(kept.as_slice(), bytes),
            (None, [kept_as]) => {
                let kept = fs::read(kept_as).expect("kept");
                prop_assert_eq!(kept.as_slice(), bytes);
            }
            (in_place, aside) => prop_assert!(false, "file {in_place:?}, copies {aside:?}"),
        }
        Ok(())
    }

    #[test]
    fn every_truncation_of_a_real_file_keeps_its_bytes() {
        let text = good_file_text();
        for end in 0..=text.len() {
            if let Err(error) = open_keeps_the_bytes(&text.as_bytes()[..end]) {
                panic!("truncated at {end}: {error}");
            }
        }
    }

    proptest! {
        #[test]
        fn random_bytes_never_panic_and_are_kept(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            open_keeps_the_bytes(&bytes)?;
        }

        #[test]
        fn corrupted_real_file_is_kept(position in 0usize..2000, byte in any::<u8>()) {
            let mut bytes = good_file_text().into_bytes();
            let at = position % bytes.len();
            bytes[at] = byte;
            open_keeps_the_bytes(&bytes)?;
        }
    }
}
