//! The outbox: every statement is written here the moment it happens, before anything goes to
//! the network, and stays until the LRS has it. Beside the progress index, with its care:
//!
//! ```text
//! progress.toml                  the progress index
//! xapi-outbox.jsonl              statements waiting for the LRS, one JSON object a line
//! xapi-outbox.jsonl.lock         held while a kurs appends or takes delivered ones out
//! xapi-rejected.jsonl            statements the LRS refused, each with its answer
//! xapi-outbox.jsonl.damaged      lines that were not whole statements (a write cut short)
//! xapi-learner-id                the installation's random learner id
//! ```
//!
//! Appending is one write of whole lines, then fsync, never through a symbolic link, owner-only.
//! A kurs killed in the middle of a write leaves a torn last line: it is set apart as damaged,
//! the records before it stay, and the next append begins on a line of its own. Delivered
//! statements are taken out by an atomic rewrite (temp file, fsync, rename) under the lock.

use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::progress::disk::{self, Kind, LockFailure, OnDisk, Wait};
use crate::progress::store::FolderProblem;

pub const OUTBOX: &str = "xapi-outbox.jsonl";
pub const REJECTED: &str = "xapi-rejected.jsonl";
pub const LEARNER_ID: &str = "xapi-learner-id";

/// Why the outbox could not be read or written; `Display` says it in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutboxError {
    /// Another kurs held the lock for longer than kurs waits.
    Busy { path: PathBuf },
    /// The folder is not one kurs keeps records in.
    FolderRefused {
        folder: PathBuf,
        problem: FolderProblem,
    },
    /// A symbolic link or something other than a file has the outbox's name.
    NotAFile { path: PathBuf },
    /// The outbox holds as much as kurs reads back; nothing more is added until it is sent.
    Full { path: PathBuf },
    /// Reading or writing failed (no permission, disk full …).
    Failed { path: PathBuf, reason: String },
}

impl std::fmt::Display for OutboxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |path: &Path| crate::safe_text::single_line(&path.display().to_string());
        match self {
            OutboxError::Busy { path } => write!(
                f,
                "the learning records in {} are in use by another kurs; try again when it has finished",
                shown(path)
            ),
            OutboxError::FolderRefused { folder, problem } => write!(
                f,
                "kurs keeps no learning records in {}: {}",
                shown(folder),
                match problem {
                    FolderProblem::Link => "it is a symbolic link",
                    FolderProblem::NotAFolder => "something other than a folder has its name",
                    FolderProblem::Owner => "it belongs to another user",
                    FolderProblem::Writable => "other users may write in it",
                }
            ),
            OutboxError::NotAFile { path } => write!(
                f,
                "{} is a symbolic link or not a regular file; kurs leaves it alone and records nothing there",
                shown(path)
            ),
            OutboxError::Full { path } => write!(
                f,
                "the learning records in {} have reached {} MiB; run `kurs sync` to send them",
                shown(path),
                disk::MAX_FILE_SIZE / (1024 * 1024)
            ),
            OutboxError::Failed { path, reason } => write!(
                f,
                "the learning records in {} could not be written: {}",
                shown(path),
                crate::safe_text::single_line(reason)
            ),
        }
    }
}

impl std::error::Error for OutboxError {}

/// A statement that the LRS refused, with what it answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub statement: Value,
    pub status: u16,
    pub answer: String,
}

/// The outbox of one installation (the folder of a progress index).
#[derive(Clone, Debug)]
pub struct Outbox {
    path: PathBuf,
}

