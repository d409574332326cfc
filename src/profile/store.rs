//! The profile's file: `profile.toml` beside the progress index, kept with the care progress
//! gets (`progress/disk.rs` does the work): read without following a link and within a size
//! bound, changed only under the lock, written atomically for its owner only, in a folder
//! refused when another user owns it or others may write it, a damaged file kept aside once.
//!
//! ```text
//! progress.toml          the progress index (`--progress`, `$KURS_PROGRESS` or the default)
//! profile.toml           schema_version, name, birth_date, email: this file
//! profile.toml.lock      held while a kurs saves or deletes the profile
//! ```

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Profile, ProfileProblem, parse_birth_date};
use crate::i18n::{self, Lang};
use crate::progress::disk::{self, Kind, LockFailure, OnDisk, Wait};
use crate::progress::store::{FolderProblem, NotOurs};

/// The profile's file name, in the folder of the progress index.
pub const FILE_NAME: &str = "profile.toml";
/// The layout of the file this kurs writes; a larger one comes from a newer kurs.
pub const SCHEMA_VERSION: u32 = 1;

/// The first line of the file, by which kurs knows it as its own (and tells a learner who
/// opens it what it is).
const HEADER: &str = "# kurs profile file: name and birth date for certificates, kept only on this computer; written by kurs.\n";
/// The part of the first line every kurs writes, whatever the rest says.
const MARK: &[u8] = b"# kurs profile file";

/// The file's TOML. Kept apart from `Profile` so that the date stays a plain `YYYY-MM-DD`
/// string on disk, read back with the same strict parser the learner's input goes through.
#[derive(Serialize, Deserialize)]
struct ProfileFile {
    schema_version: u32,
    name: String,
    birth_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
}

/// Why the profile could not be read, saved or deleted; `text` says it in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// The progress index is itself named `profile.toml`: the profile would replace it.
    SameAsIndex {
        path: PathBuf,
    },
    /// The folder of the progress index is not one kurs keeps personal data in.
    FolderRefused {
        folder: PathBuf,
        problem: FolderProblem,
    },
    /// Something kurs did not write has the profile's name (a link, a folder, another
    /// program's file): never read, followed, replaced or deleted.
    NotOurs {
        path: PathBuf,
        what: NotOurs,
    },
    /// Written by a newer kurs: read by none and replaced by none of this version.
    Newer {
        path: PathBuf,
        version: u32,
    },
    /// The file was damaged; it was kept aside unchanged (once for the same bytes) and there
    /// is no profile now.
    Damaged {
        path: PathBuf,
        kept_as: PathBuf,
        reason: String,
    },
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    /// Another kurs held the lock for longer than kurs waits.
    Busy {
        path: PathBuf,
    },
    /// Writing, moving or deleting failed (no permission, disk full …).
    NotSaved {
        path: PathBuf,
        reason: String,
    },
    /// The profile is not one `Profile::parse_input` accepts; nothing was written.
    Invalid(ProfileProblem),
}

impl ProfileError {
    /// The error in one sentence, in the learner's language, safe to print.
    pub fn text(&self, lang: Lang) -> String {
        i18n::profile_error(lang, self)
    }
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ProfileError {}

/// What the file at the profile's path holds, when it is kurs's (or nothing).
enum Found {
    Missing,
    Good(Profile),
    Newer(u32),
    Damaged(String),
}

impl Profile {
    /// Where the profile of the progress index `index` lives: `profile.toml` in the index's
    /// folder (beside the file a link there points to, as the course files are).
    pub fn file_path(index: &Path) -> PathBuf {
        disk::folder_of(&disk::real_path(index)).join(FILE_NAME)
    }

    /// The stored profile; `Ok(None)` when there is none. A damaged file is kept aside (then
    /// `Err(Damaged)`, and the next load finds none); nothing else is changed.
    pub fn load(index: &Path) -> Result<Option<Profile>, ProfileError> {
        let file = file_of(index)?;
        if let Some(problem) = disk::folder_problem(disk::folder_of(&file)) {
            return Err(refused(&file, problem));
        }
        match look(&file)? {
            Found::Missing => return Ok(None),
            Found::Good(profile) => return Ok(Some(profile)),
            Found::Newer(version) => {
                return Err(ProfileError::Newer {
                    path: file,
                    version,
                });
            }
            Found::Damaged(_) => {}
        }
        let _lock = lock(&file)?;
        // Looked at again under the lock: another kurs may have saved a good one meanwhile.
        match look(&file)? {
            Found::Missing => Ok(None),
            Found::Good(profile) => Ok(Some(profile)),
            Found::Newer(version) => Err(ProfileError::Newer {
                path: file,
                version,
            }),
            Found::Damaged(reason) => {
                let kept_as = keep_aside(&file)?;
                Err(ProfileError::Damaged {
                    path: file,
                    kept_as,
                    reason,
                })
            }
        }
    }

