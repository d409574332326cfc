//! Where the learner's progress lives and how it is kept safe: the lock against a second kurs,
//! one small file per course, and the index that says where the learner was last.
//!
//! Layout, for the path `progress.toml` (the learner may choose another with `--progress`):
//!
//! ```text
//! progress.toml                  index: schema_version, last_course
//! progress.toml.lock             held while a kurs reads-modifies-writes
//! progress/<course-id>.toml      one course: sections, marks, attempts, answers
//! ```
//!
//! A save writes only the file of the course that changed (and the index when the learner moved
//! to another course), so saving costs the same in a library of one course or of hundreds.
//! Files of the first layout (schema_version 1, every course in `progress.toml`) are read as
//! they are and split into course files at the first save.
//! Whatever happens, no file is overwritten with less or deleted: damaged files are moved aside.
//!
//! The folder of the course files is kurs's own: made by kurs for its owner only, refused when
//! another user owns it or others may write it, and in it kurs reads, moves, replaces and deletes
//! only files it wrote (they begin with the mark `# kurs progress file`), never through a
//! symbolic link. A read-only command (`ProgressStore::inspect`) changes nothing at all.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::disk::{self, Kind, LockFailure, OnDisk, Wait};
pub use super::disk::{MAX_FILE_SIZE, file_text, read_bytes};
use super::file::{Access, Lock, ProgressFile};
use super::model::Progress;

/// The learner's progress on disk and what kurs currently knows of it.
#[derive(Debug)]
pub struct ProgressStore {
    path: PathBuf,
    index: ProgressFile,
    /// The course files read or written, by course id.
    courses: BTreeMap<String, ProgressFile>,
    /// Everything together, as the front ends see it. A course file's progress is moved here
    /// (lent), not copied; it goes back to its file while that file is changed or saved.
    view: Progress,
    /// Set by fault-injection tests to make every save fail as a full disk would.
    fail_writes: bool,
    /// Temporary files left by killed saves have been cleared (once per store is enough).
    swept: bool,
    /// The last save found the lock held by another process for longer than `LOCK_WAIT`; until
    /// a save gets it again, saves wait only `BUSY_WAIT` (the learner has been told).
    busy: bool,
    /// Counts the changes to `view`, so a screen can keep what it derived from the progress.
    generation: u64,
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
    /// A read-only command found the file damaged and left it as it is; the player keeps it aside.
    Damaged { path: PathBuf },
    /// A file in the folder of the course files that kurs did not write: never read, moved,
    /// replaced or deleted; a course named like it is not saved until it is moved away.
    NotOurs { path: PathBuf, what: NotOurs },
    /// The folder of the course files is not one kurs may trust; nothing is read from or saved in it.
    FolderRefused {
        folder: PathBuf,
        problem: FolderProblem,
    },
    /// Another process held the lock for longer than kurs waits; the change is kept in memory
    /// and saved by the next save that gets the lock.
    Busy { path: PathBuf },
    /// Saving would make the file larger than kurs reads back; the old file is kept and the
    /// change lives in memory only.
    TooLarge { path: PathBuf, size: u64 },
}

/// What a file kurs did not write is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotOurs {
    /// A symbolic link, which kurs never follows there.
    Link,
    /// A folder, a pipe, a device.
    NotAFile,
    /// A file whose content is not that of a progress file kurs wrote.
    Content,
}

/// Why kurs does not trust the folder of the course files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FolderProblem {
    /// It is a symbolic link.
    Link,
    /// Something other than a folder has its name.
    NotAFolder,
    /// Another user owns it.
    Owner,
    /// Its group or everyone may write in it.
    Writable,
}

/// Course files read and parsed ahead of opening the store (`ProgressStore::read_ahead`).
#[derive(Default)]
pub struct ReadAhead(HashMap<PathBuf, OnDisk>);

