//! Watching a course's files for `kurs PATH --watch`: a trainer saves, the player reloads. File
//! events from the system (inotify and its kin) with a short debounce, so an editor's burst of
//! writes and renames is one reload; where the system gives no events, the folder is polled.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{Config, DebounceEventResult, new_debouncer_opt};

/// How long the files must be quiet before a reload: editors write a file in several steps
/// (a temporary file, a rename, a second write of the metadata) within a few milliseconds.
pub const QUIET: Duration = Duration::from_millis(150);

/// How often the folder is read again where the system gives no file events.
const POLL_EVERY: Duration = Duration::from_millis(250);

/// A running watch over a course or library folder.
pub struct CourseWatcher {
    changes: Receiver<DebounceEventResult>,
    /// The debouncer and its watcher, kept for as long as the watch runs; dropping it stops it.
    _watch: Box<dyn std::any::Any>,
    /// Whether the system's events failed and the folder is polled instead.
    pub polling: bool,
}

/// Why a folder cannot be watched, in one sentence naming it.
#[derive(Debug)]
pub struct WatchError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for WatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} cannot be watched for changes ({}); start kurs without --watch, or check that the folder exists and is readable",
            crate::safe_text::single_line(&self.path.display().to_string()),
            crate::safe_text::single_line(&self.reason)
        )
    }
}

/// The folder to watch for `path`: a folder itself, or the folder a module or course file is in
/// (a module file opens within its course, whose other files may change too).
pub fn folder_of(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.to_path_buf()
    } else {
        match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }
}

impl CourseWatcher {
    /// Watches everything below `folder`; falls back to polling where file events fail (some
    /// network and container file systems, or too many watches in use).
    pub fn start(folder: &Path) -> Result<CourseWatcher, WatchError> {
        let error = |reason: String| WatchError {
            path: folder.to_path_buf(),
            reason,
        };
        if !folder.is_dir() {
            return Err(error("it is not a folder".to_string()));
        }
        let config = || Config::default().with_timeout(QUIET);
        let (sender, changes) = channel();
        let events = new_debouncer_opt::<_, RecommendedWatcher>(config(), sender).and_then(
            |mut debouncer| {
                debouncer
                    .watcher()
                    .watch(folder, RecursiveMode::Recursive)?;
                Ok(debouncer)
            },
        );
        if let Ok(debouncer) = events {
            return Ok(CourseWatcher {
                changes,
                _watch: Box::new(debouncer),
                polling: false,
            });
        }
        let (sender, changes) = channel();
        let config =
            config().with_notify_config(notify::Config::default().with_poll_interval(POLL_EVERY));
        let mut debouncer = new_debouncer_opt::<_, PollWatcher>(config, sender)
            .map_err(|e| error(e.to_string()))?;
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|e| error(e.to_string()))?;
        Ok(CourseWatcher {
            changes,
            _watch: Box::new(debouncer),
            polling: true,
        })
    }

    /// Whether a course file changed since the last call (every event waiting is taken). Only
    /// `.toml` files count: an editor's swap and backup files come and go without a reload.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        while let Ok(result) = self.changes.try_recv() {
            match result {
                Ok(events) => changed |= events.iter().any(|e| is_course_file(&e.path)),
                // An error of the watch itself (a folder gone): reload, which says what is wrong.
                Err(_) => changed = true,
            }
        }
        changed
    }
}

/// Course and module files are TOML; nothing else in the folder is read by kurs.
fn is_course_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn wait_for_change(watcher: &CourseWatcher) -> bool {
        let give_up = Instant::now() + Duration::from_secs(10);
        while Instant::now() < give_up {
            if watcher.changed() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    #[test]
    fn a_saved_module_file_is_a_change_and_a_swap_file_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let watcher = CourseWatcher::start(dir.path()).unwrap();
        std::fs::write(dir.path().join(".m1.toml.swp"), "x").unwrap();
        std::fs::write(dir.path().join("m1.toml~"), "x").unwrap();
        std::thread::sleep(QUIET * 3);
        assert!(!watcher.changed());
        std::fs::write(dir.path().join("m1.toml"), "id = \"m1\"").unwrap();
        assert!(wait_for_change(&watcher));
    }

    #[test]
    fn a_save_by_writing_a_new_file_and_renaming_it_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("m1.toml"), "id = \"m1\"").unwrap();
        let watcher = CourseWatcher::start(dir.path()).unwrap();
        let temp = dir.path().join("m1.toml.tmp-1234");
        std::fs::write(&temp, "id = \"m1\"\ntitle = \"Neu\"").unwrap();
        std::fs::rename(&temp, dir.path().join("m1.toml")).unwrap();
        assert!(wait_for_change(&watcher));
    }

    #[test]
    fn a_file_deleted_and_created_again_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("m1.toml"), "id = \"m1\"").unwrap();
        let watcher = CourseWatcher::start(dir.path()).unwrap();
        std::fs::remove_file(dir.path().join("m1.toml")).unwrap();
        std::fs::write(dir.path().join("m1.toml"), "id = \"m1\"").unwrap();
        assert!(wait_for_change(&watcher));
    }

    #[test]
    fn the_folder_of_a_module_file_is_watched() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m1.toml");
        std::fs::write(&file, "").unwrap();
        assert_eq!(folder_of(&file), dir.path());
        assert_eq!(folder_of(dir.path()), dir.path());
    }

    #[test]
    fn a_folder_that_does_not_exist_is_one_sentence() {
        let error = CourseWatcher::start(Path::new("/nonexistent/kurs-course"))
            .err()
            .expect("no such folder");
        let text = error.to_string();
        assert!(text.contains("/nonexistent/kurs-course"), "{text}");
        assert!(text.contains("--watch"), "{text}");
    }
}