    /// Saves the profile, replacing the stored one. The folder is made for its owner only
    /// when missing, the file is owner-only (0600). A damaged file found is kept aside first.
    pub fn save(&self, index: &Path) -> Result<(), ProfileError> {
        // kurs never writes a file it would call damaged when reading it back.
        if let Some(problem) = self.stored_problems().into_iter().next() {
            return Err(ProfileError::Invalid(problem));
        }
        let file = file_of(index)?;
        let folder = disk::folder_of(&file).to_path_buf();
        make_folder(&folder).map_err(|error| ProfileError::NotSaved {
            path: folder.clone(),
            reason: error.to_string(),
        })?;
        if let Some(problem) = disk::folder_problem(&folder) {
            return Err(refused(&file, problem));
        }
        let text = self.file_text(&file)?;
        let _lock = lock(&file)?;
        disk::remove_stale_temp_files_marked(&file, MARK);
        match look(&file)? {
            Found::Missing | Found::Good(_) => {}
            Found::Newer(version) => {
                return Err(ProfileError::Newer {
                    path: file,
                    version,
                });
            }
            Found::Damaged(_) => {
                keep_aside(&file)?;
            }
        }
        let not_saved = |error: std::io::Error| ProfileError::NotSaved {
            path: file.clone(),
            reason: error.to_string(),
        };
        disk::may_replace(&file).map_err(not_saved)?;
        disk::write_private(&file, &text).map_err(not_saved)?;
        Ok(())
    }

    /// Deletes the stored profile and the damaged copies of it kept aside (they hold the same
    /// personal data). Ok(false) when there was nothing to delete.
    pub fn delete(index: &Path) -> Result<bool, ProfileError> {
        let file = file_of(index)?;
        let folder = disk::folder_of(&file).to_path_buf();
        if fs::symlink_metadata(&folder).is_err() {
            return Ok(false);
        }
        if let Some(problem) = disk::folder_problem(&folder) {
            return Err(refused(&file, problem));
        }
        let _lock = lock(&file)?;
        disk::remove_stale_temp_files_marked(&file, MARK);
        let not_deleted = |path: &Path, error: std::io::Error| ProfileError::NotSaved {
            path: path.to_path_buf(),
            reason: error.to_string(),
        };
        let mut deleted = match look(&file)? {
            Found::Missing => false,
            // A newer kurs's file is still the learner's own data, theirs to delete.
            Found::Good(_) | Found::Newer(_) | Found::Damaged(_) => {
                fs::remove_file(&file).map_err(|error| not_deleted(&file, error))?;
                true
            }
        };
        for copy in damaged_copies(&file) {
            fs::remove_file(&copy).map_err(|error| not_deleted(&copy, error))?;
            deleted = true;
        }
        disk::sync_folder(&folder);
        Ok(deleted)
    }

