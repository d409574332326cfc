//! What a certificate page can show: the letters the embedded DejaVu Sans has in both its cuts,
//! set left to right one after another. Asked of the name a learner types and of every fact
//! before it is signed, so that no certificate is issued that `kurs verify` would call altered.

use unicode_bidi::BidiClass;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::pdf::{BOLD, REGULAR};

/// The characters of a text the page cannot show as they were given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotShown {
    /// The text is written right to left (Arabic, Hebrew, …): the page would set its letters
    /// left to right and unjoined, and read back in that wrong order. `characters` are the
    /// right-to-left ones.
    pub right_to_left: bool,
    /// Each once, in the order they first appear: letters the font has no glyph for (they
    /// would print as empty boxes), and marks or invisible format characters that stay apart
    /// from their letter (the page would not read back as the text).
    pub characters: Vec<char>,
}

/// The form a text takes on a certificate: composed (NFC), so that "e" with a combining accent
/// is the one letter "é" the font has.
pub fn normal_form(text: &str) -> String {
    text.nfc().collect()
}

/// What of `text` (in its normal form) a certificate cannot show; `None` when all of it.
pub fn not_shown(text: &str) -> Option<NotShown> {
    let text = normal_form(text);
    let mut right_to_left = Vec::new();
    let mut other = Vec::new();
    let fonts = Fonts::get();
    for c in text.chars() {
        let list = if is_right_to_left(c) {
            &mut right_to_left
        } else if !fonts.shows(c) || is_apart(c) {
            &mut other
        } else {
            continue;
        };
        if !list.contains(&c) {
            list.push(c);
        }
    }
    if !right_to_left.is_empty() {
        return Some(NotShown {
            right_to_left: true,
            characters: right_to_left,
        });
    }
    (!other.is_empty()).then_some(NotShown {
        right_to_left: false,
        characters: other,
    })
}

/// Whether `c` is drawn as something one can point at in a message (not a mark, a format or a
/// control character), so that a diagnostic may quote it rather than only name its code.
pub fn is_visible(c: char) -> bool {
    !is_apart(c)
}

/// Letters of scripts written right to left, and the digits that go with Arabic.
fn is_right_to_left(c: char) -> bool {
    matches!(
        unicode_bidi::bidi_class(c),
        BidiClass::R | BidiClass::AL | BidiClass::AN
    )
}

/// A mark that is drawn onto the letter before it, or a character that is not drawn at all
/// (format and control characters): the page's text would not read back as it was given.
fn is_apart(c: char) -> bool {
    c.is_control()
        || matches!(
            c.general_category_group(),
            GeneralCategoryGroup::Mark | GeneralCategoryGroup::Other
        )
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The two cuts of the embedded font, as the page uses them.
struct Fonts {
    faces: Vec<ttf_parser::Face<'static>>,
}

impl Fonts {
    /// The fonts, read once: `kurs check` asks of every title of a course with a certificate.
    fn get() -> &'static Fonts {
        static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
        FONTS.get_or_init(Fonts::new)
    }

    fn new() -> Fonts {
        // The fonts are part of kurs; a font that cannot be read shows nothing, so nothing passes.
        let faces = [REGULAR, BOLD]
            .into_iter()
            .filter_map(|bytes| ttf_parser::Face::parse(bytes, 0).ok())
            .collect::<Vec<_>>();
        Fonts { faces }
    }

    /// Whether both cuts have a glyph of their own for `c` (glyph 0 is the empty box).
    fn shows(&self, c: char) -> bool {
        self.faces.len() == 2
            && self
                .faces
                .iter()
                .all(|face| face.glyph_index(c).is_some_and(|glyph| glyph.0 != 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_greek_cyrillic_and_vietnamese_names_are_shown() {
        for name in [
            "Jürgen Größe",
            "Ελένη Παπαδοπούλου",
            "Андрей Сергеевич",
            "Nguyễn Văn Ầu",
            "Ştefan Ţiriac",
            "Zoë O'Brien-Łukasz",
        ] {
            assert_eq!(not_shown(name), None, "{name}");
        }
    }

    #[test]
    fn a_letter_with_a_combining_accent_is_shown_as_the_one_letter() {
        assert_eq!(normal_form("Jose\u{301}"), "José");
        assert_eq!(not_shown("Jose\u{301}"), None);
    }

    #[test]
    fn chinese_letters_and_emoji_have_no_glyph_and_are_named_once() {
        assert_eq!(
            not_shown("王小明 王 🦀"),
            Some(NotShown {
                right_to_left: false,
                characters: vec!['王', '小', '明', '🦀'],
            })
        );
        // DejaVu Sans draws the classic smileys itself.
        assert_eq!(not_shown("Erika 😀"), None);
    }

    #[test]
    fn arabic_and_hebrew_are_right_to_left() {
        for name in ["محمد علي", "שלום", "Anna ש"] {
            let found = not_shown(name).expect("refused");
            assert!(found.right_to_left, "{name}");
        }
    }

    #[test]
    fn a_mark_that_does_not_compose_and_a_soft_hyphen_are_not_shown() {
        assert_eq!(
            not_shown("A\u{338}b\u{AD}c").map(|n| n.characters),
            Some(vec!['\u{338}', '\u{AD}'])
        );
    }
}
