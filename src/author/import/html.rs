//! The HTML of imported questions as Markdown (or as plain text for plain keys): a small, safe
//! conversion of the common tags; every other tag is dropped and entities are decoded, so no
//! raw HTML reaches a module file.

/// HTML text as kurs Markdown: paragraphs, line breaks, bold, italic, code, links, lists.
/// `keep_newlines`: Moodle's own format, where a line break in the text is a line break.
pub fn to_markdown(html: &str, keep_newlines: bool) -> String {
    let mut out = Markdown::default();
    for token in tokens(html) {
        match token {
            Token::Text(text) => out.text(&text, keep_newlines),
            Token::Tag {
                name,
                closing,
                href,
            } => out.tag(&name, closing, href),
        }
    }
    out.finish()
}

/// HTML text as plain text: the tags dropped, entities decoded, white space folded.
pub fn to_plain(html: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for token in tokens(html) {
        match token {
            Token::Text(text) if !skipping => out.push_str(&text),
            Token::Text(_) => {}
            Token::Tag { name, closing, .. } => {
                if name == "script" || name == "style" {
                    skipping = !closing;
                } else if matches!(name.as_str(), "br" | "p" | "div" | "li") {
                    out.push(' ');
                }
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text as Markdown that shows every character as written: the marks Markdown reads
/// escaped with `\`. `hard_breaks`: a line break stays a line break.
pub fn escape_markdown(text: &str, hard_breaks: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    for c in text.chars() {
        match c {
            '\n' => {
                out.push_str(if hard_breaks { "\\\n" } else { "\n" });
                line_start = true;
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '|' | '~' => {
                out.push('\\');
            }
            '-' | '+' | '=' if line_start => out.push('\\'),
            _ => {}
        }
        if !(line_start && c == ' ') {
            line_start = false;
        }
        out.push(c);
    }
    // A number and a dot at the start of a line would start a numbered list.
    out.split('\n')
        .map(|line| {
            let digits = line
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            let rest = &line.trim_start()[digits..];
            if digits > 0 && (rest.starts_with(". ") || rest == "." || rest.starts_with(") ")) {
                let indent = line.len() - line.trim_start().len();
                format!(
                    "{}{}\\{}",
                    &line[..indent],
                    &line[indent..indent + digits],
                    rest
                )
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

enum Token {
    Text(String),
    Tag {
        name: String,
        closing: bool,
        href: Option<String>,
    },
}

/// The text and tags of `html`, entities decoded. A `<` that starts no tag is text.
fn tokens(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                continue;
            }
            let inner = &rest[1..];
            let closing = inner.starts_with('/');
            let name_start = if closing { &inner[1..] } else { inner };
            let starts_tag = name_start
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic());
            if starts_tag && let Some(end) = inner.find('>') {
                let body = &inner[..end];
                let name: String = name_start
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if !text.is_empty() {
                    tokens.push(Token::Text(std::mem::take(&mut text)));
                }
                let href = (name == "a" && !closing)
                    .then(|| attribute(body, "href"))
                    .flatten();
                tokens.push(Token::Tag {
                    name,
                    closing,
                    href,
                });
                rest = &inner[end + 1..];
                continue;
            }
        }
        if c == '&'
            && let Some((decoded, len)) = entity(rest)
        {
            text.push(decoded);
            rest = &rest[len..];
            continue;
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !text.is_empty() {
        tokens.push(Token::Text(text));
    }
    tokens
}

/// The value of attribute `name` in the inside of a tag, its entities decoded.
fn attribute(body: &str, name: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))?;
    let value = &body[at + name.len() + 1..];
    let value = match value.chars().next()? {
        quote @ ('"' | '\'') => {
            let inner = &value[1..];
            &inner[..inner.find(quote)?]
        }
        _ => value
            .split(|c: char| c.is_whitespace() || c == '>')
            .next()?,
    };
    let mut decoded = String::new();
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        if c == '&'
            && let Some((d, len)) = entity(rest)
        {
            decoded.push(d);
            rest = &rest[len..];
        } else {
            decoded.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Some(decoded)
}

/// The character of the entity at the start of `text` and its length in bytes.
fn entity(text: &str) -> Option<(char, usize)> {
    let end = text.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &text[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "euro" => '€',
        "copy" => '©',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\n' || *c == '\t')?
        }
    };
    Some((c, end + 1))
}

/// Markdown being written from HTML.
#[derive(Default)]
struct Markdown {
    out: String,
    /// The open lists: ordered or not, and the number of the next item.
    lists: Vec<(bool, usize)>,
    /// Open links: where the link text starts in `out`, and the target.
    links: Vec<(usize, Option<String>)>,
    /// Inside `<script>` or `<style>`, whose text is not shown.
    skipping: bool,
    /// Inside `<pre>`: text as written.
    pre: bool,
}

impl Markdown {
    fn text(&mut self, text: &str, keep_newlines: bool) {
        if self.skipping {
            return;
        }
        if self.pre {
            self.out.push_str(&text.replace("```", "'''"));
            return;
        }
        let mut folded = String::with_capacity(text.len());
        let mut space = false;
        for c in text.chars() {
            if c == '\n' && keep_newlines {
                folded.push('\n');
                space = false;
            } else if c.is_whitespace() {
                if !space {
                    folded.push(' ');
                }
                space = true;
            } else {
                folded.push(c);
                space = false;
            }
        }
        let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
        let folded = if at_line_start {
            folded.trim_start_matches(' ')
        } else {
            &folded
        };
        self.out.push_str(&escape_markdown(folded, true));
    }

    fn blank_line(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\n']).len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
    }

    fn line_break(&mut self) {
        let trimmed = self.out.trim_end_matches(' ').len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn tag(&mut self, name: &str, closing: bool, href: Option<String>) {
        match (name, closing) {
            ("script" | "style", _) => self.skipping = !closing,
            _ if self.skipping => {}
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                self.blank_line();
                self.out.push_str("**");
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                self.out.push_str("**");
                self.blank_line();
            }
            ("p" | "div" | "table" | "blockquote", _) => self.blank_line(),
            ("br", _) if !self.out.trim().is_empty() => {
                let trimmed = self.out.trim_end_matches(' ').len();
                self.out.truncate(trimmed);
                self.out.push_str("\\\n");
            }
            ("tr", true) | ("hr", _) => self.line_break(),
            ("td" | "th", true) => self.out.push(' '),
            ("b" | "strong", _) => self.out.push_str("**"),
            ("i" | "em", _) => self.out.push('*'),
            ("code" | "tt", _) => self.out.push('`'),
            ("pre", false) => {
                self.blank_line();
                self.out.push_str("```\n");
                self.pre = true;
            }
            ("pre", true) => {
                self.pre = false;
                self.line_break();
                self.out.push_str("```\n\n");
            }
            ("ul" | "ol", false) => {
                self.line_break();
                self.lists.push((name == "ol", 1));
            }
            ("ul" | "ol", true) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.blank_line();
                }
            }
            ("li", false) => {
                self.line_break();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some((true, next)) => {
                        let marker = format!("{next}. ");
                        *next += 1;
                        marker
                    }
                    _ => "- ".to_owned(),
                };
                self.out.push_str(&"  ".repeat(depth));
                self.out.push_str(&marker);
            }
            ("a", false) => self.links.push((self.out.len(), href)),
            ("a", true) => {
                if let Some((start, Some(target))) = self.links.pop() {
                    let safe = target.starts_with("https://")
                        || target.starts_with("http://")
                        || target.starts_with("mailto:");
                    let text = self.out[start..].to_owned();
                    if safe && !target.contains([' ', '(', ')', '<', '>']) {
                        self.out.truncate(start);
                        let label = if text.trim().is_empty() {
                            target.clone()
                        } else {
                            text
                        };
                        self.out.push_str(&format!("[{label}]({target})"));
                    }
                }
            }
            _ => {}
        }
    }

    fn finish(self) -> String {
        let text = self.out.trim().trim_end_matches('\\').trim_end();
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_tags_become_markdown() {
        assert_eq!(
            to_markdown(
                "<p>A <b>bold</b> and <i>italic</i> word.</p><p>Next</p>",
                false
            ),
            "A **bold** and *italic* word.\n\nNext"
        );
        assert_eq!(to_markdown("one<br>two", false), "one\\\ntwo");
        assert_eq!(
            to_markdown("<ul><li>a</li><li>b</li></ul>", false),
            "- a\n- b"
        );
        assert_eq!(
            to_markdown("<ol><li>a</li><li>b</li></ol>", false),
            "1. a\n2. b"
        );
        assert_eq!(
            to_markdown("see <a href=\"https://moodle.org\">Moodle</a>", false),
            "see [Moodle](https://moodle.org)"
        );
        assert_eq!(to_markdown("type <code>ls</code>", false), "type `ls`");
    }

    #[test]
    fn unknown_tags_are_dropped_and_scripts_with_their_text() {
        assert_eq!(
            to_markdown(
                "<span class=x>hi</span><script>alert(1)</script><img src=x>",
                false
            ),
            "hi"
        );
    }

    #[test]
    fn entities_are_decoded_and_markdown_marks_in_text_are_escaped() {
        assert_eq!(
            to_markdown("a &lt;b&gt; &amp; c*d", false),
            "a \\<b\\> \\& c\\*d"
        );
        assert_eq!(to_plain("a &lt;b&gt; &#228;&#xFC;"), "a <b> äü");
    }

    #[test]
    fn a_link_to_anything_but_the_web_or_mail_keeps_only_its_text() {
        assert_eq!(
            to_markdown("<a href=\"javascript:alert(1)\">click</a>", false),
            "click"
        );
    }

    #[test]
    fn a_lone_less_than_sign_is_text() {
        assert_eq!(to_markdown("1 < 2", false), "1 \\< 2");
        assert_eq!(to_plain("1 < 2"), "1 < 2");
    }

    #[test]
    fn moodle_text_keeps_its_line_breaks() {
        assert_eq!(to_markdown("one\ntwo", true), "one\\\ntwo");
        assert_eq!(to_markdown("one\ntwo", false), "one two");
    }
}