impl ProgressStore {
    /// The file used when no --progress / $KURS_PROGRESS is given:
    /// `$XDG_STATE_HOME/kurs/progress.toml` on Linux, the local data folder elsewhere.
    pub fn default_path() -> Option<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "kurs")?;
        // state_dir exists only on Linux; the local data folder is the closest match elsewhere.
        let folder = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
        Some(folder.join("progress.toml"))
    }

    /// The folder of the course files that belong to the index at `path`:
    /// `progress.toml` → `progress/`, `kurs-progress.toml` → `kurs-progress/`.
    pub fn courses_folder(path: &Path) -> PathBuf {
        let file = disk::real_path(path);
        let stem = file
            .file_stem()
            .filter(|stem| Some(*stem) != file.file_name())
            .map_or_else(
                || {
                    let mut name = file.file_name().unwrap_or_default().to_owned();
                    name.push(".courses");
                    name
                },
                std::ffi::OsStr::to_owned,
            );
        disk::folder_of(&file).join(stem)
    }

    /// Never fails: missing files are an empty progress; damaged ones are moved aside
    /// (never overwritten or deleted) and reported.
    pub fn open(path: impl Into<PathBuf>) -> (ProgressStore, Vec<StoreNotice>) {
        Self::open_with(path.into(), Access::Play, None, HashMap::new())
    }

    /// As [`ProgressStore::open`], but of the course files only those of `courses` are read:
    /// the progress the first screen of a large library shows, while the whole store is opened
    /// later ([`crate::session::Session::open_first`]). Meant to be replaced by the whole store
    /// before the learner changes anything.
    pub fn open_courses(
        path: impl Into<PathBuf>,
        courses: &[&str],
    ) -> (ProgressStore, Vec<StoreNotice>) {
        Self::open_courses_read(path, courses, ReadAhead::default())
    }

    /// Reads and parses the course files of `courses` without opening the store (nothing is
    /// locked, created, moved or written), for [`ProgressStore::open_courses_read`] to take:
    /// the player reads them while it reads the courses, by the ids it guesses.
    pub fn read_ahead(path: &Path, courses: &[&str]) -> ReadAhead {
        let folder = Self::courses_folder(path);
        // Only in a folder kurs trusts, as the store itself reads (where nobody else can put a
        // pipe in a file's place between the look and the open).
        if disk::folder_problem(&folder).is_some() {
            return ReadAhead::default();
        }
        ReadAhead(
            courses
                .iter()
                .map(|id| {
                    let file = folder.join(file_name(id));
                    let read = disk::read_file(&file, Kind::Course);
                    (file, read)
                })
                .collect(),
        )
    }

    /// As [`ProgressStore::open_courses`], taking the files read ahead instead of reading them
    /// again; a file read ahead that is not one of `courses` is dropped.
    pub fn open_courses_read(
        path: impl Into<PathBuf>,
        courses: &[&str],
        ahead: ReadAhead,
    ) -> (ProgressStore, Vec<StoreNotice>) {
        let names: std::collections::HashSet<String> =
            courses.iter().map(|id| file_name(id)).collect();
        Self::open_with(path.into(), Access::Play, Some(&names), ahead.0)
    }

    /// Whether the index names a course the learner was last in (the player then reopens it).
    pub fn has_last_course(&self) -> bool {
        self.index.progress().last_course.is_some()
    }

    /// For commands that only show the progress (`kurs progress`): reads what the player would
    /// read and says what it would say, but locks, creates, moves and writes nothing; a damaged
    /// file is left where it is (`StoreNotice::Damaged`). The store is read-only.
    pub fn inspect(path: impl Into<PathBuf>) -> (ProgressStore, Vec<StoreNotice>) {
        Self::open_with(path.into(), Access::Inspect, None, HashMap::new())
    }

    /// For commands that show the progress of a library one course at a time (`kurs
    /// progress`): looks as [`ProgressStore::inspect`] does, changing nothing, but reads a
    /// course's file only when [`Inspection::course`] asks for it, and keeps none of it, so that
    /// years of progress over thousands of modules are never held at once.
    pub fn inspect_lazily(path: impl Into<PathBuf>) -> Inspection {
        let path = path.into();
        let lock_file = disk::real_path(&path);
        let mut lock = Lock::new(&lock_file);
        let (index, notices, course_files) = Self::open_index(&path, &mut lock, Access::Inspect);
        let files = course_files
            .into_iter()
            .filter_map(|file| Some((file.file_name()?.to_string_lossy().into_owned(), file)))
            .collect();
        Inspection {
            lock_file: lock_file.clone(),
            files,
            index: index.into_progress(),
            notices,
        }
    }

    fn open_with(
        path: PathBuf,
        access: Access,
        only: Option<&std::collections::HashSet<String>>,
        known: HashMap<PathBuf, OnDisk>,
    ) -> (ProgressStore, Vec<StoreNotice>) {
        let lock_file = disk::real_path(&path);
        let mut lock = Lock::new(&lock_file);
        let (index, notices, mut paths) = Self::open_index(&path, &mut lock, access);
        if let Some(only) = only {
            paths.retain(|file| {
                file.file_name()
                    .is_some_and(|name| only.contains(name.to_string_lossy().as_ref()))
            });
        }
        let mut notices = notices;
        let mut store = ProgressStore {
            courses: BTreeMap::new(),
            view: Progress::default(),
            fail_writes: false,
            swept: false,
            busy: false,
            generation: 0,
            path,
            index,
        };
        for (course, notice) in ProgressFile::open_many_read(paths, &mut lock, access, known) {
            notices.extend(notice);
            // A file named for another course (renamed by hand) is left as it is.
            if let Some(id) = course.own_course_id() {
                store.courses.insert(id, course);
            }
        }
        store.rebuild_view();
        (store, notices)
    }

    /// Opens the index and says which course files to read: none when the index cannot be
    /// written (it may come from a newer kurs whose course files this one must not touch) or the
    /// folder of the course files is not one kurs trusts (the index is then read only).
    fn open_index(
        path: &Path,
        lock: &mut Lock,
        access: Access,
    ) -> (ProgressFile, Vec<StoreNotice>, Vec<PathBuf>) {
        let mut notices = Vec::new();
        let (mut index, notice) = ProgressFile::open(path.to_path_buf(), Kind::Index, lock, access);
        // Only looking, the course files are read whenever the player would read them.
        let read_courses = match access {
            Access::Play => index.mode() == &StoreMode::ReadWrite,
            Access::Inspect => matches!(notice, None | Some(StoreNotice::Damaged { .. })),
        };
        notices.extend(notice);
        let folder = Self::courses_folder(path);
        if !read_courses {
            return (index, notices, Vec::new());
        }
        if let Some(problem) = disk::folder_problem(&folder) {
            notices.push(StoreNotice::FolderRefused { folder, problem });
            index.set_read_only();
            return (index, notices, Vec::new());
        }
        (index, notices, course_files(&folder))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// ReadOnly when the index comes from a newer kurs or cannot be read.
    pub fn mode(&self) -> &StoreMode {
        self.index.mode()
    }

    pub fn progress(&self) -> &Progress {
        &self.view
    }

    /// A number that changes whenever `progress()` may have changed.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether everything the learner did is on disk: no change waits in memory after a failed
    /// save, and no file is one this kurs only reads. A front end says "saved" only then.
    pub fn all_saved(&self) -> bool {
        self.index.all_saved() && self.courses.values().all(ProgressFile::all_saved)
    }

    /// Makes every following save fail, to test how the player copes with a full disk.
    #[doc(hidden)]
    pub fn set_write_failure(&mut self, fail: bool) {
        self.fail_writes = fail;
        self.index.fail_writes = fail;
        for course in self.courses.values_mut() {
            course.fail_writes = fail;
        }
    }

    /// Applies a change to `course` and saves it: take the lock, re-read the course's file
    /// (another instance may have written), apply `change`, write atomically, release. The index
    /// is written only when the change moves `last_course`.
    ///
    /// `change` sees the whole progress of `course` and `last_course`; other courses are not
    /// part of it, and what it does to them is not kept.
    /// On any failure the change is still applied in memory and a `NotSaved` notice is returned;
    /// the next save that works writes it too.
    pub fn update(
        &mut self,
        course: &str,
        change: impl FnOnce(&mut Progress),
    ) -> Option<StoreNotice> {
        let mut last_course = self.index.progress().last_course.clone();
        let apply = |doc: &mut Progress| {
            doc.last_course.clone_from(&last_course);
            change(doc);
            last_course = doc.last_course.take();
            doc.courses.retain(|id, _| id == course);
        };
        let notice = match self.begin() {
            Ok((_lock, earlier)) => {
                let notice = self.with_file(course, |file| file.update(apply));
                let place = self.save_place(&last_course);
                earlier.or(notice).or(place)
            }
            Err(notice) => {
                self.with_file(course, |file| file.keep_unsaved(apply));
                self.index
                    .keep_unsaved(|doc| doc.last_course.clone_from(&last_course));
                notice
            }
        };
        self.rebuild_course(course);
        notice
    }

    /// Forgets one course (`Some(id)`) or everything (`None`): its files are deleted, and the
    /// index forgets the place when it was in a forgotten course.
    pub fn reset(&mut self, course: Option<&str>) -> Option<StoreNotice> {
        let ids: Vec<String> = match course {
            Some(id) => vec![id.to_owned()],
            None => self.view.courses.keys().cloned().collect(),
        };
        let last = self
            .index
            .progress()
            .last_course
            .clone()
            .filter(|last| course.is_some_and(|course| course != last));
        let notice = match self.begin() {
            Ok((_lock, mut notice)) => {
                for id in &ids {
                    notice = notice.or(self.with_file(id, ProgressFile::remove));
                }
                notice.or(self.save_place(&last))
            }
            Err(notice) => {
                for id in &ids {
                    self.with_file(id, |file| file.keep_unsaved(|doc| doc.courses.clear()));
                }
                self.index
                    .keep_unsaved(|doc| doc.last_course.clone_from(&last));
                notice
            }
        };
        for id in &ids {
            self.rebuild_course(id);
        }
        notice
    }

    /// Takes the lock and does what every save does first: clear temporary files of killed
    /// saves (once per store), look at the index again (a newer kurs may have written it), give
    /// courses still in the index their own files, and save what earlier failed to save,
    /// whichever course it belongs to.
    ///
    /// Err: nothing may be written now (read only, or no lock); the notice says why, if new.
    fn begin(&mut self) -> Result<(File, Option<StoreNotice>), Option<StoreNotice>> {
        if self.mode() == &StoreMode::ReadOnly {
            return Err(None);
        }
        let lock_file = disk::real_path(&self.path);
        // Told once that another kurs holds the lock, the learner is not kept waiting at every
        // move: until the lock is had again, each save waits only a moment.
        let wait = if self.busy {
            Wait::Polled(disk::BUSY_WAIT)
        } else {
            Wait::Queued(disk::LOCK_WAIT)
        };
        let lock = match disk::hold_lock(&lock_file, wait) {
            Ok(lock) => lock,
            Err(LockFailure::Busy) => {
                self.busy = true;
                return Err(Some(StoreNotice::Busy {
                    path: self.path.clone(),
                }));
            }
            Err(LockFailure::Failed(error)) => {
                return Err(Some(StoreNotice::NotSaved {
                    path: self.path.clone(),
                    reason: format!(
                        "cannot lock {}: {error}",
                        disk::lock_path(&lock_file).display()
                    ),
                }));
            }
        };
        self.busy = false;
        let folder = Self::courses_folder(&self.path);
        if let Err(error) = disk::make_private_folder(&folder) {
            return Err(Some(StoreNotice::NotSaved {
                path: folder,
                reason: error.to_string(),
            }));
        }
        if let Some(problem) = disk::folder_problem(&folder) {
            return Err(Some(StoreNotice::FolderRefused { folder, problem }));
        }
        if !self.swept {
            disk::remove_stale_temp_files(&lock_file);
            disk::remove_stale_temp_files_in(&folder);
            self.swept = true;
        }
        let index = self.index.update(|_| {});
        if self.mode() == &StoreMode::ReadOnly {
            return Err(index);
        }
        let mut notice = index.or(self.move_courses_out_of_index());
        let unsaved: Vec<String> = self
            .courses
            .iter()
            .filter(|(_, file)| !file.all_saved() && file.mode() == &StoreMode::ReadWrite)
            .map(|(id, _)| id.clone())
            .collect();
        for id in &unsaved {
            notice = notice.or(self.with_file(id, ProgressFile::flush));
            self.rebuild_course(id);
        }
        Ok((lock, notice))
    }

    /// Writes the place into the index, under the lock `begin` took. `begin` has just read the
    /// index again, so an unchanged place needs no second read and no write.
    fn save_place(&mut self, last: &Option<String>) -> Option<StoreNotice> {
        if &self.index.progress().last_course == last {
            return None;
        }
        self.index.update(|doc| doc.last_course.clone_from(last))
    }

    /// Runs `act` on the file of `course` (known or new) with the course's progress given back
    /// to it from the view; [`ProgressStore::rebuild_course`] lends it to the view again.
    fn with_file<T>(&mut self, course: &str, act: impl FnOnce(&mut ProgressFile) -> T) -> T {
        let lent = self
            .courses
            .get(course)
            .is_some_and(ProgressFile::is_lent)
            .then(|| self.view.courses.remove(course))
            .flatten();
        let file = self.course_file(course);
        if let Some(progress) = lent {
            file.give_back(course, progress);
        }
        act(file)
    }

    /// The file of one course, known or new.
    fn course_file(&mut self, course: &str) -> &mut ProgressFile {
        let folder = Self::courses_folder(&self.path);
        let fail_writes = self.fail_writes;
        self.courses.entry(course.to_owned()).or_insert_with(|| {
            let mut file = ProgressFile::new(folder.join(file_name(course)), Kind::Course);
            file.fail_writes = fail_writes;
            file
        })
    }

    /// Courses still held in the index (a file of the first layout, or one edited by hand) get
    /// their own files; then the index lets them go. Called under the lock, before any save.
    fn move_courses_out_of_index(&mut self) -> Option<StoreNotice> {
        if self.index.progress().courses.is_empty() {
            return None;
        }
        let held = self.index.progress().courses.clone();
        for (id, course) in held {
            let has_file = self.courses.get(&id).is_some_and(|file| file.holds(&id));
            if has_file {
                continue;
            }
            // A course file another kurs wrote meanwhile is newer than the index's copy: it wins.
            let (notice, saved) = self.with_file(&id, |file| {
                let notice = file.update(|doc| {
                    doc.courses.entry(id.clone()).or_insert(course);
                });
                (notice, file.all_saved())
            });
            self.rebuild_course(&id);
            if !saved {
                // The index keeps the course until its file is written.
                return notice;
            }
        }
        self.index.update(|doc| doc.courses.clear())
    }

    /// The view after one course's file changed.
    /// The view after one course's file changed: the file lends the course to it again.
    fn rebuild_course(&mut self, course: &str) {
        self.generation += 1;
        self.view.last_course = self.index.progress().last_course.clone();
        let file = self.courses.get_mut(course);
        if file.as_ref().is_some_and(|file| file.is_lent()) {
            // Never given back: the view holds it as it is.
            return;
        }
        let own = file
            .and_then(|file| file.lend(course))
            .or_else(|| self.index.progress().courses.get(course).cloned());
        match own {
            Some(progress) => self.view.courses.insert(course.to_owned(), progress),
            None => self.view.courses.remove(course),
        };
    }

    /// The whole view: courses still held in the index, then each course file's lent over them.
    fn rebuild_view(&mut self) {
        let mut view = Progress {
            last_course: self.index.progress().last_course.clone(),
            courses: self.index.progress().courses.clone(),
            ..Progress::default()
        };
        for (id, file) in &mut self.courses {
            if let Some(course) = file.lend(id) {
                view.courses.insert(id.clone(), course);
            }
        }
        self.view = view;
    }
}

