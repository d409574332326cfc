//! Reading the learner's lines with a bound: whatever arrives on stdin (a stuck key, a file of
//! megabytes without a line break), kurs keeps at most `MAX_LINE` bytes of a line in memory.

use std::io::{self, BufRead};

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
    fn bytes_that_are_not_utf8_do_not_fail() {
        assert_eq!(lines(b"\xff1\n"), vec!["\u{FFFD}1"]);
    }
}
