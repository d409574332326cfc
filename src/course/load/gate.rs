//! Large files on one thread only. A file of many tokens costs tens of MB while it is parsed and
//! checked, and the allocator keeps what a thread once used for that thread, so large files
//! loaded on several threads would cost that several times over. A worker thread that meets a
//! large file gives up its course; the thread that hands the courses out in order loads it again
//! when its turn comes. Small files, all that ordinary courses have, load on every thread.

use std::cell::Cell;

/// Files of more tokens than this are large: about 200 KB of ordinary TOML, 4 MB while checked.
pub(super) const LARGE_TOKENS: usize = 30_000;

thread_local! {
    /// On a worker thread: `Some(met)`, whether the target it is loading met a large file.
    static WORKER: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Marks this thread as a worker while the value lives: it loads no large file.
pub(super) struct Worker(());

impl Worker {
    pub(super) fn enter() -> Worker {
        WORKER.set(Some(false));
        Worker(())
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        WORKER.set(None);
    }
}

/// Asked before a large file is parsed: whether this thread may. A worker may not, and
/// remembers that its target must be loaded again elsewhere.
pub(super) fn may_load_large() -> bool {
    match WORKER.get() {
        Some(_) => {
            WORKER.set(Some(true));
            false
        }
        None => true,
    }
}

/// Whether the worker's current target met a large file, so that what was loaded of it is to be
/// thrown away (and stopping early saves work); `false` on any other thread.
pub(super) fn gave_up() -> bool {
    WORKER.get() == Some(true)
}

/// As [`gave_up`], and makes the worker ready for its next target.
pub(super) fn take_gave_up() -> bool {
    let gave_up = gave_up();
    if gave_up {
        WORKER.set(Some(false));
    }
    gave_up
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_thread_that_is_no_worker_loads_large_files() {
        assert!(may_load_large() && !gave_up());
        std::thread::spawn(|| {
            let _worker = Worker::enter();
            assert!(!gave_up());
            assert!(!may_load_large());
            assert!(gave_up());
            assert!(take_gave_up());
            assert!(!take_gave_up(), "ready for the next target");
        })
        .join()
        .unwrap();
        assert!(may_load_large());
    }
}