    fn file_text(&self, file: &Path) -> Result<String, ProfileError> {
        let stored = ProfileFile {
            schema_version: SCHEMA_VERSION,
            name: self.name.clone(),
            birth_date: self.birth_date.to_string(),
            email: self.email.clone(),
        };
        let toml = toml::to_string_pretty(&stored).map_err(|error| ProfileError::NotSaved {
            path: file.to_path_buf(),
            reason: error.to_string(),
        })?;
        Ok(format!("{HEADER}{toml}"))
    }
}

/// The profile's path for `index`, unless the index itself has that name.
fn file_of(index: &Path) -> Result<PathBuf, ProfileError> {
    let file = Profile::file_path(index);
    if disk::real_path(index).file_name() == file.file_name() {
        return Err(ProfileError::SameAsIndex {
            path: index.to_path_buf(),
        });
    }
    Ok(file)
}

fn refused(file: &Path, problem: FolderProblem) -> ProfileError {
    ProfileError::FolderRefused {
        folder: disk::folder_of(file).to_path_buf(),
        problem,
    }
}

/// The folder with its parents; the folder itself, when kurs makes it, for its owner only.
fn make_folder(folder: &Path) -> std::io::Result<()> {
    if let Some(parent) = folder.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    disk::make_private_folder(folder)
}

fn lock(file: &Path) -> Result<File, ProfileError> {
    disk::hold_lock(file, Wait::Queued(disk::LOCK_WAIT)).map_err(|failure| match failure {
        LockFailure::Busy => ProfileError::Busy {
            path: file.to_path_buf(),
        },
        LockFailure::Failed(error) => ProfileError::NotSaved {
            path: disk::lock_path(file),
            reason: error.to_string(),
        },
    })
}

fn keep_aside(file: &Path) -> Result<PathBuf, ProfileError> {
    disk::move_aside(file, &disk::file_stamp()).map_err(|error| ProfileError::NotSaved {
        path: file.to_path_buf(),
        reason: error.to_string(),
    })
}

/// What is at `file`, when it is kurs's profile file or nothing; Err for anything else.
fn look(file: &Path) -> Result<Found, ProfileError> {
    let bytes = match disk::file_bytes(file, Kind::Course) {
        Ok(bytes) => bytes,
        Err(OnDisk::Missing) => return Ok(Found::Missing),
        Err(OnDisk::Foreign(what)) => {
            return Err(ProfileError::NotOurs {
                path: file.to_path_buf(),
                what,
            });
        }
        // Too large for a file kurs writes, and it begins as a progress file: not a profile.
        Err(OnDisk::Damaged(_)) => {
            return Err(ProfileError::NotOurs {
                path: file.to_path_buf(),
                what: NotOurs::Content,
            });
        }
        Err(OnDisk::Unreadable(reason)) => {
            return Err(ProfileError::Unreadable {
                path: file.to_path_buf(),
                reason,
            });
        }
        Err(OnDisk::Unchanged | OnDisk::Good(..) | OnDisk::Newer(_)) => {
            return Err(ProfileError::Unreadable {
                path: file.to_path_buf(),
                reason: "unexpected answer of the reader".to_owned(),
            });
        }
    };
    if !bytes.starts_with(MARK) {
        return Err(ProfileError::NotOurs {
            path: file.to_path_buf(),
            what: NotOurs::Content,
        });
    }
    Ok(parse(&bytes))
}

/// What the bytes of a file that begins with kurs's mark are. Reasons are for the damaged
/// notice, in English like the progress store's.
fn parse(bytes: &[u8]) -> Found {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Found::Damaged("not UTF-8 text".to_owned());
    };
    let table = match text.parse::<toml::Table>() {
        Ok(table) => table,
        Err(error) => return Found::Damaged(format!("not TOML: {}", error.message())),
    };
    // The version first, so a newer file is known as newer even when its layout changed.
    let version = match table.get("schema_version") {
        Some(toml::Value::Integer(version)) if *version > 0 => *version,
        Some(_) => {
            return Found::Damaged("schema_version is not a positive whole number".to_owned());
        }
        None => return Found::Damaged("schema_version is missing".to_owned()),
    };
    if version > i64::from(SCHEMA_VERSION) {
        return Found::Newer(u32::try_from(version).unwrap_or(u32::MAX));
    }
    let stored = match table.try_into::<ProfileFile>() {
        Ok(stored) => stored,
        Err(error) => return Found::Damaged(format!("unexpected content: {}", error.message())),
    };
    let birth_date = match parse_birth_date(&stored.birth_date) {
        Ok(date) => date,
        Err(problem) => return Found::Damaged(problem.text(Lang::En)),
    };
    let profile = Profile {
        name: stored.name,
        birth_date,
        email: stored.email,
    };
    match profile.stored_problems().first() {
        Some(problem) => Found::Damaged(problem.text(Lang::En)),
        None => Found::Good(profile),
    }
}

