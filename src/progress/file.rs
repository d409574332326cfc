//! One progress file and what kurs knows of it: read, kept aside when damaged, written back;
//! the bytes on disk are `disk.rs`'s.
//! The store (`store.rs`) keeps several of these — the index and one file per course — and
//! holds the lock while it calls them; nothing here locks.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use super::disk::{
    Kind, LOCK_WAIT, LockFailure, OnDisk, Wait, file_bytes, file_stamp, file_text, folder_of,
    hash_of, hold_lock, may_replace, move_aside, new_temp_file, parse_as, read_file, real_path,
    sync_folder, write_atomically,
};
use super::model::Progress;
use super::store::{StoreMode, StoreNotice};

/// What opening may do: the player keeps a damaged file aside (under the lock) to go on with an
/// empty progress; a read-only command such as `kurs progress` only looks, and changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Access {
    Play,
    Inspect,
}

/// One progress file and what kurs currently knows of it.
#[derive(Debug)]
pub(super) struct ProgressFile {
    /// The path the learner knows (for the index, a symbolic link stays a link: saving replaces
    /// its target; a course file is never reached through a link).
    path: PathBuf,
    kind: Kind,
    progress: Progress,
    mode: StoreMode,
    /// Hash of the bytes `progress` was read from or written as, `None` when there was no file:
    /// a file that still holds exactly these bytes is not parsed again before the next save.
    on_disk: Option<[u8; 32]>,
    /// Some change is only in memory because saving it failed.
    unsaved: bool,
    /// The unsaved change is the deletion of the file (a reset).
    remove_pending: bool,
    /// Set by fault-injection tests to make every save fail as a full disk would.
    pub(super) fail_writes: bool,
    /// The course's progress is lent to the store's view (moved, not copied: years of progress
    /// are held once); the store gives it back before the file is changed or saved.
    lent: bool,
}

/// The store's lock, taken the first time a file needs it and held until dropped; and what
/// opening the store's files has found out about their folder meanwhile.
pub(super) struct Lock<'a> {
    file: &'a Path,
    held: Option<File>,
    /// A temporary file could be made beside a course file: all course files lie in one folder,
    /// so the others need not try again (at start, once for hundreds of courses).
    course_folder_takes_temp_files: bool,
}

impl<'a> Lock<'a> {
    pub(super) fn new(file: &'a Path) -> Self {
        Lock {
            file,
            held: None,
            course_folder_takes_temp_files: false,
        }
    }

    /// Err says why the lock could not be had, in words for a notice.
    pub(super) fn hold(&mut self) -> Result<(), String> {
        if self.held.is_none() {
            self.held = Some(
                hold_lock(self.file, Wait::Queued(LOCK_WAIT)).map_err(|failure| match failure {
                    LockFailure::Busy => "another kurs is using this progress".to_owned(),
                    LockFailure::Failed(error) => error.to_string(),
                })?,
            );
        }
        Ok(())
    }
}

impl ProgressFile {
    /// A file not read yet: as if it were missing.
    pub(super) fn new(path: PathBuf, kind: Kind) -> ProgressFile {
        ProgressFile {
            path,
            kind,
            progress: Progress::default(),
            mode: StoreMode::ReadWrite,
            on_disk: None,
            unsaved: false,
            remove_pending: false,
            fail_writes: false,
            lent: false,
        }
    }

    /// Reads the file; a damaged one is moved aside (under `lock`, when `access` allows) and reported.
    pub(super) fn open(
        path: PathBuf,
        kind: Kind,
        lock: &mut Lock,
        access: Access,
    ) -> (ProgressFile, Option<StoreNotice>) {
        let mut file = ProgressFile::new(path, kind);
        let read = read_file(&file.target(), kind);
        let notice = file.load_from(read, lock, access);
        (file, notice)
    }

    /// The file on disk: the index through the learner's link, a course file never through one.
    fn target(&self) -> PathBuf {
        match self.kind {
            Kind::Index => real_path(&self.path),
            Kind::Course => self.path.clone(),
        }
    }

    /// From now on nothing is written to this file; changes are kept in memory.
    pub(super) fn set_read_only(&mut self) {
        self.mode = StoreMode::ReadOnly;
    }

    pub(super) fn mode(&self) -> &StoreMode {
        &self.mode
    }