/// The course files in `folder`, sorted; hidden files (temporary files) and others are not.
/// Links and other files with such names are among them, to be told apart and left alone.
fn course_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name.ends_with(".toml")
        })
        .map(|entry| entry.path())
        .collect();
    files.sort();
    files
}

/// The progress opened by [`ProgressStore::inspect_lazily`]: the index read, the course files
/// found, each read when its course is asked for.
pub struct Inspection {
    lock_file: PathBuf,
    /// The course files, by file name.
    files: std::collections::HashMap<String, PathBuf>,
    /// The courses the index itself still holds (a store written before course files).
    index: Progress,
    notices: Vec<StoreNotice>,
}

impl Inspection {
    /// The progress of course `id`, read from its file now (or, where no file of its own has
    /// it, from the index; `None` when nothing is stored), with what reading it found (a
    /// damaged file, a newer one). Nothing of it is kept; many courses may be read at once.
    pub fn course(&self, id: &str) -> (Option<super::model::CourseProgress>, Vec<StoreNotice>) {
        let mut notices = Vec::new();
        if let Some(path) = self.files.get(&file_name(id)) {
            let mut lock = Lock::new(&self.lock_file);
            for (file, notice) in
                ProgressFile::open_many(vec![path.clone()], &mut lock, Access::Inspect)
            {
                notices.extend(notice);
                if let Some((own, progress)) = file.into_own_course()
                    && own == id
                {
                    return (Some(progress), notices);
                }
            }
        }
        (self.index.courses.get(id).cloned(), notices)
    }

