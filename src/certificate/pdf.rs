//! The certificate as an A4 PDF in the course's language: what it states set out on the page
//! (`layout`, pure and shared with `verify`), drawn with krilla in the embedded DejaVu Sans,
//! with the signed credential inside as the embedded file `credential.jwt`.

use krilla::Document;
use krilla::color::rgb;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};

use super::CertificateError;
use super::facts::CertificateFacts;
use crate::i18n::{self, Lang, T};

/// DejaVu Sans (Bitstream Vera licence, `assets/fonts/LICENSE`): every letter of German and
/// most other Latin scripts, free to embed.
pub(super) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(super) const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The PDF's Creator: this kurs's layout. `verify` compares a PDF with this Creator byte for
/// byte with the one it makes again; raise the number whenever the page changes. A PDF of an
/// earlier layout is compared by its text: every line the credential's facts put on the page
/// must be there, so a change of layout keeps to what the credential holds (layout 2: the
/// exam's own title and pass mark, the signer's name; a credential of layout 1 has neither and
/// is laid out as it was).
pub const CREATOR: &str = "kurs certificate layout 2";

/// The name of the embedded credential, by which `verify` finds it again.
pub const EMBEDDED_NAME: &str = "credential.jwt";

/// A4 in points.
const WIDTH: f32 = 595.28;
const HEIGHT: f32 = 841.89;
/// The table's left and right edge.
const LEFT: f32 = 95.0;
const RIGHT: f32 = WIDTH - 95.0;
/// Where the footer (issue date, code, how to verify) begins; the table stays above it.
const FOOTER_TOP: f32 = HEIGHT - 215.0;

const INK: (u8, u8, u8) = (0x22, 0x22, 0x22);
const ACCENT: (u8, u8, u8) = (0x1f, 0x4e, 0x79);
const GREY: (u8, u8, u8) = (0x5a, 0x5a, 0x5a);
const LIGHT: (u8, u8, u8) = (0xc8, 0xd3, 0xde);

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One line of text on a page; `y` is its baseline, from the top.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub align: Align,
    pub color: (u8, u8, u8),
}

/// A straight line drawn on a page, from (x1, y1) to (x2, y2).
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub from: (f32, f32),
    pub to: (f32, f32),
    pub width: f32,
    pub color: (u8, u8, u8),
}

/// Everything on one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageLayout {
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
}

/// Widths of text in the two embedded fonts.
struct Measure {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Measure {
    fn new() -> Result<Measure, CertificateError> {
        let face = |bytes: &'static [u8]| {
            ttf_parser::Face::parse(bytes, 0)
                .map_err(|error| CertificateError::Pdf(format!("the embedded font: {error}")))
        };
        Ok(Measure {
            regular: face(REGULAR)?,
            bold: face(BOLD)?,
        })
    }

    /// The advance width of `text` at `size` points (kerning left aside: a point or two at most).
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|glyph| face.glyph_hor_advance(glyph))
                    .map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em())
    }

    /// The size at which `text` fits into `room` points, not below `smallest`; a text still too
    /// wide then is cut short with "…" (the credential keeps it whole).
    fn fit(&self, text: &str, room: f32, size: f32, smallest: f32, bold: bool) -> (String, f32) {
        let mut size = size;
        while self.width(text, size, bold) > room && size > smallest {
            size = (size - 0.5).max(smallest);
        }
        if self.width(text, size, bold) <= room {
            return (text.to_owned(), size);
        }
        let mut cut: String = text.to_owned();
        while !cut.is_empty() && self.width(&format!("{cut}…"), size, bold) > room {
            cut.pop();
        }
        (format!("{}…", cut.trim_end()), size)
    }
}

