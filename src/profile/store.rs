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