    pub(super) fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Lends the progress of `course` to the store's view until [`ProgressFile::give_back`].
    pub(super) fn lend(&mut self, course: &str) -> Option<super::model::CourseProgress> {
        let progress = self.progress.courses.remove(course)?;
        self.lent = true;
        Some(progress)
    }

    /// Takes back what [`ProgressFile::lend`] lent.
    pub(super) fn give_back(&mut self, course: &str, progress: super::model::CourseProgress) {
        self.progress.courses.insert(course.to_owned(), progress);
        self.lent = false;
    }

    pub(super) fn is_lent(&self) -> bool {
        self.lent
    }

    /// Whether the file has progress of `course`, here or lent.
    pub(super) fn holds(&self, course: &str) -> bool {
        self.lent || self.progress.courses.contains_key(course)
    }

    /// The progress read, given up (the file is not saved again through this value).
    pub(super) fn into_progress(self) -> Progress {
        self.progress
    }

    /// The id of the course this course file is for: the course it holds whose file name it
    /// has. `None` for a file named for another course (renamed by hand), which is left alone.
    pub(super) fn own_course_id(&self) -> Option<String> {
        self.progress
            .courses
            .keys()
            .find(|id| self.path.file_name() == Some(super::store::file_name(id).as_ref()))
            .cloned()
    }

    /// The progress of the course this file is for (see [`ProgressFile::own_course_id`]).
    pub(super) fn into_own_course(mut self) -> Option<(String, super::model::CourseProgress)> {
        let id = self.own_course_id()?;
        let course = self.progress.courses.remove(&id)?;
        Some((id, course))
    }

    /// Nothing waits in memory after a failed save, and the file is one kurs writes.
    pub(super) fn all_saved(&self) -> bool {
        self.mode == StoreMode::ReadWrite && !self.unsaved
    }

    /// Applies a change in memory only, to be saved with the next change that can be.
    pub(super) fn keep_unsaved(&mut self, change: impl FnOnce(&mut Progress)) {
        change(&mut self.progress);
        if self.mode == StoreMode::ReadWrite {
            self.unsaved = true;
        }
    }

