//! TODO (placeholder API until the renderer lands; replace this whole file)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Emphasis {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub link: bool,
    pub quote: bool,
    pub heading: bool,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub emphasis: Emphasis,
}
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    pub runs: Vec<Run>,
}
impl Line {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
    pub fn width(&self) -> usize {
        unicode_width::UnicodeWidthStr::width(self.text().as_str())
    }
}
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub bullets: [&'static str; 3],
    pub quote: &'static str,
}
impl Style {
    pub const TERMINAL: Style = Style {
        bullets: ["• ", "◦ ", "▪ "],
        quote: "│ ",
    };
    pub const PLAIN: Style = Style {
        bullets: ["- ", "- ", "- "],
        quote: "> ",
    };
}
pub fn render(markdown: &str, width: usize, _style: Style) -> Vec<Line> {
    let mut out = Vec::new();
    for para in markdown.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push(Line {
                    runs: vec![Run {
                        text: std::mem::take(&mut line),
                        emphasis: Emphasis::default(),
                    }],
                });
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word.chars().filter(|c| !c.is_control()).collect::<String>());
        }
        out.push(Line {
            runs: vec![Run {
                text: line,
                emphasis: Emphasis::default(),
            }],
        });
    }
    out
}
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect(),
    )
}
pub fn raw_html_spans(_markdown: &str) -> Vec<std::ops::Range<usize>> {
    Vec::new()
}
