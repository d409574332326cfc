//! Code blocks on the page: indented, never re-wrapped, and cut at the width only where a line
//! is longer than the room, so code stays as the trainer laid it out.

use super::{Page, indent_limit};
use crate::markdown::wrap::cut_to_width;
use crate::markdown::{Emphasis, Run};
use crate::safe_text::sanitize;

impl Page {
    /// Code arrives in several text events and is cut line by line, so it is written only once
    /// its block (or, unclosed, the document) ends.
    pub(super) fn end_code_block(&mut self) {
        if let Some(code) = self.code.take() {
            self.code_block(&code);
        }
    }

    fn code_block(&mut self, code: &str) {
        let room = self.room();
        let indent = indent_limit(room).min(4);
        let piece_width = room - indent;
        let block = self.block_emphasis();
        let emphasis = Emphasis {
            code: true,
            ..block
        };
        let code = code.strip_suffix('\n').unwrap_or(code);
        if code.is_empty() {
            return;
        }
        for source_line in code.split('\n') {
            let source_line = sanitize(source_line.trim_end_matches('\r'));
            let mut pieces = cut_to_width(&source_line, piece_width).peekable();
            if pieces.peek().is_none() {
                self.write(Vec::new());
            }
            for piece in pieces {
                self.write(vec![
                    Run {
                        text: " ".repeat(indent),
                        emphasis: block,
                    },
                    Run {
                        text: piece,
                        emphasis,
                    },
                ]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::test_support::{emphasis_of, terminal, text_of};
    use crate::markdown::{Style, render};

    #[test]
    fn code_block_is_indented_and_not_rewrapped() {
        let lines = render(
            "Text\n\n```\nlet a = 1;  let b = 2;\n\n  x\n```\nAfter",
            40,
            Style::TERMINAL,
        );
        assert_eq!(
            text_of(&lines),
            "Text\n\n    let a = 1;  let b = 2;\n\n      x\n\nAfter"
        );
        assert!(emphasis_of(&lines, "let a = 1;  let b = 2;").is_some_and(|e| e.code));
    }

    #[test]
    fn long_code_line_is_cut_at_width() {
        assert_eq!(terminal("    abcdefghij", 8), "    abcd\n    efgh\n    ij");
    }

    #[test]
    fn tabs_in_code_become_spaces() {
        assert_eq!(terminal("```\n\tx\n```", 40), "        x");
    }

    #[test]
    fn code_block_in_quote_carries_the_bar() {
        assert_eq!(terminal("> ```\n> code\n> ```", 40), "│     code");
    }
}
