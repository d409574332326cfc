//! Checking a certificate offline: the `.jwt` alone, or the `.pdf` with the credential inside.
//! The signature must hold for the did:key the credential names, and a PDF must show what its
//! credential says; whether to trust that key is the reader's decision.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::Signature;
use serde_json::Value;

use super::credential::{self, JWS_TYPE};
use super::facts::CertificateFacts;
use super::key::{kid_of, verifying_key_from_did};
use super::page_text;
use super::pdf::{self, EMBEDDED_NAME};

/// The largest file `kurs verify` reads: a certificate kurs makes is some 60 KiB.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;
/// How much a PDF's streams may grow when decompressed: a hostile file must not fill memory.
const MAX_DECOMPRESSED: usize = 16 * 1024 * 1024;

/// A certificate whose signature and content hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub facts: CertificateFacts,
    pub code: String,
    /// The key that signed it; trusting it is the reader's decision.
    pub issuer_did: String,
    pub credential_id: String,
    /// Whether it was a PDF (and its page was checked against the credential).
    pub from_pdf: bool,
}

/// Why a file is not a valid certificate, each said in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Neither a kurs PDF nor a credential kurs writes.
    NotKurs(String),
    /// A certificate file, but damaged.
    Broken(String),
    /// The signature does not fit the content: changed after signing.
    Altered,
    /// The visible page says something else than the signed credential inside.
    PageDiffers(String),
    /// Signed by another key than the one expected, or than the one it names.
    OtherKey { signed_by: String, expected: String },
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invalid::NotKurs(reason) => write!(f, "This is not a kurs certificate: {reason}."),
            Invalid::Broken(reason) => write!(f, "The certificate file is damaged: {reason}."),
            Invalid::Altered => write!(
                f,
                "The signature does not match: the certificate was altered after it was signed."
            ),
            Invalid::PageDiffers(what) => write!(
                f,
                "The PDF page does not show what its signed credential says ({what}): the page was altered."
            ),
            Invalid::OtherKey {
                signed_by,
                expected,
            } => write!(
                f,
                "The certificate was signed with another key ({signed_by}) than {expected}."
            ),
        }
    }
}

/// Checks the bytes of a `.jwt` or `.pdf` file. With `expected_issuer`, the did:key must be that one.
pub fn verify_bytes(bytes: &[u8], expected_issuer: Option<&str>) -> Result<Verified, Invalid> {
    let verified = if bytes.starts_with(b"%PDF-") {
        verify_pdf(bytes)?
    } else {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Invalid::NotKurs("neither a PDF nor a credential".to_owned()))?;
        verify_jws(text)?
    };
    if let Some(expected) = expected_issuer
        && expected.trim() != verified.issuer_did
    {
        return Err(Invalid::OtherKey {
            signed_by: verified.issuer_did,
            expected: format!("the expected {}", expected.trim()),
        });
    }
    Ok(verified)
}

fn decode_json(part: &str, what: &str) -> Result<Value, Invalid> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| Invalid::Broken(format!("the credential's {what} is not base64url")))?;
    serde_json::from_slice(&bytes)
        .map_err(|_| Invalid::Broken(format!("the credential's {what} is not JSON")))
}

/// Checks a compact JWS as kurs signs it (OB 3.0 VC-JWT, EdDSA).
pub fn verify_jws(jws: &str) -> Result<Verified, Invalid> {
    let jws = jws.trim();
    let parts: Vec<&str> = jws.split('.').collect();
    let [header, payload, signature] = parts[..] else {
        return Err(Invalid::NotKurs("not a signed credential (JWS)".to_owned()));
    };
    let header_json = decode_json(header, "header")
        .map_err(|_| Invalid::NotKurs("not a signed credential (JWS)".to_owned()))?;
    if header_json["alg"] != "EdDSA" || header_json["typ"] != JWS_TYPE {
        return Err(Invalid::NotKurs(
            "its signature is not EdDSA as kurs signs".to_owned(),
        ));
    }
    // Without a readable payload there is no key to check the signature with; a changed byte is
    // the likeliest cause.
    let payload_json = decode_json(payload, "content").map_err(|_| {
        Invalid::Broken(
            "its signed content no longer reads as a credential, so it was altered or damaged"
                .to_owned(),
        )
    })?;
    let did = payload_json["issuer"]["id"]
        .as_str()
        .ok_or_else(|| Invalid::NotKurs("it names no issuer".to_owned()))?
        .to_owned();
    let key = verifying_key_from_did(&did)
        .ok_or_else(|| Invalid::NotKurs("its issuer is not an Ed25519 did:key".to_owned()))?;
    if header_json["kid"].as_str() != Some(kid_of(&did).as_str()) {
        return Err(Invalid::OtherKey {
            signed_by: header_json["kid"].as_str().unwrap_or("no key").to_owned(),
            expected: format!("the issuer it names, {did}"),
        });
    }
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .ok()
        .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
        .ok_or_else(|| Invalid::Broken("the signature is not 64 bytes of base64url".to_owned()))?;
    let signing_input = &jws[..header.len() + 1 + payload.len()];
    key.verify_strict(signing_input.as_bytes(), &Signature::from_bytes(&signature))
        .map_err(|_| Invalid::Altered)?;
    // Signed by that key; now whether it says what a kurs certificate says.
    let facts = credential::facts_from_payload(&payload_json).map_err(Invalid::NotKurs)?;
    let id = payload_json["id"].as_str().unwrap_or_default().to_owned();
    let claims_agree = payload_json["iss"] == did.as_str()
        && payload_json["jti"] == id.as_str()
        && payload_json["nbf"].as_i64() == Some(facts.issued_at.as_second());
    if !claims_agree || !id.starts_with("urn:uuid:") {
        return Err(Invalid::NotKurs(
            "its JWT claims iss, jti, nbf disagree with the credential".to_owned(),
        ));
    }
    Ok(Verified {
        facts,
        code: credential::verification_code(jws),
        issuer_did: did,
        credential_id: id,
        from_pdf: false,
    })
}