    /// What opening the index found (a damaged index, a folder kurs does not trust).
    pub fn take_notices(&mut self) -> Vec<StoreNotice> {
        std::mem::take(&mut self.notices)
    }
}

/// The file name of a course's progress: its id when the id is a plain name (course ids are
/// lowercase letters, digits and hyphens), otherwise a safe name with a hash of the id.
pub fn file_name(course: &str) -> String {
    let plain = !course.is_empty()
        && course.len() <= 100
        && !course.starts_with('.')
        && course
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain {
        format!("{course}.toml")
    } else {
        let safe: String = course
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(40)
            .collect();
        format!("{safe}_{}.toml", crate::fingerprint::fingerprint(&[course]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::SectionSet;
    use crate::progress::WHOLE_POINTS_VERSION;
    use crate::progress::disk::{move_aside, with_suffix};
    use crate::progress::model::tests::full_progress;
    use proptest::prelude::*;
    use std::fs::OpenOptions;

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

    /// A store in `dir` that has saved one section of module `m` in each of `courses`.
    fn saved_courses(dir: &tempfile::TempDir, courses: &[&str]) -> ProgressStore {
        let (mut store, _) = ProgressStore::open(file_in(dir));
        for course in courses {
            assert_eq!(
                store.update(course, |p| p.open_section(course, "m", 0)),
                None
            );
        }
        store
    }

    /// The sections opened in module `m` of `course`.
    fn opened_in(store: &ProgressStore, course: &str) -> SectionSet {
        let module = store.progress().module(course, "m").expect("module m");
        module.opened_sections.clone()
    }

    /// Cuts a file kurs wrote in half, as a copy broken off would; returns the half left.
    fn cut_in_half(file: &Path) -> Vec<u8> {
        let whole = fs::read(file).expect("read");
        let half = whole[..whole.len() / 2].to_vec();
        fs::write(file, &half).expect("write");
        half
    }

    /// Saves every course of `progress`, and its place.
    fn store_all(store: &mut ProgressStore, progress: &Progress) {
        for (id, course) in &progress.courses {
            let notice = store.update(id, |p| {
                p.courses.insert(id.clone(), course.clone());
                p.last_course.clone_from(&progress.last_course);
            });
            assert_eq!(notice, None);
        }
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
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 1)), None);
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
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 0)), None);
        assert!(path.is_file());
    }

    #[test]
    fn update_leaves_only_the_file_and_its_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update("c", |p| p.open_section("c", "m", 0));
        assert_eq!(
            names_in(dir.path()),
            vec!["progress", "progress.toml", "progress.toml.lock"]
        );
        assert_eq!(names_in(&dir.path().join("progress")), vec!["c.toml"]);
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
        // What a killed save leaves: the beginning of a file kurs writes, or nothing yet.
        let copy = file_text(&full_progress()).expect("text");
        for (name, bytes) in stale.iter().zip([&copy[..30], ""]) {
            fs::write(dir.path().join(name), bytes).expect("write");
        }
        for name in &kept {
            fs::write(dir.path().join(name), &copy).expect("write");
        }
        // Named like a temporary file of kurs, but holding something else: not kurs's to delete.
        let foreign = ".progress.toml.Q1w2E3.tmp";
        fs::write(dir.path().join(foreign), "the learner's notes").expect("write");
        let courses = dir.path().join("progress");
        fs::create_dir(&courses).expect("folder");
        let stale_in_courses = [".c.toml.q9W8e7.tmp", ".other.toml.a1B2c3.tmp"];
        let kept_in_courses = [".c.toml.notes.tmp", "c.toml.a1B2c3.tmp"];
        for name in &stale_in_courses {
            fs::write(courses.join(name), "").expect("write");
        }
        for name in &kept_in_courses {
            fs::write(courses.join(name), &copy).expect("write");
        }
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 0)), None);
        let mut expected: Vec<String> = kept.iter().map(|n| n.to_string()).collect();
        expected.extend([
            foreign.into(),
            "progress".into(),
            "progress.toml".into(),
            "progress.toml.lock".into(),
        ]);
        expected.sort();
        assert_eq!(names_in(dir.path()), expected);
        let mut expected: Vec<String> = kept_in_courses.iter().map(|n| n.to_string()).collect();
        expected.push("c.toml".into());
        expected.sort();
        assert_eq!(names_in(&courses), expected);
    }

    #[test]
    fn each_course_has_its_own_file_and_a_save_writes_only_its_own() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store_all(&mut store, &full_progress());
        let courses = dir.path().join("progress");
        let files = names_in(&courses);
        assert_eq!(files.len(), full_progress().courses.len());
        let before: Vec<Vec<u8>> = files
            .iter()
            .map(|name| fs::read(courses.join(name)).expect("read"))
            .collect();
        let index_before = fs::read_to_string(file_in(&dir)).expect("index");
        let (first, _) = full_progress().courses.pop_first().expect("a course");
        let module = "a-new-module";
        assert_eq!(
            store.update(&first, |p| p.set_learned(&first, module, true, NOW)),
            None
        );
        for (name, before) in files.iter().zip(&before) {
            let now = fs::read(courses.join(name)).expect("read");
            assert_eq!(&now == before, *name != file_name(&first), "{name}");
        }
        assert_eq!(
            fs::read_to_string(file_in(&dir)).expect("index"),
            index_before,
            "the place did not change, so the index was not written"
        );
        let index: toml::Table = index_before.parse().expect("index is TOML");
        assert_eq!(
            index.keys().collect::<Vec<_>>(),
            ["schema_version", "last_course"]
        );
        let (again, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        let mut expected = full_progress();
        expected.set_learned(&first, module, true, NOW);
        assert_eq!(again.progress(), &expected);
    }

    #[test]
    fn a_file_of_the_first_layout_is_read_and_split_at_the_first_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut old = full_progress();
        old.schema_version = 1;
        fs::write(file_in(&dir), toml::to_string(&old).expect("toml")).expect("write");
        let (mut store, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        let mut expected = full_progress();
        assert_eq!(store.progress(), &expected);
        assert!(
            !dir.path().join("progress").exists(),
            "opening writes nothing"
        );

        assert_eq!(store.update("new", |p| p.open_section("new", "m", 0)), None);
        expected.open_section("new", "m", 0);
        assert_eq!(store.progress(), &expected);
        let index: toml::Table = fs::read_to_string(file_in(&dir))
            .expect("index")
            .parse()
            .expect("TOML");
        assert_eq!(index.get("courses"), None, "the courses left the index");
        assert_eq!(
            index.get("schema_version"),
            Some(&toml::Value::Integer(WHOLE_POINTS_VERSION.into())),
            "nothing of partial credit: the version older kurs reads and writes"
        );
        assert_eq!(
            names_in(&dir.path().join("progress")).len(),
            expected.courses.len()
        );
        let (again, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        assert_eq!(again.progress(), &expected);
    }

    #[test]
    fn splitting_keeps_a_course_file_another_kurs_wrote_meanwhile() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut old = Progress {
            schema_version: 1,
            ..Progress::default()
        };
        old.open_section("c", "old", 0);
        fs::write(file_in(&dir), toml::to_string(&old).expect("toml")).expect("write");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        // Another kurs wrote its course file but not the index (a crash between the two).
        let mut newer = old.clone();
        newer.schema_version = 2;
        newer.open_section("c", "newer", 0);
        newer.last_course = None;
        let courses = dir.path().join("progress");
        fs::create_dir_all(&courses).expect("folder");
        fs::write(
            courses.join("c.toml"),
            toml::to_string(&newer).expect("toml"),
        )
        .expect("write");
        assert_eq!(store.update("d", |p| p.open_section("d", "m", 0)), None);
        let (again, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        assert!(again.progress().module("c", "old").is_some());
        assert!(again.progress().module("c", "newer").is_some());
        assert!(again.progress().module("d", "m").is_some());
    }

    #[test]
    fn a_damaged_course_file_is_moved_aside_and_the_other_courses_stay() {
        let dir = tempfile::tempdir().expect("tempdir");
        saved_courses(&dir, &["a", "b"]);
        let broken = dir.path().join("progress").join("a.toml");
        let half = cut_in_half(&broken);
        let (mut again, notices) = ProgressStore::open(file_in(&dir));
        let [StoreNotice::MovedAside { path, kept_as, .. }] = notices.as_slice() else {
            panic!("{notices:?}");
        };
        assert_eq!(path, &broken);
        assert_eq!(fs::read(kept_as).expect("kept"), half);
        assert!(again.progress().module("a", "m").is_none());
        assert!(again.progress().module("b", "m").is_some());
        assert_eq!(again.update("a", |p| p.open_section("a", "m", 1)), None);
        let (third, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        assert!(third.progress().module("a", "m").is_some());
        assert!(third.progress().module("b", "m").is_some());
    }

    #[test]
    fn a_failed_save_is_written_by_the_next_save_of_any_course() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.set_write_failure(true);
        assert!(store.update("a", |p| p.open_section("a", "m", 0)).is_some());
        store.set_write_failure(false);
        assert_eq!(store.update("b", |p| p.open_section("b", "m", 0)), None);
        assert!(store.all_saved());
        let (again, _) = ProgressStore::open(file_in(&dir));
        assert!(again.progress().module("a", "m").is_some());
        assert!(again.progress().module("b", "m").is_some());
    }

    #[test]
    fn reset_deletes_the_course_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update("a", |p| p.open_section("a", "m", 0));
        store.update("b", |p| p.open_section("b", "m", 0));
        assert_eq!(store.reset(Some("b")), None);
        assert_eq!(names_in(&dir.path().join("progress")), vec!["a.toml"]);
        assert_eq!(store.progress().last_course, None, "the place was in b");
        let (mut again, _) = ProgressStore::open(file_in(&dir));
        assert!(again.progress().module("a", "m").is_some());
        assert!(again.progress().module("b", "m").is_none());
        assert_eq!(again.reset(None), None);
        assert_eq!(names_in(&dir.path().join("progress")), Vec::<String>::new());
        assert_eq!(again.progress(), &Progress::default());
    }

    /// Everything below `dir`, with the bytes of each file (links as `-> target`), sorted.
    fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).expect("read dir").flatten() {
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).expect("meta");
            if meta.file_type().is_symlink() {
                let target = fs::read_link(&path).expect("link");
                out.push((path, format!("-> {}", target.display()).into_bytes()));
            } else if meta.is_dir() {
                out.push((path.clone(), b"/".to_vec()));
                out.extend(tree(&path));
            } else {
                out.push((path.clone(), fs::read(&path).expect("read")));
            }
        }
        out.sort();
        out
    }

    #[cfg(unix)]
    #[test]
    fn files_in_the_courses_folder_kurs_did_not_write_are_never_touched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let elsewhere = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update("c", |p| p.open_section("c", "m", 0));
        let courses = dir.path().join("progress");
        // Another program's file, a file named for a course, links to a file and to nowhere.
        fs::write(courses.join("notes.toml"), "title = \"mine\"\n").expect("write");
        fs::write(courses.join("a.toml"), "not = [toml").expect("write");
        let target = elsewhere.path().join("target.toml");
        fs::write(&target, "precious = true\n").expect("write");
        std::os::unix::fs::symlink(&target, courses.join("b.toml")).expect("link");
        let nowhere = elsewhere.path().join("new.toml");
        std::os::unix::fs::symlink(&nowhere, courses.join("d.toml")).expect("link");
        let before = (tree(dir.path()), tree(elsewhere.path()));

        let (mut again, notices) = ProgressStore::open(file_in(&dir));
        let mut told: Vec<_> = notices
            .iter()
            .map(|n| match n {
                StoreNotice::NotOurs { path, what } => (path.clone(), *what),
                other => panic!("{other:?}"),
            })
            .collect();
        told.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            told,
            vec![
                (courses.join("a.toml"), NotOurs::Content),
                (courses.join("b.toml"), NotOurs::Link),
                (courses.join("d.toml"), NotOurs::Link),
                (courses.join("notes.toml"), NotOurs::Content),
            ]
        );
        assert!(
            again.progress().module("c", "m").is_some(),
            "kurs's own file is read"
        );
        for course in ["a", "b", "d"] {
            let notice = again.update(course, |p| p.open_section(course, "m", 0));
            assert!(
                matches!(notice, Some(StoreNotice::NotOurs { .. })),
                "{course}: {notice:?}"
            );
        }
        assert!(!again.all_saved(), "the changes wait in memory");
        // Every save tries what waits in memory again, and says again why it cannot.
        let waiting = |n: Option<StoreNotice>| matches!(n, Some(StoreNotice::NotOurs { .. }));
        assert!(waiting(again.reset(Some("a"))));
        assert!(waiting(again.update("c", |p| p.open_section("c", "m", 1))));
        let (inspected, _) = ProgressStore::inspect(file_in(&dir));
        assert!(inspected.progress().module("c", "m").is_some());
        let after = (tree(dir.path()), tree(elsewhere.path()));
        let changed: Vec<_> = before
            .0
            .iter()
            .chain(&before.1)
            .filter(|entry| !after.0.contains(entry) && !after.1.contains(entry))
            .map(|(path, _)| path)
            .collect();
        assert_eq!(
            changed,
            vec![&courses.join("c.toml")],
            "only kurs's own file changed"
        );
        assert_eq!(after.0.len(), before.0.len(), "nothing new in the folder");
        assert!(!nowhere.exists(), "no file created through a link");

        // Moved out of the way, the course is saved with what waited in memory.
        fs::remove_file(courses.join("b.toml")).expect("remove");
        fs::remove_file(courses.join("d.toml")).expect("remove");
        assert_eq!(again.update("b", |p| p.open_section("b", "m", 1)), None);
        assert!(again.all_saved());
        let opened = &opened_in(&again, "b");
        assert_eq!(opened, &SectionSet::from([0, 1]));
    }

    #[test]
    fn inspecting_moves_locks_and_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        saved_courses(&dir, &["a", "b"]);
        fs::remove_file(disk::lock_path(&file_in(&dir))).expect("remove lock");
        let course = dir.path().join("progress").join("a.toml");
        cut_in_half(&course);
        let before = tree(dir.path());
        let (mut inspected, notices) = ProgressStore::inspect(file_in(&dir));
        assert_eq!(
            notices,
            vec![StoreNotice::Damaged {
                path: course.clone()
            }]
        );
        assert_eq!(inspected.mode(), &StoreMode::ReadOnly);
        assert!(inspected.progress().module("b", "m").is_some());
        assert_eq!(inspected.update("b", |p| p.open_section("b", "m", 1)), None);
        assert_eq!(inspected.reset(None), None);
        fs::write(file_in(&dir), "half a fi").expect("write");
        let before_index = tree(dir.path());
        let (_, notices) = ProgressStore::inspect(file_in(&dir));
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(
            notices
                .iter()
                .all(|n| matches!(n, StoreNotice::Damaged { .. }))
        );
        assert_eq!(tree(dir.path()), before_index);
        assert_ne!(before, before_index);
    }

    #[cfg(unix)]
    #[test]
    fn the_courses_folder_is_made_for_its_owner_only_and_refused_when_others_may_write() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 0)), None);
        let courses = dir.path().join("progress");
        let mode = |path: &Path| fs::metadata(path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&courses), 0o700);
        assert_eq!(mode(&courses.join("c.toml")), 0o600);

        fs::set_permissions(&courses, fs::Permissions::from_mode(0o777)).expect("chmod");
        let before = tree(dir.path());
        let (mut again, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(
            notices,
            vec![StoreNotice::FolderRefused {
                folder: courses.clone(),
                problem: FolderProblem::Writable
            }]
        );
        assert_eq!(again.mode(), &StoreMode::ReadOnly);
        assert_eq!(again.update("c", |p| p.open_section("c", "m", 1)), None);
        assert_eq!(tree(dir.path()), before);
        // Others may write in it only after this kurs opened it: the next save refuses it too.
        fs::set_permissions(&courses, fs::Permissions::from_mode(0o700)).expect("chmod");
        fs::set_permissions(&courses, fs::Permissions::from_mode(0o722)).expect("chmod");
        let notice = store.update("c", |p| p.open_section("c", "m", 2));
        assert!(
            matches!(notice, Some(StoreNotice::FolderRefused { .. })),
            "{notice:?}"
        );
        fs::set_permissions(&courses, fs::Permissions::from_mode(0o700)).expect("chmod");
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 3)), None);
        let (last, _) = ProgressStore::open(file_in(&dir));
        let opened = &opened_in(&last, "c");
        assert_eq!(opened, &SectionSet::from([0, 2, 3]));
    }

    #[cfg(unix)]
    #[test]
    fn a_courses_folder_that_is_a_link_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let elsewhere = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("progress")).expect("link");
        let (mut store, notices) = ProgressStore::open(file_in(&dir));
        assert!(
            matches!(
                notices.as_slice(),
                [StoreNotice::FolderRefused {
                    problem: FolderProblem::Link,
                    ..
                }]
            ),
            "{notices:?}"
        );
        store.update("c", |p| p.open_section("c", "m", 0));
        assert_eq!(names_in(elsewhere.path()), Vec::<String>::new());
    }

    #[test]
    fn two_hundred_thousand_sections_read_make_a_small_file_kurs_reads_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        let notice = store.update("c", |p| {
            for section in 0..200_000 {
                p.open_section("c", "m", section);
            }
        });
        assert_eq!(notice, None);
        let file = dir.path().join("progress").join("c.toml");
        let size = fs::metadata(&file).expect("meta").len();
        assert!(size < 1024, "{size} bytes");
        let (again, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        let opened = &opened_in(&again, "c");
        assert_eq!(opened.len(), 200_000);
    }

    #[test]
    fn a_file_of_version_2_with_every_section_listed_is_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let courses = dir.path().join("progress");
        fs::create_dir(&courses).expect("folder");
        fs::write(file_in(&dir), "schema_version = 2\nlast_course = \"c\"\n").expect("write");
        fs::write(
            courses.join("c.toml"),
            "schema_version = 2\n\n[courses.c.modules.m]\nopened_sections = [0, 1, 2, 5]\n",
        )
        .expect("write");
        let (mut store, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        let opened = &opened_in(&store, "c");
        assert_eq!(opened, &SectionSet::from([0, 1, 2, 5]));
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 3)), None);
        let text = fs::read_to_string(courses.join("c.toml")).expect("read");
        assert!(text.starts_with("# kurs progress file"), "{text}");
        assert!(text.contains("opened_sections = \"0-3, 5\""), "{text}");
        assert!(text.contains("schema_version = 4"), "{text}");
    }

    #[test]
    fn a_save_larger_than_kurs_reads_back_is_refused_and_the_old_file_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 0)), None);
        let file = dir.path().join("progress").join("c.toml");
        let good = fs::read(&file).expect("read");
        let huge = "x".repeat(disk::MAX_FILE_SIZE as usize);
        let notice = store.update("c", |p| p.record_answer("c", "m", "q", &huge, 100, NOW));
        let Some(StoreNotice::TooLarge { path, size }) = notice else {
            panic!("{notice:?}");
        };
        assert_eq!(path, file);
        assert!(size > disk::MAX_FILE_SIZE, "{size}");
        assert_eq!(fs::read(&file).expect("read"), good, "the old file is kept");
        assert!(!store.all_saved());
        assert_eq!(
            damaged_copies(&dir.path().join("progress")),
            Vec::<PathBuf>::new()
        );
        let (again, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(notices, vec![]);
        assert!(again.progress().module("c", "m").is_some());
    }

    #[test]
    fn the_same_damaged_bytes_kept_aside_twice_make_one_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut kept = Vec::new();
        for _ in 0..3 {
            fs::write(file_in(&dir), "half a fi").expect("write");
            let (_, notices) = ProgressStore::open(file_in(&dir));
            let [StoreNotice::MovedAside { kept_as, .. }] = notices.as_slice() else {
                panic!("{notices:?}");
            };
            kept.push(kept_as.clone());
        }
        fs::write(file_in(&dir), "other damage").expect("write");
        let (_, notices) = ProgressStore::open(file_in(&dir));
        assert!(matches!(
            notices.as_slice(),
            [StoreNotice::MovedAside { .. }]
        ));
        let copies = damaged_copies(dir.path());
        assert_eq!(copies.len(), 2, "{copies:?}");
        assert!(kept.iter().all(|k| k == &kept[0]), "{kept:?}");
        assert_eq!(fs::read_to_string(&kept[0]).expect("kept"), "half a fi");
        assert!(!file_in(&dir).exists());
    }

    #[test]
    fn a_lock_held_elsewhere_is_waited_for_a_bounded_time_and_the_change_saved_later() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 0)), None);
        let held = File::open(disk::lock_path(&file_in(&dir))).expect("lock file");
        held.try_lock().expect("the test holds the lock");
        let notice = store.update("c", |p| p.set_learned("c", "m", true, NOW));
        assert_eq!(
            notice,
            Some(StoreNotice::Busy {
                path: file_in(&dir)
            })
        );
        // Told once, the learner is not kept waiting again: the next save waits only a moment.
        let notice = store.update("c", |p| p.open_section("c", "m", 1));
        assert!(
            matches!(notice, Some(StoreNotice::Busy { .. })),
            "{notice:?}"
        );
        assert!(!store.all_saved());
        drop(held);
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 2)), None);
        assert!(store.all_saved());
        let (again, _) = ProgressStore::open(file_in(&dir));
        let module = again.progress().module("c", "m").expect("m");
        assert!(module.learned_at.is_some());
        assert_eq!(module.opened_sections, SectionSet::from([0, 1, 2]));
    }

    #[test]
    fn course_ids_become_safe_file_names() {
        assert_eq!(
            file_name("digitale-kompetenzen"),
            "digitale-kompetenzen.toml"
        );
        for id in ["../escape", "a/b", ".hidden", "", "Ü", "a b"] {
            let name = file_name(id);
            assert!(
                name.ends_with(".toml")
                    && !name.starts_with('.')
                    && name[..name.len() - 5]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{id:?} -> {name}"
            );
        }
        assert_ne!(file_name("a/b"), file_name("a b"));
    }

    #[test]
    fn the_courses_folder_is_named_after_the_file() {
        assert_eq!(
            ProgressStore::courses_folder(Path::new("/s/kurs/progress.toml")),
            Path::new("/s/kurs/progress")
        );
        assert_eq!(
            ProgressStore::courses_folder(Path::new("/s/p")),
            Path::new("/s/p.courses")
        );
    }

    #[test]
    fn update_sees_what_another_instance_wrote() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut first, _) = ProgressStore::open(file_in(&dir));
        let (mut second, _) = ProgressStore::open(file_in(&dir));
        first.update("c", |p| p.set_learned("c", "a", true, NOW));
        second.update("c", |p| p.set_learned("c", "b", true, NOW));
        assert!(
            second.progress().module("c", "a").is_some(),
            "second picked up first's change"
        );
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store_all(&mut store, &full_progress());
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
        store.update("current", |p| p.open_section("current", "m", 0));
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
        let text = "schema_version = 7\ncourses = [\"a new layout\"]\n";
        fs::write(file_in(&dir), text).expect("write");
        let (mut store, notices) = ProgressStore::open(file_in(&dir));
        assert_eq!(
            notices,
            vec![StoreNotice::NewerVersion {
                path: file_in(&dir),
                version: 7
            }]
        );
        assert_eq!(store.mode(), &StoreMode::ReadOnly);
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 0)), None);
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
    fn nothing_is_read_ahead_in_a_folder_kurs_does_not_trust() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = ProgressStore::courses_folder(&file_in(&dir));
        fs::create_dir(&folder).expect("folder");
        fs::write(folder.join("c.toml"), "schema_version = 4\n").expect("written");
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).expect("mode");
        assert_eq!(ProgressStore::read_ahead(&file_in(&dir), &["c"]).0.len(), 1);
        // Others may write here: a file could be swapped for a pipe between look and open.
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o777)).expect("mode");
        assert!(
            ProgressStore::read_ahead(&file_in(&dir), &["c"])
                .0
                .is_empty()
        );
    }

    #[test]
    fn a_course_file_of_version_5_is_read_whole_and_saved_in_the_short_forms() {
        use crate::progress::Points;
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = ProgressStore::courses_folder(&file_in(&dir));
        fs::create_dir(&folder).expect("folder");
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).expect("mode");
        let old = "# kurs progress file: written by kurs, read back by kurs; edit it only while kurs is not running.