impl Outbox {
    /// The outbox beside the progress index `index` (beside the file a link there points to).
    pub fn beside(index: &Path) -> Outbox {
        let folder = disk::folder_of(&disk::real_path(index)).to_path_buf();
        Outbox {
            path: folder.join(OUTBOX),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn folder(&self) -> &Path {
        disk::folder_of(&self.path)
    }

    fn rejected_path(&self) -> PathBuf {
        self.folder().join(REJECTED)
    }

    fn failed(&self, path: &Path) -> impl Fn(io::Error) -> OutboxError {
        let path = path.to_path_buf();
        move |error| OutboxError::Failed {
            path: path.clone(),
            reason: error.to_string(),
        }
    }

    /// The folder made when missing (owner-only) and trusted, then the lock held.
    fn lock(&self) -> Result<File, OutboxError> {
        let folder = self.folder().to_path_buf();
        disk::make_private_folder(&folder).map_err(self.failed(&folder))?;
        if let Some(problem) = disk::folder_problem(&folder) {
            return Err(OutboxError::FolderRefused { folder, problem });
        }
        match disk::hold_lock(&self.path, Wait::Queued(disk::LOCK_WAIT)) {
            Ok(lock) => Ok(lock),
            Err(LockFailure::Busy) => Err(OutboxError::Busy {
                path: self.path.clone(),
            }),
            Err(LockFailure::Failed(error)) => Err(self.failed(&self.path)(error)),
        }
    }

    /// Writes the statements at the end of the outbox and makes them durable before returning.
    pub fn append(&self, statements: &[Value]) -> Result<(), OutboxError> {
        if statements.is_empty() {
            return Ok(());
        }
        let mut text = String::new();
        for statement in statements {
            text.push_str(&statement.to_string());
            text.push('\n');
        }
        let _lock = self.lock()?;
        append_lines(&self.path, &text)
    }

    /// The statements waiting, oldest first; a line that is not a whole statement is skipped
    /// here (and set apart at the next `remove`).
    pub fn pending(&self) -> Result<Vec<Value>, OutboxError> {
        let bytes = match self.read(&self.path)? {
            Some(bytes) => bytes,
            None => return Ok(Vec::new()),
        };
        Ok(lines(&bytes).0)
    }

    /// How many statements are waiting.
    pub fn count(&self) -> Result<usize, OutboxError> {
        self.pending().map(|p| p.len())
    }

    fn read(&self, path: &Path) -> Result<Option<Vec<u8>>, OutboxError> {
        match disk::file_bytes(path, Kind::Index) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(OnDisk::Missing) => Ok(None),
            Err(OnDisk::Damaged(_)) => Err(OutboxError::Full {
                path: path.to_path_buf(),
            }),
            Err(OnDisk::Unreadable(reason)) if reason.contains("symbolic link") => {
                Err(OutboxError::NotAFile {
                    path: path.to_path_buf(),
                })
            }
            Err(OnDisk::Unreadable(reason)) => Err(OutboxError::Failed {
                path: path.to_path_buf(),
                reason,
            }),
            Err(_) => Err(OutboxError::NotAFile {
                path: path.to_path_buf(),
            }),
        }
    }

    /// Takes the statements with these ids out of the outbox (delivered), and moves the
    /// `rejected` ones to the rejected list with the LRS's answer. Everything else stays,
    /// statements appended meanwhile among them; lines that are not whole statements are kept
    /// in the damaged file.
    pub fn remove(
        &self,
        delivered: &BTreeSet<String>,
        rejected: &[Rejected],
    ) -> Result<(), OutboxError> {
        let _lock = self.lock()?;
        if !rejected.is_empty() {
            let mut text = String::new();
            for entry in rejected {
                let line = serde_json::json!({
                    "statement": entry.statement,
                    "status": entry.status,
                    "answer": entry.answer,
                    "at": super::statement::timestamp_text(jiff::Timestamp::now()),
                });
                text.push_str(&line.to_string());
                text.push('\n');
            }
            append_lines(&self.rejected_path(), &text)?;
        }
        let Some(bytes) = self.read(&self.path)? else {
            return Ok(());
        };
        let gone: BTreeSet<&str> = delivered
            .iter()
            .map(String::as_str)
            .chain(rejected.iter().filter_map(|r| r.statement["id"].as_str()))
            .collect();
        let (statements, damaged) = lines(&bytes);
        if !damaged.is_empty() {
            let mut text = damaged.join("\n");
            text.push('\n');
            append_lines(&disk::with_suffix(&self.path, ".damaged"), &text)?;
        }
        let mut kept = String::new();
        for statement in statements {
            if !statement["id"].as_str().is_some_and(|id| gone.contains(id)) {
                kept.push_str(&statement.to_string());
                kept.push('\n');
            }
        }
        if kept.len() == bytes.len() && damaged.is_empty() {
            return Ok(());
        }
        disk::remove_stale_temp_files_marked(&self.path, b"{");
        disk::write_private(&self.path, &kept).map_err(self.failed(&self.path))?;
        Ok(())
    }

    /// The statements the LRS refused, oldest first.
    pub fn rejected(&self) -> Result<Vec<Rejected>, OutboxError> {
        let Some(bytes) = self.read(&self.rejected_path())? else {
            return Ok(Vec::new());
        };
        Ok(lines(&bytes)
            .0
            .into_iter()
            .map(|line| Rejected {
                statement: line["statement"].clone(),
                status: line["status"]
                    .as_u64()
                    .and_then(|s| u16::try_from(s).ok())
                    .unwrap_or(0),
                answer: line["answer"].as_str().unwrap_or_default().to_string(),
            })
            .collect())
    }
}

/// The whole JSON objects of an outbox file, and the lines that are not (a torn last line).
fn lines(bytes: &[u8]) -> (Vec<Value>, Vec<String>) {
    let mut statements = Vec::new();
    let mut damaged = Vec::new();
    for line in bytes.split(|&b| b == b'\n') {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Value>(line) {
            Ok(value) if value.is_object() => statements.push(value),
            _ => damaged.push(String::from_utf8_lossy(line).into_owned()),
        }
    }
    (statements, damaged)
}

/// Appends whole lines to `path` in one write and syncs them: never through a symbolic link,
/// made owner-only, starting on a new line when a killed write left a torn one. Called under
/// the lock.
fn append_lines(path: &Path, text: &str) -> Result<(), OutboxError> {
    let failed = |error: io::Error| OutboxError::Failed {
        path: path.to_path_buf(),
        reason: error.to_string(),
    };
    let existed = std::fs::symlink_metadata(path).is_ok();
    let mut options = OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
        // The name is never followed when a link was put there.
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    let mut file = match options.open(path) {
        Ok(file) => file,
        Err(error) if is_link_refused(&error) || path.is_dir() => {
            return Err(OutboxError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        Err(error) => return Err(failed(error)),
    };
    let meta = file.metadata().map_err(failed)?;
    if !meta.is_file() {
        return Err(OutboxError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() + text.len() as u64 > disk::MAX_FILE_SIZE {
        return Err(OutboxError::Full {
            path: path.to_path_buf(),
        });
    }
    let mut bytes = Vec::with_capacity(text.len() + 1);
    if meta.len() > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::End(-1)).map_err(failed)?;
        file.read_exact(&mut last).map_err(failed)?;
        if last[0] != b'\n' {
            bytes.push(b'\n');
        }
    }
    bytes.extend_from_slice(text.as_bytes());
    file.write_all(&bytes).map_err(failed)?;
    file.sync_all().map_err(failed)?;
    if !existed {
        disk::sync_folder(disk::folder_of(path));
    }
    Ok(())
}

/// O_NOFOLLOW on a link fails with ELOOP.
#[cfg(unix)]
fn is_link_refused(error: &io::Error) -> bool {
    error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
}

#[cfg(not(unix))]
fn is_link_refused(_: &io::Error) -> bool {
    false
}

/// The installation's learner id: read from `xapi-learner-id` beside the index, made once
/// (a random UUID, owner-only) when there is none.
pub fn learner_id(index: &Path) -> Result<String, OutboxError> {
    let outbox = Outbox::beside(index);
    let path = outbox.folder().join(LEARNER_ID);
    let read = |outbox: &Outbox| -> Result<Option<String>, OutboxError> {
        let Some(bytes) = outbox.read(&path)? else {
            return Ok(None);
        };
        let text = String::from_utf8_lossy(&bytes).trim().to_string();
        match uuid::Uuid::try_parse(&text) {
            Ok(id) => Ok(Some(id.hyphenated().to_string())),
            Err(_) => Err(OutboxError::Failed {
                path: path.clone(),
                reason: "it does not hold a UUID; delete it and kurs makes a new learner id".into(),
            }),
        }
    };
    if let Some(id) = read(&outbox)? {
        return Ok(id);
    }
    let _lock = outbox.lock()?;
    if let Some(id) = read(&outbox)? {
        return Ok(id);
    }
    let id = uuid::Uuid::new_v4().hyphenated().to_string();
    disk::write_private(&path, &format!("{id}\n")).map_err(|error| OutboxError::Failed {
        path: path.clone(),
        reason: error.to_string(),
    })?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn statement(n: u32) -> Value {
        json!({"id": format!("00000000-0000-4000-8000-{n:012}"), "verb": {"id": "x"}})
    }

    fn outbox(dir: &tempfile::TempDir) -> Outbox {
        Outbox::beside(&dir.path().join("progress.toml"))
    }

    #[test]
    fn statements_appended_are_read_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = outbox(&dir);
        outbox.append(&[statement(1), statement(2)]).unwrap();
        outbox.append(&[statement(3)]).unwrap();
        assert_eq!(
            outbox.pending().unwrap(),
            [statement(1), statement(2), statement(3)]
        );
    }

    #[test]
    fn a_torn_last_line_is_set_apart_and_nothing_before_it_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = outbox(&dir);
        outbox.append(&[statement(1)]).unwrap();
        let mut file = OpenOptions::new().append(true).open(outbox.path()).unwrap();
        file.write_all(br#"{"id": "00000000-0000-4000-8"#).unwrap();
        assert_eq!(outbox.pending().unwrap(), [statement(1)]);
        outbox.append(&[statement(2)]).unwrap();
        assert_eq!(outbox.pending().unwrap(), [statement(1), statement(2)]);
        outbox
            .remove(
                &BTreeSet::from([statement(1)["id"].as_str().unwrap().to_string()]),
                &[],
            )
            .unwrap();
        assert_eq!(outbox.pending().unwrap(), [statement(2)]);
        let damaged =
            std::fs::read_to_string(dir.path().join("xapi-outbox.jsonl.damaged")).unwrap();
        assert_eq!(damaged, "{\"id\": \"00000000-0000-4000-8\n");
    }

    #[test]
    fn delivered_statements_leave_and_rejected_ones_move_to_the_rejected_list() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = outbox(&dir);
        outbox
            .append(&[statement(1), statement(2), statement(3)])
            .unwrap();
        let delivered = BTreeSet::from([statement(1)["id"].as_str().unwrap().to_string()]);
        let rejected = Rejected {
            statement: statement(2),
            status: 400,
            answer: "bad verb".into(),
        };
        outbox
            .remove(&delivered, std::slice::from_ref(&rejected))
            .unwrap();
        assert_eq!(outbox.pending().unwrap(), [statement(3)]);
        assert_eq!(outbox.rejected().unwrap(), [rejected]);
    }

    #[cfg(unix)]
    #[test]
    fn the_outbox_is_for_its_owner_only_and_a_link_in_its_place_is_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let outbox = outbox(&dir);
        outbox.append(&[statement(1)]).unwrap();
        let mode = std::fs::metadata(outbox.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        std::fs::remove_file(outbox.path()).unwrap();
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "").unwrap();
        std::os::unix::fs::symlink(&target, outbox.path()).unwrap();
        assert!(matches!(
            outbox.append(&[statement(2)]),
            Err(OutboxError::NotAFile { .. })
        ));
        assert!(matches!(
            outbox.pending(),
            Err(OutboxError::NotAFile { .. })
        ));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "");
    }

    #[test]
    fn the_learner_id_is_made_once_per_installation() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("progress.toml");
        let first = learner_id(&index).unwrap();
        assert!(crate::xapi::check::is_uuid(&first));
        assert_eq!(learner_id(&index).unwrap(), first);
    }

    #[test]
    fn a_second_kurs_appending_at_the_same_time_loses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = outbox(&dir);
        std::thread::scope(|scope| {
            for t in 0..4 {
                let outbox = outbox.clone();
                scope.spawn(move || {
                    for n in 0..25 {
                        outbox.append(&[statement(t * 100 + n)]).unwrap();
                    }
                });
            }
        });
        assert_eq!(outbox.count().unwrap(), 100);
    }
}