/// How each page of the certificate looks, from the facts, the verification code and the
/// issuer's did:key. Pure: `verify` lays out the facts of a credential again and looks for
/// every line in the PDF's text.
pub fn layout(
    facts: &CertificateFacts,
    code: &str,
    did: &str,
) -> Result<Vec<PageLayout>, CertificateError> {
    let measure = Measure::new()?;
    let lang = facts.lang;
    let room = RIGHT - LEFT;
    let mut pages = Vec::new();
    let mut page = PageLayout::default();
    let center = |text: String, y: f32, size: f32, bold: bool, color| Line {
        text,
        x: WIDTH / 2.0,
        y,
        size,
        bold,
        align: Align::Center,
        color,
    };

    let (issuer, size) = measure.fit(&facts.issuer_name, room, 11.0, 8.0, false);
    page.lines.push(center(issuer, 92.0, size, false, GREY));
    page.lines.push(center(
        T::CertTitle.get(lang).to_uppercase(),
        138.0,
        28.0,
        true,
        ACCENT,
    ));
    page.rules.push(Rule {
        from: (WIDTH / 2.0 - 70.0, 154.0),
        to: (WIDTH / 2.0 + 70.0, 154.0),
        width: 1.2,
        color: ACCENT,
    });
    page.lines.push(center(
        T::CertIntro.get(lang).to_owned(),
        190.0,
        12.0,
        false,
        INK,
    ));
    // The name and the course are never cut short if a smaller size can help: they are what the
    // certificate is about.
    let wide = WIDTH - 2.0 * 70.0;
    let (name, size) = measure.fit(&facts.learner_name, wide, 24.0, 9.0, true);
    page.lines.push(center(name, 226.0, size, true, INK));
    let birth = facts.birth().map_err(CertificateError::Facts)?;
    page.lines.push(center(
        i18n::cert_born_on(lang, &i18n::long_date(lang, birth)),
        248.0,
        11.0,
        false,
        GREY,
    ));
    page.lines.push(center(
        T::CertTheCourse.get(lang).to_owned(),
        280.0,
        12.0,
        false,
        INK,
    ));
    let (course, size) = measure.fit(&facts.course_title, wide, 18.0, 8.0, true);
    page.lines.push(center(course, 308.0, size, true, ACCENT));
    page.lines.push(center(
        T::CertWithResults.get(lang).to_owned(),
        332.0,
        12.0,
        false,
        INK,
    ));

    // The table: as many rows per page as fit above the footer, continued on a next page.
    let row = 19.0;
    let mut y = 368.0;
    let header = |page: &mut PageLayout, y: f32| {
        page.lines.push(Line {
            text: T::CertModule.get(lang).to_owned(),
            x: LEFT,
            y,
            size: 9.5,
            bold: true,
            align: Align::Left,
            color: GREY,
        });
        page.lines.push(Line {
            text: T::CertBestScore.get(lang).to_owned(),
            x: RIGHT,
            y,
            size: 9.5,
            bold: true,
            align: Align::Right,
            color: GREY,
        });
        page.rules.push(Rule {
            from: (LEFT, y + 6.0),
            to: (RIGHT, y + 6.0),
            width: 0.8,
            color: ACCENT,
        });
    };
    if !facts.modules.is_empty() {
        header(&mut page, y);
        y += 6.0 + row;
    }
    let score_width = measure.width("100 %", 11.0, false) + 24.0;
    for module in &facts.modules {
        if y > FOOTER_TOP - 10.0 {
            pages.push(std::mem::take(&mut page));
            continuation(&mut page, facts, &measure);
            y = 170.0;
            header(&mut page, y);
            y += 6.0 + row;
        }
        let (title, size) = measure.fit(&module.title, room - score_width, 11.0, 8.0, false);
        page.lines.push(Line {
            text: title,
            x: LEFT,
            y,
            size,
            bold: false,
            align: Align::Left,
            color: INK,
        });
        page.lines.push(Line {
            text: i18n::percent(lang, module.best_percent),
            x: RIGHT,
            y,
            size: 11.0,
            bold: false,
            align: Align::Right,
            color: INK,
        });
        page.rules.push(Rule {
            from: (LEFT, y + 6.5),
            to: (RIGHT, y + 6.5),
            width: 0.4,
            color: LIGHT,
        });
        y += row;
    }
    if let Some(exam) = &facts.exam {
        // Under the exam's line, in small print: the pass mark and how the time was adjusted.
        let details: Vec<String> = exam
            .pass_percent
            .map(|pass| i18n::cert_pass_mark(lang, &i18n::percent(lang, pass)))
            .into_iter()
            .chain(
                exam.time_adjusted
                    .as_ref()
                    .map(|adjusted| format!("{}: {adjusted}", T::CertTimeAdjusted.get(lang))),
            )
            .collect();
        let needed = if details.is_empty() { 24.0 } else { 40.0 };
        if y + needed > FOOTER_TOP {
            pages.push(std::mem::take(&mut page));
            continuation(&mut page, facts, &measure);
            y = 170.0;
        }
        y += 8.0;
        let result = i18n::cert_exam_result(lang, &i18n::percent(lang, exam.percent), exam.passed);
        // The course names its exam; the title gives way to the result, never the reverse.
        let title_room = room - measure.width(&result, 11.5, true) - 16.0;
        let (title, size) = measure.fit(&exam.title, title_room, 11.5, 8.0, true);
        page.lines.push(Line {
            text: title,
            x: LEFT,
            y,
            size,
            bold: true,
            align: Align::Left,
            color: INK,
        });
        page.lines.push(Line {
            text: result,
            x: RIGHT,
            y,
            size: 11.5,
            bold: true,
            align: Align::Right,
            color: INK,
        });
        if !details.is_empty() {
            let (text, size) = measure.fit(&details.join(" · "), room, 10.0, 7.0, false);
            page.lines.push(Line {
                text,
                x: LEFT,
                y: y + 16.0,
                size,
                bold: false,
                align: Align::Left,
                color: GREY,
            });
        }
    }
    pages.push(page);

    // Every page says when, by whom, its code and how to check it: a page alone is still a page
    // of this certificate.
    let date = i18n::long_date(lang, facts.issue_date());
    for page in &mut pages {
        let (issued, size) = measure.fit(
            &i18n::cert_issued(lang, &date, &facts.issuer_name),
            room,
            12.0,
            8.0,
            false,
        );
        page.lines
            .push(center(issued, HEIGHT - 178.0, size, false, INK));
        page.rules.push(Rule {
            from: (WIDTH / 2.0 - 110.0, HEIGHT - 160.0),
            to: (WIDTH / 2.0 + 110.0, HEIGHT - 160.0),
            width: 0.5,
            color: LIGHT,
        });
        page.lines.push(center(
            format!("{}: {code}", T::CertCode.get(lang)),
            HEIGHT - 136.0,
            13.0,
            true,
            ACCENT,
        ));
        page.lines.push(center(
            T::CertHowToVerify.get(lang).to_owned(),
            HEIGHT - 112.0,
            8.5,
            false,
            GREY,
        ));
        page.lines.push(center(
            T::CertVerifyCommand.get(lang).to_owned(),
            HEIGHT - 99.0,
            9.0,
            true,
            GREY,
        ));
        // Who signed, when an organisation's key did: above the key, which is never cut short.
        let key_line = match &facts.signer_name {
            None => format!("{} {did}", T::CertSignedWith.get(lang)),
            Some(signer) => {
                let (signer, size) = measure.fit(
                    &i18n::cert_signed_by(lang, signer),
                    WIDTH - 2.0 * 60.0,
                    8.0,
                    6.0,
                    false,
                );
                page.lines
                    .push(center(signer, HEIGHT - 84.0, size, false, GREY));
                format!("{} {did}", T::CertWithTheKey.get(lang))
            }
        };
        let y = if facts.signer_name.is_some() {
            HEIGHT - 72.0
        } else {
            HEIGHT - 78.0
        };
        let (signed, size) = measure.fit(&key_line, WIDTH - 2.0 * 60.0, 7.0, 5.0, false);
        page.lines.push(center(signed, y, size, false, GREY));
    }
    Ok(pages)
}