schema_version = 5

[courses.c.modules.m]
learned_at = \"2026-11-01T10:00:00Z\"

[[courses.c.modules.m.attempts]]
at = \"2026-11-01T09:00:00Z\"
points = 1.5
max = 2
passed = false

[courses.c.modules.m.attempts.results]
q1 = true
q2 = false

[courses.c.modules.m.questions.q1]
fingerprint = \"aaaa\"
correct = true
answered_at = \"2026-11-01T09:00:00Z\"

[courses.c.modules.m.questions.q2]
fingerprint = \"bbbb\"
correct = false
credit = 50
answered_at = \"2026-11-01T09:00:00Z\"
";
        fs::write(folder.join("c.toml"), old).expect("written");
        let (mut store, notices) = ProgressStore::open(file_in(&dir));
        assert!(notices.is_empty(), "{notices:?}");
        let before = store.progress().module("c", "m").expect("read").clone();
        assert_eq!(before.attempts[0].points, Points::from_hundredths(150));
        assert_eq!(before.questions["q2"].credit, Some(50));
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 1)), None);
        let text = fs::read_to_string(folder.join("c.toml")).expect("read");
        assert!(text.contains("schema_version = 6"), "{text}");
        assert!(
            text.contains("\"2026-11-01T09:00:00Z 1.5/2 failed +q1 -q2\""),
            "{text}"
        );
        assert!(
            text.contains("q2 = \"bbbb 50% 2026-11-01T09:00:00Z\""),
            "{text}"
        );
        let (again, _) = ProgressStore::open(file_in(&dir));
        let mut expected = before;
        expected.opened_sections.insert(1);
        assert_eq!(again.progress().module("c", "m"), Some(&expected));
    }

    #[test]
    fn only_a_course_file_with_answers_is_written_as_version_6() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update("c", |p| p.record_answer("c", "m", "q", "f", 50, NOW));
        store.update("d", |p| p.open_section("d", "m", 0));
        let read = |name: &str| {
            fs::read_to_string(dir.path().join("progress").join(file_name(name))).expect("read")
        };
        assert!(read("c").contains("schema_version = 6"), "{}", read("c"));
        assert!(read("c").contains("q = \"f 50% "), "{}", read("c"));
        assert!(read("d").contains("schema_version = 4"), "{}", read("d"));
        let index = fs::read_to_string(file_in(&dir)).expect("index");
        assert!(index.contains("schema_version = 4"), "{index}");
        // Only sections and marks left: the file is one an older kurs reads and writes.
        store.update("c", |p| {
            p.courses
                .get_mut("c")
                .expect("c")
                .modules
                .get_mut("m")
                .expect("m")
                .questions
                .clear();
            p.set_learned("c", "m", true, NOW);
        });
        assert!(read("c").contains("schema_version = 4"), "{}", read("c"));
    }

    #[test]
    fn newer_version_written_meanwhile_makes_the_store_read_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update("c", |p| p.open_section("c", "m", 0));
        let text = "schema_version = 7\n";
        fs::write(file_in(&dir), text).expect("write");
        let notice = store.update("c", |p| p.open_section("c", "m", 1));
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
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 0)), None);
        assert!(path.is_dir());
        assert_eq!(names_in(&path), vec!["inside"]);
        assert_eq!(names_in(dir.path()), vec!["progress.toml"]);
    }

    #[test]
    fn failed_save_keeps_last_good_file_and_reports() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update("c", |p| p.open_section("c", "m", 0));
        let good = fs::read(file_in(&dir)).expect("read");
        store.set_write_failure(true);
        let notice = store.update("c", |p| p.set_learned("c", "m", true, NOW));
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
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 1)), None);
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
        store.update("c", |p| p.open_section("c", "m", 0));
        assert!(!store.all_saved());
        store.set_write_failure(false);
        store.update("c", |p| p.open_section("c", "m", 1));
        assert!(store.all_saved());
        fs::write(file_in(&dir), "schema_version = 9\n").expect("write");
        store.update("c", |p| p.open_section("c", "m", 2));
        assert!(!store.all_saved(), "a newer file is only read");
    }

    #[test]
    fn unsaved_change_survives_another_instance_saving() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        let (mut other, _) = ProgressStore::open(file_in(&dir));
        store.set_write_failure(true);
        store.update("c", |p| p.set_learned("c", "mine", true, NOW));
        other.update("c", |p| p.set_learned("c", "theirs", true, NOW));
        store.set_write_failure(false);
        assert_eq!(store.update("c", |p| p.open_section("c", "mine", 0)), None);
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
        store.update("c", |p| p.open_section("c", "m", 0));
        store.set_write_failure(true);
        store.reset(None);
        store.set_write_failure(false);
        store.update("d", |p| p.open_section("d", "m", 0));
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
        let notice = store.update("c", |p| p.open_section("c", "m", 0));
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
        store.update("c", |p| p.open_section("c", "a", 0));
        fs::write(file_in(&dir), "half a fi").expect("write");
        let notice = store.update("c", |p| p.open_section("c", "b", 0));
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
        store.update("c", |p| p.open_section("c", "a", 0));
        fs::remove_file(file_in(&dir)).expect("remove");
        store.update("c", |p| p.open_section("c", "b", 0));
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
            assert_eq!(first.update("c", |p| p.open_section("c", "a", round)), None);
            assert_eq!(
                second.update("c", |p| p.open_section("c", "b", round)),
                None
            );
        }
        let (again, _) = ProgressStore::open(file_in(&dir));
        let expected: crate::progress::SectionSet = (0..10).collect();
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
                        let notice = store.update("c", |p| {
                            p.record_answer("c", module, &question, "f", 100, NOW)
                        });
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
    /// tests/reliability/damaged.rs cover root by running kurs as another user.
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
        store.update("c", |p| p.open_section("c", "m", 0));
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
        let notice = store.update("c", |p| p.open_section("c", "m", 0));
        assert!(matches!(notice, Some(StoreNotice::NotSaved { .. })));
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 1)), None);
        let (again, _) = ProgressStore::open(file_in(&dir));
        let opened = &opened_in(&again, "c");
        assert!(opened.contains(&0) && opened.contains(&1));
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_the_file_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) = ProgressStore::open(file_in(&dir));
        store.update("c", |p| p.open_section("c", "m", 0));
        fs::set_permissions(file_in(&dir), fs::Permissions::from_mode(0o640)).expect("chmod");
        store.update("c", |p| p.open_section("c", "m", 1));
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
        assert_eq!(store.update("c", |p| p.open_section("c", "m", 0)), None);
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