/// The copies of `file` kept aside as damaged: regular files (never a link) named
/// `profile.toml.damaged-…` that begin as kurs's profile files do.
fn damaged_copies(file: &Path) -> Vec<PathBuf> {
    let mut prefix = FILE_NAME.as_bytes().to_vec();
    prefix.extend_from_slice(b".damaged-");
    let Ok(entries) = fs::read_dir(disk::folder_of(file)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| entry.file_name().as_encoded_bytes().starts_with(&prefix))
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| entry.path())
        .filter(|path| disk::begins_as_ours(path, MARK))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn erika() -> Profile {
        Profile {
            name: "Erika Mustermann".into(),
            birth_date: date(1990, 1, 31),
            email: Some("erika@example.org".into()),
        }
    }

    fn index_in(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("progress.toml")
    }

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

    fn damaged_copies_in(dir: &Path) -> Vec<String> {
        names_in(dir)
            .into_iter()
            .filter(|name| name.starts_with("profile.toml.damaged-"))
            .collect()
    }

    #[test]
    fn no_file_is_no_profile_and_looking_creates_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(Profile::load(&index_in(&dir)), Ok(None));
        assert_eq!(names_in(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_saved_profile_is_read_back_as_it_was() {
        let dir = tempfile::tempdir().expect("tempdir");
        erika().save(&index_in(&dir)).expect("saved");
        assert_eq!(Profile::load(&index_in(&dir)), Ok(Some(erika())));
        let without_email = Profile {
            email: None,
            ..erika()
        };
        without_email.save(&index_in(&dir)).expect("saved");
        assert_eq!(Profile::load(&index_in(&dir)), Ok(Some(without_email)));
    }

    #[test]
    fn the_file_begins_with_kurs_header_and_holds_the_schema_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        erika().save(&index_in(&dir)).expect("saved");
        let text = fs::read_to_string(dir.path().join(FILE_NAME)).expect("read");
        assert!(text.starts_with("# kurs profile file:"), "{text}");
        assert!(text.contains("schema_version = 1\n"), "{text}");
        assert!(text.contains("birth_date = \"1990-01-31\"\n"), "{text}");
        assert_eq!(
            names_in(dir.path()),
            vec!["profile.toml", "profile.toml.lock"],
            "the progress index is not written"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_profile_is_for_its_owner_only_in_a_folder_kurs_makes_for_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("state").join("kurs");
        erika().save(&folder.join("progress.toml")).expect("saved");
        let mode = |path: &Path| fs::metadata(path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&folder.join(FILE_NAME)), 0o600);
        // A file the learner opened up to others is closed again by the next save.
        fs::set_permissions(folder.join(FILE_NAME), fs::Permissions::from_mode(0o644))
            .expect("chmod");
        erika().save(&folder.join("progress.toml")).expect("saved");
        assert_eq!(mode(&folder.join(FILE_NAME)), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_others_may_write_in_is_refused_and_nothing_is_written() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let shared = dir.path().join("shared");
        fs::create_dir(&shared).expect("folder");
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).expect("chmod");
        let index = shared.join("progress.toml");
        let refused = ProfileError::FolderRefused {
            folder: shared.clone(),
            problem: FolderProblem::Writable,
        };
        assert_eq!(erika().save(&index), Err(refused.clone()));
        assert_eq!(Profile::load(&index), Err(refused.clone()));
        assert_eq!(Profile::delete(&index), Err(refused));
        assert_eq!(names_in(&shared), Vec::<String>::new());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_profile_is_refused_and_never_followed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let elsewhere = tempfile::tempdir().expect("tempdir");
        let target = elsewhere.path().join("target.toml");
        fs::write(&target, "precious = true\n").expect("write");
        let file = dir.path().join(FILE_NAME);
        std::os::unix::fs::symlink(&target, &file).expect("link");
        let not_ours = ProfileError::NotOurs {
            path: file.clone(),
            what: NotOurs::Link,
        };
        assert_eq!(Profile::load(&index_in(&dir)), Err(not_ours.clone()));
        assert_eq!(erika().save(&index_in(&dir)), Err(not_ours.clone()));
        assert_eq!(Profile::delete(&index_in(&dir)), Err(not_ours));
        assert_eq!(
            fs::read_to_string(&target).expect("read"),
            "precious = true\n"
        );
        assert!(
            fs::symlink_metadata(&file)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_nowhere_is_not_followed_to_create_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let elsewhere = tempfile::tempdir().expect("tempdir");
        let nowhere = elsewhere.path().join("new.toml");
        std::os::unix::fs::symlink(&nowhere, dir.path().join(FILE_NAME)).expect("link");
        assert!(matches!(
            erika().save(&index_in(&dir)),
            Err(ProfileError::NotOurs {
                what: NotOurs::Link,
                ..
            })
        ));
        assert!(!nowhere.exists());
    }

    #[test]
    fn a_file_kurs_did_not_write_is_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, "name = \"mine\"\n").expect("write");
        let not_ours = ProfileError::NotOurs {
            path: file.clone(),
            what: NotOurs::Content,
        };
        assert_eq!(Profile::load(&index_in(&dir)), Err(not_ours.clone()));
        assert_eq!(erika().save(&index_in(&dir)), Err(not_ours.clone()));
        assert_eq!(Profile::delete(&index_in(&dir)), Err(not_ours));
        assert_eq!(
            fs::read_to_string(&file).expect("read"),
            "name = \"mine\"\n"
        );
    }

    #[test]
    fn a_damaged_profile_is_kept_aside_once_and_then_there_is_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        erika().save(&index_in(&dir)).expect("saved");
        let file = dir.path().join(FILE_NAME);
        let whole = fs::read(&file).expect("read");
        let half = &whole[..whole.len() / 2];
        fs::write(&file, half).expect("write");
        let Err(ProfileError::Damaged { path, kept_as, .. }) = Profile::load(&index_in(&dir))
        else {
            panic!("not kept aside");
        };
        assert_eq!(path, file);
        assert_eq!(fs::read(&kept_as).expect("kept"), half);
        assert_eq!(Profile::load(&index_in(&dir)), Ok(None));
        // The same damage again is not kept a second time: the first copy is named.
        fs::write(&file, half).expect("write");
        let Err(ProfileError::Damaged { kept_as: again, .. }) = Profile::load(&index_in(&dir))
        else {
            panic!("not kept aside");
        };
        assert_eq!(again, kept_as);
        assert_eq!(damaged_copies_in(dir.path()).len(), 1);
    }

    #[test]
    fn a_profile_edited_into_something_kurs_would_not_write_counts_as_damaged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join(FILE_NAME);
        for body in [
            "schema_version = 1\nname = \"Erika\"\nbirth_date = \"2026-02-30\"\n",
            "schema_version = 1\nname = \"Erika\u{202E}\"\nbirth_date = \"1990-01-31\"\n",
            "schema_version = 1\nname = \"  \"\nbirth_date = \"1990-01-31\"\n",
            "schema_version = 1\nbirth_date = \"1990-01-31\"\n",
            "name = \"Erika\"\nbirth_date = \"1990-01-31\"\n",
        ] {
            fs::write(&file, format!("{HEADER}{body}")).expect("write");
            assert!(
                matches!(
                    Profile::load(&index_in(&dir)),
                    Err(ProfileError::Damaged { .. })
                ),
                "{body}"
            );
        }
    }

    #[test]
    fn saving_over_a_damaged_profile_keeps_the_damaged_one_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, format!("{HEADER}not = [toml")).expect("write");
        erika().save(&index_in(&dir)).expect("saved");
        assert_eq!(Profile::load(&index_in(&dir)), Ok(Some(erika())));
        assert_eq!(damaged_copies_in(dir.path()).len(), 1);
    }

    #[test]
    fn a_profile_of_a_newer_kurs_is_neither_read_nor_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join(FILE_NAME);
        let newer = format!("{HEADER}schema_version = 2\nnames = [\"Erika\"]\n");
        fs::write(&file, &newer).expect("write");
        let error = ProfileError::Newer {
            path: file.clone(),
            version: 2,
        };
        assert_eq!(Profile::load(&index_in(&dir)), Err(error.clone()));
        assert_eq!(erika().save(&index_in(&dir)), Err(error));
        assert_eq!(fs::read_to_string(&file).expect("read"), newer);
    }

    #[test]
    fn delete_removes_the_profile_and_its_damaged_copies() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, format!("{HEADER}not = [toml")).expect("write");
        assert!(Profile::load(&index_in(&dir)).is_err());
        erika().save(&index_in(&dir)).expect("saved");
        fs::write(dir.path().join("profile.toml.damaged-notes"), "mine").expect("write");
        assert_eq!(Profile::delete(&index_in(&dir)), Ok(true));
        assert_eq!(
            names_in(dir.path()),
            vec!["profile.toml.damaged-notes", "profile.toml.lock"],
            "a file kurs did not write stays, whatever its name"
        );
        assert_eq!(Profile::load(&index_in(&dir)), Ok(None));
        assert_eq!(Profile::delete(&index_in(&dir)), Ok(false));
    }

    #[test]
    fn deleting_in_a_missing_folder_creates_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let index = dir.path().join("missing").join("progress.toml");
        assert_eq!(Profile::delete(&index), Ok(false));
        assert!(!dir.path().join("missing").exists());
    }

    #[test]
    fn a_save_waits_a_bounded_time_for_another_kurs_and_says_it_is_busy() {
        let dir = tempfile::tempdir().expect("tempdir");
        erika().save(&index_in(&dir)).expect("saved");
        let file = dir.path().join(FILE_NAME);
        let held = File::open(disk::lock_path(&file)).expect("lock file");
        held.lock().expect("lock");
        let started = std::time::Instant::now();
        let other = Profile {
            name: "Max".into(),
            ..erika()
        };
        assert_eq!(
            other.save(&index_in(&dir)),
            Err(ProfileError::Busy { path: file.clone() })
        );
        assert!(
            started.elapsed() < disk::LOCK_WAIT * 3,
            "{:?}",
            started.elapsed()
        );
        held.unlock().expect("unlock");
        assert_eq!(Profile::load(&index_in(&dir)), Ok(Some(erika())));
        other.save(&index_in(&dir)).expect("saved once free");
        assert_eq!(Profile::load(&index_in(&dir)), Ok(Some(other)));
    }

    #[test]
    fn a_profile_kurs_would_call_damaged_is_never_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = Profile {
            name: "Erika\x1b".into(),
            ..erika()
        };
        assert!(matches!(
            bad.save(&index_in(&dir)),
            Err(ProfileError::Invalid(
                ProfileProblem::UnsafeCharacter { .. }
            ))
        ));
        assert_eq!(names_in(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn an_index_named_like_the_profile_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let index = dir.path().join(FILE_NAME);
        assert_eq!(
            erika().save(&index),
            Err(ProfileError::SameAsIndex {
                path: index.clone()
            })
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_profile_sits_beside_the_file_a_linked_index_points_to() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real");
        fs::create_dir(&real).expect("folder");
        let link = dir.path().join("progress.toml");
        std::os::unix::fs::symlink(real.join("progress.toml"), &link).expect("link");
        assert_eq!(Profile::file_path(&link), real.join(FILE_NAME));
    }

    #[test]
    fn temporary_files_of_a_killed_save_are_cleared() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stale = dir.path().join(".profile.toml.a1B2c3.tmp");
        fs::write(&stale, &HEADER[..12]).expect("write");
        let foreign = dir.path().join(".profile.toml.Q1w2E3.tmp");
        fs::write(&foreign, "the learner's notes").expect("write");
        erika().save(&index_in(&dir)).expect("saved");
        assert!(!stale.exists());
        assert!(foreign.exists());
    }

    #[test]
    fn every_error_is_one_sentence_naming_the_file_in_both_languages() {
        let path = PathBuf::from("/home/a/.local/state/kurs/profile.toml");
        let mut errors = vec![
            ProfileError::SameAsIndex { path: path.clone() },
            ProfileError::Newer {
                path: path.clone(),
                version: 2,
            },
            ProfileError::Damaged {
                path: path.clone(),
                kept_as: path.with_extension("toml.damaged-20261128T170512Z"),
                reason: "not TOML".into(),
            },
            ProfileError::Unreadable {
                path: path.clone(),
                reason: "Permission denied".into(),
            },
            ProfileError::Busy { path: path.clone() },
            ProfileError::NotSaved {
                path: path.clone(),
                reason: "No space left on device".into(),
            },
        ];
        for what in [NotOurs::Link, NotOurs::NotAFile, NotOurs::Content] {
            errors.push(ProfileError::NotOurs {
                path: path.clone(),
                what,
            });
        }
        for problem in [
            FolderProblem::Link,
            FolderProblem::NotAFolder,
            FolderProblem::Owner,
            FolderProblem::Writable,
        ] {
            errors.push(ProfileError::FolderRefused {
                folder: path.clone(),
                problem,
            });
        }
        for error in &errors {
            for lang in [Lang::De, Lang::En] {
                let text = error.text(lang);
                let body = text.strip_suffix('.').unwrap_or_else(|| panic!("{text}"));
                assert!(!body.contains(". ") && !body.contains('\n'), "{text}");
                assert!(text.contains(&path.display().to_string()), "{text}");
            }
        }
    }
}