/// The head of a further page: the title marked as continued, the learner and the course.
fn continuation(page: &mut PageLayout, facts: &CertificateFacts, measure: &Measure) {
    let lang = facts.lang;
    let room = RIGHT - LEFT;
    let title = format!(
        "{} – {}",
        T::CertTitle.get(lang),
        T::CertContinued.get(lang)
    );
    let lines = [
        (title, 100.0, 16.0, true, ACCENT),
        (facts.learner_name.clone(), 126.0, 12.0, true, INK),
        (facts.course_title.clone(), 144.0, 11.0, false, INK),
    ];
    for (text, y, size, bold, color) in lines {
        let (text, size) = measure.fit(&text, room, size, 7.0, bold);
        page.lines.push(Line {
            text,
            x: WIDTH / 2.0,
            y,
            size,
            bold,
            align: Align::Center,
            color,
        });
    }
}

/// The PDF of the certificate, with `jws` embedded as `credential.jwt`.
pub fn render(
    facts: &CertificateFacts,
    code: &str,
    did: &str,
    jws: &str,
) -> Result<Vec<u8>, CertificateError> {
    let pages = layout(facts, code, did)?;
    let measure = Measure::new()?;
    let font = |bytes: &'static [u8]| {
        Font::new(krilla::Data::from(bytes), 0)
            .ok_or_else(|| CertificateError::Pdf("the embedded font cannot be read".to_owned()))
    };
    let (regular, bold) = (font(REGULAR)?, font(BOLD)?);
    let mut document = Document::new();
    for layout in &pages {
        let settings = PageSettings::from_wh(WIDTH, HEIGHT)
            .ok_or_else(|| CertificateError::Pdf("no A4 page".to_owned()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        frame(&mut surface);
        for rule in &layout.rules {
            let mut path = PathBuilder::new();
            path.move_to(rule.from.0, rule.from.1);
            path.line_to(rule.to.0, rule.to.1);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(rule.color, rule.width)));
                surface.draw_path(&path);
            }
        }
        surface.set_stroke(None);
        for line in &layout.lines {
            let width = measure.width(&line.text, line.size, line.bold);
            let x = match line.align {
                Align::Left => line.x,
                Align::Center => line.x - width / 2.0,
                Align::Right => line.x - width,
            };
            surface.set_fill(Some(fill(line.color)));
            let font = if line.bold { &bold } else { &regular };
            surface.draw_text(
                Point::from_xy(x, line.y),
                font.clone(),
                line.size,
                &line.text,
                false,
                TextDirection::Auto,
            );
        }
        surface.finish();
        page.finish();
    }
    let issued = facts.issued_at.to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let date = pdf_date(&issued);
    let lang = facts.lang;
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "{} – {} – {}",
                T::CertTitle.get(lang),
                facts.learner_name,
                facts.course_title
            ))
            .authors(vec![facts.issuer_name.clone()])
            .creator(CREATOR.to_owned())
            .keywords(vec![code.to_owned()])
            .language(
                match lang {
                    Lang::De => "de",
                    Lang::En => "en",
                }
                .to_owned(),
            )
            .creation_date(date)
            // The same facts and credential give the same file: kurs can check a PDF byte for byte.
            .document_id(code.to_owned()),
    );
    let embedded = EmbeddedFile {
        path: EMBEDDED_NAME.to_owned(),
        mime_type: MimeType::new("application/jwt"),
        description: Some(
            "Open Badges 3.0 credential (VC-JWT) from which this certificate was made".to_owned(),
        ),
        association_kind: AssociationKind::Source,
        data: jws.as_bytes().to_vec().into(),
        modification_date: Some(date),
        // Left as plain text, so that a reader can find and check it with any tool.
        compress: Some(false),
        location: None,
    };
    document
        .embed_file(embedded)
        .ok_or_else(|| CertificateError::Pdf("the credential could not be embedded".to_owned()))?;
    document
        .finish()
        .map_err(|error| CertificateError::Pdf(format!("{error:?}")))
}

