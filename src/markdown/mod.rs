//! Course texts are Markdown written by trainers; this turns them into wrapped display lines of styled runs.
//! Both front ends (the terminal UI and the plain screen-reader mode) draw these lines; nothing here knows a terminal.

mod page;
mod parse;
mod text;
mod wrap;

use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use page::Page;
pub use parse::first_raw_html;
pub use text::read_text;

/// How a run of text looks; the front ends map it to colours/attributes or ignore it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Emphasis {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub link: bool,
    pub quote: bool,
    pub heading: bool,
    /// `~~struck out~~`: the front end crosses it out; the `~~` stay around it as well, because
    /// not every terminal can show crossed-out text.
    pub struck: bool,
    /// The lines of a table or a thematic break: drawn, not read.
    pub rule: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub emphasis: Emphasis,
}

/// One display line, already wrapped; indentation and list markers are part of the runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    pub runs: Vec<Run>,
}

impl Line {
    /// The line's text without emphasis, as a screen reader gets it.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Display columns the line takes up.
    pub fn width(&self) -> usize {
        self.text().width()
    }
}

/// Markers differ between the terminal UI and plain/screen-reader output.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub bullets: [&'static str; 3],
    pub quote: &'static str,
    /// A task list item's box, open and done.
    pub tasks: [&'static str; 2],
    /// Tables drawn as a grid of columns; otherwise told one row to a line, "Spalte: Wert; …".
    pub grid: bool,
    /// Where the page is read aloud (plain mode), the language in which tables are announced and
    /// struck-out text and task boxes are said in words. `None` for text that is only searched
    /// or shortened, where such words would be found or shown as if they were the trainer's.
    pub words: Option<Lang>,
}

impl Style {
    pub const TERMINAL: Style = Style {
        bullets: ["• ", "◦ ", "▪ "],
        quote: "│ ",
        tasks: ["☐ ", "☑ "],
        grid: true,
        words: None,
    };
    pub const PLAIN: Style = Style {
        bullets: ["- ", "- ", "- "],
        quote: "> ",
        tasks: ["[ ] ", "[x] "],
        grid: false,
        words: None,
    };

    /// This style, read aloud in `lang`: what plain mode prints for a learner.
    pub fn told_in(self, lang: Lang) -> Style {
        Style {
            words: Some(lang),
            ..self
        }
    }

    /// A style made only of ASCII markers gets an ASCII thematic break too.
    fn rule(&self) -> &'static str {
        if self.quote.is_ascii() { "-" } else { "─" }
    }
}

/// Renders Markdown into lines at most `width` display columns wide (width 0 is treated as 1).
pub fn render(markdown: &str, width: usize, style: Style) -> Vec<Line> {
    let document = parse::Document::read(markdown);
    let mut page = Page::new(width.max(1), style, document.shape);
    for event in document.events {
        page.event(event);
    }
    page.finish()
}

/// Appends text, joining it to the last run when it looks the same.
fn push_text(runs: &mut Vec<Run>, text: &str, emphasis: Emphasis) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.emphasis == emphasis => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_owned(),
            emphasis,
        }),
    }
}

#[cfg(test)]
mod test_support {
    //! Shared by the tests of every file here: rendering to plain text and finding a run's emphasis.

    use super::{Emphasis, Line, Style, render};

    pub(super) fn terminal(markdown: &str, width: usize) -> String {
        text_of(&render(markdown, width, Style::TERMINAL))
    }

    pub(super) fn plain(markdown: &str, width: usize) -> String {
        text_of(&render(markdown, width, Style::PLAIN))
    }

    pub(super) fn text_of(lines: &[Line]) -> String {
        lines.iter().map(Line::text).collect::<Vec<_>>().join("\n")
    }

