//! The text a certificate page shows, read as a PDF reader copies it: each glyph through its
//! font's ToUnicode map, except where the page says in `/ActualText` what a run of glyphs stands
//! for. The embedded font draws some characters as more than one glyph (DejaVu Sans sets the
//! Greek "΅" as a diaeresis and an accent when it follows Tifinagh letters), and the PDF then
//! names the character once for the run; a reader that took the glyphs one by one would see
//! a broken name where the page shows the right one.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object};

/// The text of page `number` (counted from 1): the runs of a text object in a row, one line per
/// text object. Kerning and positions are left aside: `verify` compares words, not layout.
/// At most `limit` bytes of the page's streams are decompressed.
pub fn page_text(document: &Document, number: u32, limit: usize) -> lopdf::Result<String> {
    let page = *document
        .get_pages()
        .get(&number)
        .ok_or(lopdf::Error::PageNumberNotFound(number))?;
    let encodings = document
        .get_page_fonts(page)?
        .into_iter()
        .map(|(name, font)| Ok((name, font.get_font_encoding_with_limit(document, limit)?)))
        .collect::<lopdf::Result<BTreeMap<Vec<u8>, Encoding>>>()?;
    let content = Content::decode(&document.get_page_content_with_limit(page, limit)?)?;
    let mut text = String::new();
    let mut encoding = None;
    // Open marked-content sequences, each whether it gives an actual text; `replaced` counts
    // the ones that do: their glyphs are not read, their actual text stands for them.
    let mut marked = Vec::new();
    let mut replaced = 0usize;
    for operation in &content.operations {
        let operands = operation.operands.as_slice();
        match operation.operator.as_str() {
            "Tf" => {
                encoding = operands
                    .first()
                    .and_then(|font| font.as_name().ok())
                    .and_then(|font| encodings.get(font));
            }
            "BDC" => {
                let actual = operands.get(1).and_then(actual_text);
                if let (Some(actual), 0) = (&actual, replaced) {
                    text.push_str(actual);
                }
                replaced += usize::from(actual.is_some());
                marked.push(actual.is_some());
            }
            "BMC" => marked.push(false),
            "EMC" if marked.pop() == Some(true) => replaced -= 1,
            "ET" | "T*" => new_line(&mut text),
            "Tj" | "TJ" | "'" | "\"" => {
                if matches!(operation.operator.as_str(), "'" | "\"") {
                    new_line(&mut text);
                }
                if let (Some(encoding), 0) = (encoding, replaced) {
                    // `"` sets the spacing first: its string is the last operand.
                    let shown = if operation.operator == "\"" {
                        operands.get(2..).unwrap_or_default()
                    } else {
                        operands
                    };
                    strings(shown, encoding, &mut text)?;
                }
            }
            _ => {}
        }
    }
    Ok(text)
}

/// The `/ActualText` of a marked-content sequence's properties, when they are given inline.
fn actual_text(properties: &Object) -> Option<String> {
    let actual = properties.as_dict().ok()?.get(b"ActualText").ok()?;
    lopdf::decode_text_string(actual).ok()
}

/// The strings of a `Tj` or `TJ`, decoded; the numbers between them (kerning) are left aside.
fn strings(operands: &[Object], encoding: &Encoding, text: &mut String) -> lopdf::Result<()> {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => encoding.write_to_string(bytes, text)?,
            Object::Array(items) => {
                for item in items {
                    if let Object::String(bytes, _) = item {
                        encoding.write_to_string(bytes, text)?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn new_line(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}