fn pdf_date(time: &jiff::ZonedDateTime) -> DateTime {
    let byte = |n: i8| u8::try_from(n).unwrap_or(0);
    DateTime::new(u16::try_from(time.year()).unwrap_or(2000))
        .month(byte(time.month()))
        .day(byte(time.day()))
        .hour(byte(time.hour()))
        .minute(byte(time.minute()))
        .second(byte(time.second()))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// The double frame round the page.
fn frame(surface: &mut krilla::surface::Surface<'_>) {
    for (inset, width) in [(26.0, 2.4), (33.0, 0.6)] {
        let mut path = PathBuilder::new();
        if let Some(rect) =
            krilla::geom::Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset)
        {
            path.push_rect(rect);
        }
        if let Some(path) = path.finish() {
            surface.set_fill(None);
            surface.set_stroke(Some(stroke(ACCENT, width)));
            surface.draw_path(&path);
        }
    }
}

fn stroke(color: (u8, u8, u8), width: f32) -> Stroke {
    Stroke {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        width,
        ..Default::default()
    }
}

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificate::facts::{ModuleScore, sample};

    fn texts(pages: &[PageLayout]) -> Vec<String> {
        pages
            .iter()
            .flat_map(|p| p.lines.iter().map(|l| l.text.clone()))
            .collect()
    }

    #[test]
    fn the_first_page_names_learner_course_scores_exam_and_code() {
        let pages = layout(&sample(), "ABCD-EFGH-IJKL", "did:key:z6Mkx").expect("laid out");
        let all = texts(&pages).join("\n");
        for wanted in [
            "TEILNAHMEBESCHEINIGUNG",
            "Jürgen Größe",
            "geboren am 14. März 1990",
            "Grundlagen der Elektrotechnik",
            "Widerstände in Reihe",
            "85 %",
            "Abschlusstest",
            "92 % – bestanden",
            "Bestehensgrenze 80 % · Prüfungszeit angepasst: Zeitfaktor 1,5",
            "Ausgestellt am 1. Mai 2026 von Volkshochschule Musterstadt",
            "Prüfcode: ABCD-EFGH-IJKL",
            "kurs verify DATEI.pdf",
        ] {
            assert!(all.contains(wanted), "{wanted} missing from\n{all}");
        }
        assert_eq!(pages.len(), 1);
    }

    #[test]
    fn many_modules_continue_on_a_second_page_with_the_code_on_each() {
        let mut facts = sample();
        facts.modules = (1..=40)
            .map(|n| ModuleScore {
                title: format!("Modul {n}"),
                best_percent: 50,
            })
            .collect();
        let pages = layout(&facts, "ABCD-EFGH-IJKL", "did:key:z6Mkx").expect("laid out");
        assert!(pages.len() >= 2);
        for page in &pages {
            assert!(
                page.lines
                    .iter()
                    .any(|l| l.text == "Prüfcode: ABCD-EFGH-IJKL")
            );
            assert!(page.lines.iter().all(|l| l.y < HEIGHT - 60.0));
        }
        assert!(texts(&pages).contains(&"Modul 40".to_owned()));
    }

    #[test]
    fn the_exam_line_carries_the_courses_own_title_and_gives_way_to_the_result() {
        let mut facts = sample();
        if let Some(exam) = &mut facts.exam {
            exam.title = "Große Abschlussprüfung der Elektrofachkraft für festgelegte Tätigkeiten"
                .to_owned();
        }
        let pages = layout(&facts, "ABCD-EFGH-IJKL", "did:key:z6Mkx").expect("laid out");
        let measure = Measure::new().expect("font");
        let lines = &pages[0].lines;
        let result = lines
            .iter()
            .find(|l| l.text.starts_with("92 %"))
            .expect("the result");
        let title = lines
            .iter()
            .find(|l| l.text.starts_with("Große Abschluss"))
            .unwrap_or_else(|| panic!("no title in {lines:#?}"));
        assert_eq!(title.y, result.y);
        let title_end = LEFT + measure.width(&title.text, title.size, true);
        let result_start = RIGHT - measure.width(&result.text, result.size, true);
        assert!(title_end < result_start, "{title:?} runs into {result:?}");
    }

    #[test]
    fn a_long_name_is_made_smaller_until_it_fits() {
        let measure = Measure::new().expect("font");
        let name = "Maximiliane Friederike Leopoldine von Großmann-Überlingen";
        let room = WIDTH - 2.0 * 70.0;
        let (text, size) = measure.fit(name, room, 24.0, 9.0, true);
        assert_eq!(text, name);
        assert!(size < 24.0);
        assert!(measure.width(&text, size, true) <= room);
    }

    #[test]
    fn the_same_facts_make_the_same_pdf() {
        let facts = sample();
        let one = render(&facts, "ABCD-EFGH-IJKL", "did:key:z6Mkx", "a.b.c").expect("pdf");
        let two = render(&facts, "ABCD-EFGH-IJKL", "did:key:z6Mkx", "a.b.c").expect("pdf");
        assert!(one.starts_with(b"%PDF-"));
        assert_eq!(one, two);
    }
}
