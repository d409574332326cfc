//! Reading the learner's lines with a bound: whatever arrives on stdin (a stuck key, a file of
//! megabytes without a line break), kurs keeps at most `MAX_LINE` bytes of a line in memory.
//! A thread of its own reads them (`Lines`), so that plain mode can wait for a line with a
//! deadline: an exam's time runs on while the learner thinks, and its warning cannot wait.

use std::io::{self, BufRead};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::thread::Scope;
use std::time::Instant;

/// The learner's lines as they arrive, one read ahead at most.
pub struct Lines {
    receive: Receiver<Option<String>>,
    /// The input has ended (or failed): every later wait ends at once.
    ended: bool,
}

/// What waiting for a line gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Waited {
    Line(String),
    /// The input ended, or could not be read any more.
    End,
    /// The deadline passed first; the line, when it comes, is the next one.
    Deadline,
}

impl Lines {
    /// The process's stdin. Its thread is never joined: a read from a terminal cannot be
    /// interrupted, and it ends with the process.
    pub fn stdin() -> Lines {
        let (send, receive) = sync_channel(0);
        std::thread::spawn(move || feed(io::stdin().lock(), send));
        Lines {
            receive,
            ended: false,
        }
    }

    /// Any input, read by a thread of `scope` (a script, a test): it ends when the input ends
    /// or when these `Lines` are dropped, whichever comes first.
    pub fn scoped<'scope>(
        scope: &'scope Scope<'scope, '_>,
        input: impl BufRead + Send + 'scope,
    ) -> Lines {
        let (send, receive) = sync_channel(0);
        scope.spawn(move || feed(input, send));
        Lines {
            receive,
            ended: false,
        }
    }

    /// The next line, waiting at most until `deadline` (for ever without one).
    pub fn next(&mut self, deadline: Option<Instant>) -> Waited {
        if self.ended {
            return Waited::End;
        }
        let got = match deadline {
            None => self
                .receive
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
            Some(at) => self
                .receive
                .recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        match got {
            Ok(Some(line)) => Waited::Line(line),
            Err(RecvTimeoutError::Timeout) => Waited::Deadline,
            Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                self.ended = true;
                Waited::End
            }
        }
    }
}

/// Reads `input` line by line into `send` until the input ends or nobody listens; a failing
/// input is, for the learner, the same as one that has ended.
fn feed(mut input: impl BufRead, send: SyncSender<Option<String>>) {
    loop {
        let line = read_line(&mut input).unwrap_or(None);
        let end = line.is_none();
        if send.send(line).is_err() || end {
            return;
        }
    }
}

/// Far more than any menu number or quiz answer; the rest of a longer line is read and dropped.
pub const MAX_LINE: usize = 4096;

/// The next line without its line break (`\n` or `\r\n`), cut to `MAX_LINE` bytes;
/// `None` at the end of input. Bytes that are not UTF-8 become U+FFFD.
pub fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut kept: Vec<u8> = Vec::new();
    let mut read_any = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            // A last line without a line break still counts.
            return Ok(read_any.then(|| decode(kept)));
        }
        read_any = true;
        let (line, used, complete) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (&buffer[..end], end + 1, true),
            None => (buffer, buffer.len(), false),
        };
        let room = MAX_LINE.saturating_sub(kept.len());
        kept.extend_from_slice(&line[..line.len().min(room)]);
        input.consume(used);
        if complete {
            return Ok(Some(decode(kept)));
        }
    }
}

fn decode(mut bytes: Vec<u8>) -> String {
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    // A cut may split a character; lossy decoding turns the piece into U+FFFD instead of failing.
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor};

    fn lines(bytes: &[u8]) -> Vec<String> {
        let mut input = Cursor::new(bytes);
        let mut out = Vec::new();
        while let Some(line) = read_line(&mut input).expect("reading from memory") {
            out.push(line);
        }
        out
    }

    #[test]
    fn lines_lose_their_line_breaks() {
        assert_eq!(lines(b"1\r\nzwei\n\ndrei"), vec!["1", "zwei", "", "drei"]);
    }

    #[test]
    fn empty_input_has_no_line() {
        assert!(lines(b"").is_empty());
    }

    #[test]
    fn a_long_line_is_cut_and_the_next_line_is_intact() {
        let mut bytes = vec![b'a'; 1_000_000];
        bytes.extend_from_slice(b"\n2\n");
        // A small buffer makes the long line arrive in many pieces, as from a pipe.
        let mut input = BufReader::with_capacity(64, Cursor::new(bytes));
        let first = read_line(&mut input).expect("read").expect("a line");
        assert_eq!(first.len(), MAX_LINE);
        assert_eq!(read_line(&mut input).expect("read").as_deref(), Some("2"));
        assert_eq!(read_line(&mut input).expect("read"), None);
    }

    #[test]
    fn a_wait_with_a_deadline_ends_at_the_deadline_and_the_line_still_comes_after() {
        let (reader, mut writer) = std::io::pipe().expect("a pipe");
        std::thread::scope(|scope| {
            let mut lines = Lines::scoped(scope, BufReader::new(reader));
            let soon = Instant::now() + std::time::Duration::from_millis(50);
            assert_eq!(lines.next(Some(soon)), Waited::Deadline);
            use std::io::Write;
            writer.write_all(b"ja\n").expect("write");
            assert_eq!(lines.next(None), Waited::Line("ja".into()));
            drop(writer);
            assert_eq!(lines.next(None), Waited::End);
            assert_eq!(lines.next(None), Waited::End, "the end stays the end");
        });
    }

    #[test]
    fn lines_dropped_before_the_input_ends_let_their_reader_go() {
        std::thread::scope(|scope| {
            let mut lines = Lines::scoped(scope, Cursor::new(b"1\n2\n3\n".to_vec()));
            assert_eq!(lines.next(None), Waited::Line("1".into()));
            drop(lines);
        });
    }

    #[test]
    fn bytes_that_are_not_utf8_do_not_fail() {
        assert_eq!(lines(b"\xff1\n"), vec!["\u{FFFD}1"]);
    }
}