    /// Applies a change and saves it; the caller holds the store's lock. Re-reads the file
    /// (another instance may have written), applies `change` to what was read, writes atomically.
    ///
    /// On any failure the change is still applied in memory and a `NotSaved` notice is returned.
    /// ReadOnly: apply in memory only and return `None` (the notice was already given at open).
    pub(super) fn update(&mut self, change: impl FnOnce(&mut Progress)) -> Option<StoreNotice> {
        if self.mode == StoreMode::ReadOnly {
            change(&mut self.progress);
            return None;
        }
        let file = self.target();
        let mut notice = None;
        let read = self.read_again(&file);
        // The file holds what memory holds: a change that changes nothing need not be written.
        let in_step = matches!(read, OnDisk::Unchanged) && !self.unsaved;
        let mut base = match read {
            // Unchanged since we last read or wrote it: memory is the whole truth, removals
            // included. Deleted behind our back: what we hold in memory is the best there is.
            OnDisk::Unchanged | OnDisk::Missing => std::mem::take(&mut self.progress),
            OnDisk::Good(disk, _) if !self.unsaved => disk,
            OnDisk::Good(mut disk, _) => {
                // Earlier changes failed to save and live only in memory; they must not be dropped.
                disk.merge_from(&self.progress);
                disk
            }
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
            OnDisk::Foreign(what) => {
                // Not kurs's to replace; saved once the learner has moved it out of the way.
                self.keep_unsaved(change);
                return Some(StoreNotice::NotOurs {
                    path: self.path.clone(),
                    what,
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
                    std::mem::take(&mut self.progress)
                }
                Err(error) => {
                    // Never write over a file we could not keep; try again with the next change.
                    self.keep_unsaved(change);
                    return Some(self.not_saved(format!(
                        "the file is damaged ({reason}) and could not be moved aside: {error}"
                    )));
                }
            },
        };
        if in_step {
            let before = base.clone();
            change(&mut base);
            if base == before {
                self.progress = base;
                return None;
            }
        } else {
            change(&mut base);
        }
        // The lowest version that holds it, so that a file without partial credit stays one an
        // older kurs reads and writes (see `SCHEMA_VERSION`).
        base.schema_version = base.version_needed();
        let text = file_text(&base);
        let written = if self.fail_writes {
            Err(io::Error::other("writing is switched off for a test"))
        } else {
            may_replace(&file)
                .and_then(|()| {
                    text.as_ref()
                        .map_err(|error| io::Error::other(error.to_string()))
                })
                .and_then(|text| write_atomically(&file, text))
        };
        self.progress = base;
        match written {
            Ok(hash) => {
                self.unsaved = false;
                self.remove_pending = false;
                self.on_disk = Some(hash);
                notice
            }
            Err(error) => {
                self.unsaved = true;
                if error.kind() == io::ErrorKind::FileTooLarge {
                    // The old file stays: one kurs could not read back would be lost at the next start.
                    return Some(StoreNotice::TooLarge {
                        path: self.path.clone(),
                        size: text.map_or(0, |text| text.len() as u64),
                    });
                }
                Some(self.not_saved(error.to_string()))
            }
        }
    }

    /// Deletes the file (a course the learner reset); the caller holds the store's lock.
    /// A file that changed since it was read is left alone and reported as not saved.
    pub(super) fn remove(&mut self) -> Option<StoreNotice> {
        if self.mode == StoreMode::ReadOnly {
            self.progress = Progress::default();
            return None;
        }
        let file = self.target();
        self.progress = Progress::default();
        let result = if self.fail_writes {
            Err(io::Error::other("writing is switched off for a test"))
        } else if matches!(read_file(&file, self.kind), OnDisk::Foreign(_)) {
            // Not a file kurs wrote: nothing of the learner's progress to delete, and not ours to.
            Ok(())
        } else {
            match fs::remove_file(&file) {
                Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            }
        };
        match result {
            Ok(()) => {
                sync_folder(folder_of(&file));
                self.on_disk = None;
                self.unsaved = false;
                self.remove_pending = false;
                None
            }
            Err(error) => {
                self.unsaved = true;
                self.remove_pending = true;
                Some(self.not_saved(error.to_string()))
            }
        }
    }

    /// Saves what waits in memory after a failed save; the caller holds the store's lock.
    pub(super) fn flush(&mut self) -> Option<StoreNotice> {
        if !self.unsaved || self.mode == StoreMode::ReadOnly {
            None
        } else if self.remove_pending {
            self.remove()
        } else {
            self.update(|_| {})
        }
    }

    /// What the file holds now, compared with what this file last read or wrote.
    fn read_again(&mut self, file: &Path) -> OnDisk {
        match file_bytes(file, self.kind) {
            Ok(bytes) => {
                let hash = hash_of(&bytes);
                if self.on_disk == Some(hash) {
                    OnDisk::Unchanged
                } else {
                    parse_as(&bytes, file, self.kind)
                }
            }
            Err(on_disk) => on_disk,
        }
    }

    fn not_saved(&self, reason: String) -> StoreNotice {
        StoreNotice::NotSaved {
            path: self.path.clone(),
            reason,
        }
    }

    /// Opens many course files at once: they are read and parsed on every core, then taken in
    /// order (moving damaged ones aside under `lock`, when `access` allows).
    pub(super) fn open_many(
        paths: Vec<PathBuf>,
        lock: &mut Lock,
        access: Access,
    ) -> Vec<(ProgressFile, Option<StoreNotice>)> {
        Self::open_many_read(paths, lock, access, std::collections::HashMap::new())
    }

    /// As `open_many`, taking what `known` holds for a path (read ahead, see
    /// `ProgressStore::read_ahead`) instead of reading it.
    pub(super) fn open_many_read(
        paths: Vec<PathBuf>,
        lock: &mut Lock,
        access: Access,
        mut known: std::collections::HashMap<PathBuf, OnDisk>,
    ) -> Vec<(ProgressFile, Option<StoreNotice>)> {
        let mut reads: Vec<Option<OnDisk>> = paths.iter().map(|p| known.remove(p)).collect();
        let missing = reads.iter().filter(|read| read.is_none()).count();
        // One file (`kurs progress` asks course by course) is read here: the number of cores
        // is asked only when there is more than one (the question reads the cgroup files).
        let threads = if missing > 1 {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(missing)
        } else {
            1
        };
        if threads > 1 {
            let unread: Vec<usize> = (0..paths.len()).filter(|&i| reads[i].is_none()).collect();
            let done: Vec<Vec<(usize, OnDisk)>> = std::thread::scope(|scope| {
                let workers: Vec<_> = (0..threads)
                    .map(|first| {
                        let (paths, unread) = (&paths, &unread);
                        scope.spawn(move || {
                            unread[first..]
                                .iter()
                                .step_by(threads)
                                .map(|&i| (i, read_file(&paths[i], Kind::Course)))
                                .collect()
                        })
                    })
                    .collect();
                workers
                    .into_iter()
                    .map(|worker| worker.join().unwrap_or_default())
                    .collect()
            });
            for (i, read) in done.into_iter().flatten() {
                reads[i] = Some(read);
            }
        }
        paths
            .into_iter()
            .zip(reads)
            .map(|(path, read)| {
                let mut file = ProgressFile::new(path, Kind::Course);
                let read = read.unwrap_or_else(|| read_file(&file.path, Kind::Course));
                let notice = file.load_from(read, lock, access);
                (file, notice)
            })
            .collect()
    }

    /// Takes what was read at open, moving a damaged file aside when `access` allows.
    fn load_from(&mut self, read: OnDisk, lock: &mut Lock, access: Access) -> Option<StoreNotice> {
        let file = self.target();
        if access == Access::Inspect {
            return self.inspect(read);
        }
        let reason = match self.take(&file, read, &mut lock.course_folder_takes_temp_files) {
            Ok(notice) => return notice,
            Err(reason) => reason,
        };
        // Moving aside under the lock: otherwise another kurs could save a good file just before
        // our rename, and we would carry its fresh progress away.
        if let Err(error) = lock.hold() {
            return Some(self.read_only_unreadable(format!(
                "the file is damaged ({reason}) and cannot be moved aside: {error}"
            )));
        }
        let probed = &mut lock.course_folder_takes_temp_files;
        let reason = match self.take(&file, read_file(&file, self.kind), probed) {
            Ok(notice) => return notice,
            Err(reason) => reason,
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

    /// Takes what was read at open; Err is the reason the file is damaged (and must be moved aside).
    fn take(
        &mut self,
        file: &Path,
        read: OnDisk,
        probed: &mut bool,
    ) -> Result<Option<StoreNotice>, String> {
        Ok(match read {
            OnDisk::Missing | OnDisk::Unchanged => None,
            OnDisk::Good(progress, hash) => self.take_good(file, progress, hash, probed),
            OnDisk::Newer(version) => Some(self.read_only_newer(version)),
            OnDisk::Unreadable(reason) => Some(self.read_only_unreadable(reason)),
            OnDisk::Foreign(what) => Some(StoreNotice::NotOurs {
                path: self.path.clone(),
                what,
            }),
            OnDisk::Damaged(reason) => return Err(reason),
        })
    }

    /// Takes what was read for a read-only command: nothing is locked, created, moved or written.
    fn inspect(&mut self, read: OnDisk) -> Option<StoreNotice> {
        self.mode = StoreMode::ReadOnly;
        match read {
            OnDisk::Missing | OnDisk::Unchanged => None,
            OnDisk::Good(progress, hash) => {
                self.on_disk = Some(hash);
                self.progress = progress;
                None
            }
            OnDisk::Damaged(_) => Some(StoreNotice::Damaged {
                path: self.path.clone(),
            }),
            other => self
                .take(&self.path.clone(), other, &mut false)
                .unwrap_or(None),
        }
    }

    /// Takes the progress of an intact file and says now, not after an hour of work, when it
    /// cannot be saved. `probed`: a temporary file was made beside another course file already.
    fn take_good(
        &mut self,
        file: &Path,
        progress: Progress,
        hash: [u8; 32],
        probed: &mut bool,
    ) -> Option<StoreNotice> {
        self.on_disk = Some(hash);
        self.progress = progress;
        if let Err(error) = may_replace(file) {
            self.mode = StoreMode::ReadOnly;
            return Some(self.not_saved(error.to_string()));
        }
        // Saving needs a temporary file next to the file; a folder that refuses one fails every
        // save. Stay ready to write: the learner may fix the folder while kurs runs.
        if self.kind == Kind::Course && *probed {
            return None;
        }
        if let Err(error) = new_temp_file(file) {
            return Some(self.not_saved(error.to_string()));
        }
        *probed = self.kind == Kind::Course;
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