/// Checks a PDF: the embedded credential's signature, then that every line the credential's
/// facts put on a page is on that page. A PDF this kurs made is in addition compared byte for
/// byte with the one the credential makes; one made by another version, only by its text.
fn verify_pdf(bytes: &[u8]) -> Result<Verified, Invalid> {
    let document = lopdf::Document::load_mem(bytes)
        .map_err(|error| Invalid::Broken(format!("the PDF cannot be read ({error})")))?;
    let jws = embedded_credential(&document)?;
    let mut verified = verify_jws(&jws)?;
    verified.from_pdf = true;
    let layout = pdf::layout(&verified.facts, &verified.code, &verified.issuer_did)
        .map_err(|error| Invalid::Broken(error.to_string()))?;
    let pages = document.get_pages();
    if pages.len() != layout.len() {
        return Err(Invalid::PageDiffers(format!(
            "{} pages where the credential makes {}",
            pages.len(),
            layout.len()
        )));
    }
    for (number, page) in (1u32..).zip(&layout) {
        let text = page_text::page_text(&document, number, MAX_DECOMPRESSED)
            .map_err(|error| Invalid::Broken(format!("page {number} cannot be read ({error})")))?;
        let text = normalise(&text);
        if let Some(line) = page
            .lines
            .iter()
            .find(|line| !text.contains(&normalise(&line.text)))
        {
            return Err(Invalid::PageDiffers(format!("“{}” is missing", line.text)));
        }
    }
    if creator_of(&document).as_deref() == Some(pdf::CREATOR) {
        let again = pdf::render(&verified.facts, &verified.code, &verified.issuer_did, &jws)
            .map_err(|error| Invalid::Broken(error.to_string()))?;
        if again != bytes {
            return Err(Invalid::PageDiffers(
                "it is not the file its credential makes".to_owned(),
            ));
        }
    }
    Ok(verified)
}

/// Whitespace in one kind and one at a time: text extraction splits and joins lines its own way.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Creator of the PDF's document information.
fn creator_of(document: &lopdf::Document) -> Option<String> {
    let info = document.trailer.get_deref(b"Info", document).ok()?;
    let creator = info.as_dict().ok()?.get_deref(b"Creator", document).ok()?;
    lopdf::decode_text_string(creator).ok()
}