    pub(super) fn emphasis_of<'a>(lines: &'a [Line], text: &str) -> Option<&'a Emphasis> {
        lines
            .iter()
            .flat_map(|line| &line.runs)
            .find(|run| run.text == text)
            .map(|run| &run.emphasis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_support::{plain, terminal, text_of};

    #[test]
    fn bidi_controls_and_invisible_characters_are_neutralised_the_same_in_both_styles() {
        let text = "# Head\u{202E}ing\n\nSee \u{2066}**bold\u{200B}**\u{2069} and `co\u{202D}de` \
            [li\u{FEFF}nk](https://x.org/\u{202E}) line\u{2028}break\u{2029}.\n\n\
            ```\nfn x\u{202B}() {}\n```\n\n- it\u{2067}em\n";
        for style in [Style::TERMINAL, Style::PLAIN] {
            let shown: String = render(text, 80, style)
                .iter()
                .map(|l| l.text() + "\n")
                .collect();
            assert!(
                !shown.chars().any(crate::safe_text::is_invisible),
                "{shown:?}"
            );
            assert_eq!(shown.matches('\u{FFFD}').count(), 11, "{shown:?}");
        }
    }

    const SAMPLE: &str = "# Sicher im Netz: Passwörter und Zwei-Faktor-Anmeldung\n\
        \n\
        Ein **gutes Passwort** ist *lang*, einzigartig und geheim. Nutzen Sie `pass-wort-manager` \
        oder schreiben Sie an [den Support](https://example.org/hilfe/passwoerter?lang=de#abschnitt-zwei).\n\
        Donaudampfschifffahrtsgesellschaftskapitänsmütze ist ein langes Wort.\n\
        \n\
        - Erster Punkt mit **Slack**, *Teams* und <https://example.com/a/very/long/path/that/goes/on>\n\
        - Zweiter Punkt\n\
        \x20 - Verschachtelt mit einem ziemlich langen Text, der umbrechen muss\n\
        \x20   1. Tief\n\
        \x20      > Zitat im Punkt mit Text\n\
        \n\
        3. Drei\n\
        4. Vier\n\
        \n\
        > Ein Zitat über mehrere Wörter, die umbrechen.\n\
        > > Verschachtelt: 日本語のテキストは空白なしで折り返されます。\n\
        \n\
        ```rust\n\
        fn main() {\n\
        \tprintln!(\"Hallo, Welt! Eine sehr lange Zeile im Code, die abgeschnitten wird\");\n\
        }\n\
        ```\n\
        \n\
        ---\n\
        \n\
        Emoji 👍🏽 und 👨‍👩‍👧 und e\u{301}\u{301} sowie <b>fett</b>.  \n\
        Harter Umbruch ![Bild](bild.png)\n\
        \n\
        <div class=\"hinweis\">\n\
        Hinweis\n\
        </div>\n";

    #[test]
    fn plain_style_uses_dashes() {
        assert_eq!(
            plain("- a\n  - b\n\n> q\n\n---", 10),
            "- a\n  - b\n\n> q\n\n----------"
        );
    }

    #[test]
    fn width_zero_is_treated_as_one() {
        assert_eq!(terminal("ab c", 0), "a\nb\nc");
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        let markdown = "red\x1b[31m bell\x07 clip\x1b]52;c;ZXZpbA==\x07 csi\u{9b}2J nel\u{85} \
            [l\x1bX](https://x.org/\u{9b}) `c\x1b[1m`\n\n```\n\x1b[2J\n```\n\n<p>\x1b[5m</p>";
        let lines = render(markdown, 200, Style::TERMINAL);
        let text = text_of(&lines);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert_eq!(
            text,
            "red\u{FFFD}[31m bell\u{FFFD} clip\u{FFFD}]52;c;ZXZpbA==\u{FFFD} csi\u{FFFD}2J nel\u{FFFD} \
             l\u{FFFD}X (https://x.org/\u{FFFD}) c\u{FFFD}[1m\n\n    \u{FFFD}[2J\n\n<p>\u{FFFD}[5m</p>"
        );
    }

    #[test]
    fn no_line_is_wider_than_width_for_any_width() {
        for style in [Style::TERMINAL, Style::PLAIN] {
            for width in 1..=60 {
                for line in render(SAMPLE, width, style) {
                    assert!(line.width() <= width, "width {width}: {:?}", line.text());
                }
            }
        }
    }

    #[test]
    fn no_line_ends_with_a_space() {
        for width in 1..=60 {
            for line in render(SAMPLE, width, Style::TERMINAL) {
                assert!(
                    !line.text().ends_with(' '),
                    "width {width}: {:?}",
                    line.text()
                );
            }
        }
    }

    #[test]
    fn sample_document_renders_as_expected_at_forty_columns() {
        assert_eq!(
            terminal(SAMPLE, 40),
            "Sicher im Netz: Passwörter und\n\
             Zwei-Faktor-Anmeldung\n\
             \n\
             Ein gutes Passwort ist lang, einzigartig\n\
             und geheim. Nutzen Sie pass-wort-manager\n\
             oder schreiben Sie an den Support\n\
             (https://example.org/hilfe/passwoerter?l\n\
             ang=de#abschnitt-zwei).\n\
             Donaudampfschifffahrtsgesellschaftskapit\n\
             änsmütze ist ein langes Wort.\n\
             \n\
             • Erster Punkt mit Slack, Teams und\n\
             \x20 https://example.com/a/very/long/path/t\n\
             \x20 hat/goes/on\n\
             • Zweiter Punkt\n\
             \x20 ◦ Verschachtelt mit einem ziemlich\n\
             \x20   langen Text, der umbrechen muss\n\
             \x20   1. Tief\n\
             \x20      │ Zitat im Punkt mit Text\n\
             \n\
             3. Drei\n\
             4. Vier\n\
             \n\
             │ Ein Zitat über mehrere Wörter, die\n\
             │ umbrechen.\n\
             │\n\
             │ │ Verschachtelt: 日本語のテキストは空\n\
             │ │ 白なしで折り返されます。\n\
             \n\
             \x20   fn main() {\n\
             \x20       println!(\"Hallo, Welt! Eine sehr\n\
             \x20    lange Zeile im Code, die abgeschnit\n\
             \x20   ten wird\");\n\
             \x20   }\n\
             \n\
             ────────────────────────────────────────\n\
             \n\
             Emoji 👍🏽 und 👨‍👩‍👧 und e\u{301}\u{301} sowie <b>fett</b>.\n\
             Harter Umbruch Bild (bild.png)\n\
             \n\
             <div class=\"hinweis\">\n\
             Hinweis\n\
             </div>"
        );
    }

    #[test]
    fn large_and_deeply_nested_input_renders_within_its_width() {
        let items: String = (0..10_000)
            .map(|n| format!("- item **{n}** with [a link](https://x.org/{n}) and more words\n"))
            .collect();
        let quotes = format!("{} deep\n", ">".repeat(10_000));
        let nested = "- ".repeat(10_000) + "deep\n";
        let paragraph = "word ".repeat(100_000);
        let markdown = [items.as_str(), &quotes, &nested, &paragraph]
            .join("\n")
            .repeat(4);
        assert!(markdown.len() > 4 << 20);
        // How fast is for the benchmarks (no timing asserts in tests); this one proves that
        // 4 MiB of lists, deep quotes and one long paragraph render at all, and within 60 columns.
        let lines = render(&markdown, 60, Style::TERMINAL);
        assert!(!lines.is_empty());
        assert!(lines.iter().all(|l| l.width() <= 60));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn no_line_is_ever_wider_than_width(
                markdown in "([-*>#`\\[\\]()!<>_ \n\t1.\\\\|~^:a-zäö日本👍🏽\u{301}\u{1b}\u{9b}]|https://x.org|\n\n|    |\\|:?-+:?\\||- \\[[ x]\\] |\\[\\^a\\]:? |~~){0,80}",
                width in 0usize..30,
            ) {
                for style in [Style::TERMINAL, Style::PLAIN, Style::PLAIN.told_in(Lang::En)] {
                    for line in render(&markdown, width, style) {
                        prop_assert!(line.width() <= width.max(1), "{:?}", line.text());
                        prop_assert!(!line.text().ends_with(' '), "{:?}", line.text());
                        prop_assert!(!line.text().chars().any(char::is_control), "{:?}", line.text());
                    }
                }
            }
        }
    }
}