/// The one embedded file named `credential.jwt`, found through the file specifications (a
/// `/Filespec` whose `/UF` or `/F` is that name, its stream under `/EF`).
fn embedded_credential(document: &lopdf::Document) -> Result<String, Invalid> {
    let mut found = Vec::new();
    for object in document.objects.values() {
        let Ok(spec) = object.as_dict() else {
            continue;
        };
        let named = [b"UF".as_slice(), b"F".as_slice()].iter().any(|key| {
            spec.get(key)
                .ok()
                .and_then(|name| lopdf::decode_text_string(name).ok())
                .is_some_and(|name| name == EMBEDDED_NAME)
        });
        let is_spec = spec.get(b"Type").and_then(lopdf::Object::as_name).ok() == Some(b"Filespec");
        if !named || !is_spec {
            continue;
        }
        let stream = spec
            .get(b"EF")
            .and_then(lopdf::Object::as_dict)
            .and_then(|ef| ef.get_deref(b"F", document))
            .and_then(lopdf::Object::as_stream)
            .map_err(|_| Invalid::Broken("the embedded credential has no content".to_owned()))?;
        let content = if stream.dict.has(b"Filter") {
            stream
                .decompressed_content_with_limit(MAX_DECOMPRESSED)
                .map_err(|_| {
                    Invalid::Broken("the embedded credential cannot be unpacked".to_owned())
                })?
        } else {
            stream.content.clone()
        };
        found.push(content);
    }
    match found.len() {
        0 => Err(Invalid::NotKurs(format!(
            "the PDF carries no {EMBEDDED_NAME}"
        ))),
        1 => String::from_utf8(found.remove(0))
            .map_err(|_| Invalid::Broken("the embedded credential is not text".to_owned())),
        _ => Err(Invalid::NotKurs(format!(
            "the PDF carries more than one {EMBEDDED_NAME}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificate::IssuerKey;
    use crate::certificate::credential::sign;
    use crate::certificate::facts::sample;

    fn signed() -> (String, IssuerKey) {
        let key = IssuerKey::from_seed([9; 32], "x");
        (sign(&sample(), &key, "urn:uuid:0000"), key)
    }

    #[test]
    fn a_credential_kurs_signed_verifies_with_its_facts() {
        let (jws, key) = signed();
        let verified = verify_bytes(jws.as_bytes(), None).expect("valid");
        assert_eq!(verified.facts, sample());
        assert_eq!(verified.issuer_did, key.did_key());
    }

    #[test]
    fn a_changed_payload_is_altered() {
        let (jws, _) = signed();
        let parts: Vec<&str> = jws.split('.').collect();
        let mut payload: Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).expect("b64")).expect("json");
        payload["credentialSubject"]["result"][1]["value"] = "100".into();
        let forged = format!(
            "{}.{}.{}",
            parts[0],
            URL_SAFE_NO_PAD.encode(payload.to_string()),
            parts[2]
        );
        assert_eq!(verify_bytes(forged.as_bytes(), None), Err(Invalid::Altered));
    }

    #[test]
    fn a_credential_resigned_by_another_key_but_naming_the_first_is_altered() {
        let (jws, _) = signed();
        let other = IssuerKey::from_seed([10; 32], "y");
        let parts: Vec<&str> = jws.rsplitn(2, '.').collect();
        let signature = other.sign(parts[1].as_bytes());
        let forged = format!(
            "{}.{}",
            parts[1],
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        );
        assert_eq!(verify_bytes(forged.as_bytes(), None), Err(Invalid::Altered));
    }

    #[test]
    fn another_key_than_the_expected_one_is_refused() {
        let (jws, _) = signed();
        let other = IssuerKey::from_seed([10; 32], "y").did_key();
        assert!(matches!(
            verify_bytes(jws.as_bytes(), Some(&other)),
            Err(Invalid::OtherKey { .. })
        ));
    }

    #[test]
    fn text_that_is_no_jws_is_not_a_kurs_certificate() {
        assert!(matches!(
            verify_bytes(b"hello", None),
            Err(Invalid::NotKurs(_))
        ));
        assert!(matches!(
            verify_bytes(&[0xff, 0xfe], None),
            Err(Invalid::NotKurs(_))
        ));
    }

    #[test]
    fn every_invalid_reason_is_one_sentence() {
        for invalid in [
            Invalid::NotKurs("x".to_owned()),
            Invalid::Broken("x".to_owned()),
            Invalid::Altered,
            Invalid::PageDiffers("x".to_owned()),
            Invalid::OtherKey {
                signed_by: "a".to_owned(),
                expected: "b".to_owned(),
            },
        ] {
            let text = invalid.to_string();
            assert!(text.ends_with('.') && !text.contains('\n'), "{text}");
            assert_eq!(text.matches(". ").count(), 0, "{text}");
        }
    }

    #[test]
    fn a_pdf_made_by_kurs_verifies_and_its_page_is_checked() {
        let (jws, key) = signed();
        let code = credential::verification_code(&jws);
        let bytes = pdf::render(&sample(), &code, &key.did_key(), &jws).expect("pdf");
        let verified = verify_bytes(&bytes, None).expect("valid");
        assert!(verified.from_pdf);
        assert_eq!(verified.code, code);
    }

    #[test]
    fn a_pdf_without_a_credential_is_not_a_kurs_certificate() {
        let mut document = krilla::Document::new();
        document.start_page().finish();
        let bytes = document.finish().expect("pdf");
        assert!(matches!(
            verify_bytes(&bytes, None),
            Err(Invalid::NotKurs(_))
        ));
    }
}
