//! Certificates anyone can verify offline: the facts of a finished course, signed by the
//! issuer's Ed25519 key as an Open Badges 3.0 credential (VC-JWT), printed as a PDF that
//! carries that credential inside. Knows nothing of terminals; the player hands in the facts.

pub mod credential;
pub mod facts;
pub mod files;
pub mod key;
pub mod page_text;
pub mod pdf;
pub mod printable;
pub mod verify;

use std::path::{Path, PathBuf};

use crate::i18n::{self, Lang};

pub use facts::{CertificateFacts, ExamScore, FactsProblem, ModuleScore, Requirement};
pub use key::{IssuerKey, KeyFileProblem, KeyProblem};
pub use verify::{Invalid, Verified, verify_bytes};

/// What was written, so that the player can say where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    pub pdf: PathBuf,
    pub credential: PathBuf,
    /// The verification code printed on the certificate, e.g. `ABCD-EFGH-IJKL`.
    pub code: String,
}

/// Why no certificate was issued; `text` says it in one sentence in the learner's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertificateError {
    /// The facts cannot be signed as they are.
    Facts(FactsProblem),
    /// The key could not be made or read.
    Key(KeyProblem),
    /// The PDF could not be made, or did not pass its own check (a bug more than anything the
    /// learner did): the technical cause, in English.
    Pdf(String),
    /// A file or folder could not be read or written; `reason` is the system's.
    Io { path: PathBuf, reason: String },
}

impl CertificateError {
    pub(crate) fn io(path: &Path, error: &std::io::Error) -> CertificateError {
        CertificateError::Io {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
    }

    /// Why, as the end of a sentence ("…: {text}") in `lang`, safe to print; a technical cause
    /// is quoted as such.
    pub fn text(&self, lang: Lang) -> String {
        i18n::certificate_error(lang, self)
    }
}

impl std::fmt::Display for CertificateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for CertificateError {}

/// Issues a certificate: signs the facts, makes the PDF with the credential inside, checks it as
/// `kurs verify` will, and writes both into `certificates/` in `folder` (the folder beside the
/// progress index), never over an earlier certificate. The texts are put in the form the page
/// prints (NFC) and the signer's name is the key's own, whatever the facts held.
pub fn issue(
    facts: &CertificateFacts,
    key: &IssuerKey,
    folder: &Path,
) -> Result<Issued, CertificateError> {
    // To the second, as the credential states it: the PDF made now and the one `verify` makes
    // again from the credential must be the same.
    let facts = &CertificateFacts {
        issued_at: credential::whole_second(facts.issued_at),
        signer_name: key.signer_name().map(str::to_owned),
        ..facts.normalised()
    };
    facts.check().map_err(CertificateError::Facts)?;
    let id = credential::new_id()?;
    let jws = credential::sign(facts, key, &id);
    let code = credential::verification_code(&jws);
    let pdf = pdf::render(facts, &code, &key.did_key(), &jws)?;
    // A certificate that its own check would call altered is never handed out: the facts'
    // check should make this impossible, and this makes sure of it.
    verify_bytes(&pdf, Some(&key.did_key())).map_err(|invalid| {
        CertificateError::Pdf(format!(
            "the certificate made fails its own check: {invalid}"
        ))
    })?;
    let folder = files::certificates_folder(folder);
    let stem = files::file_stem(&facts.course_id, facts.issue_date());
    let (credential, pdf) = files::write_pair(&folder, &stem, jws.as_bytes(), &pdf)?;
    Ok(Issued {
        pdf,
        credential,
        code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificate::facts::sample;

    #[test]
    fn an_organisations_key_is_shown_as_the_signer_on_the_page_and_in_the_credential() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = IssuerKey::from_seed([4; 32], "Akademie Nord");
        let issued = issue(&sample(), &key, dir.path()).expect("issued");
        let bytes = std::fs::read(&issued.pdf).expect("the PDF");
        let verified = verify_bytes(&bytes, Some(&key.did_key())).expect("valid");
        assert_eq!(verified.facts.signer_name.as_deref(), Some("Akademie Nord"));
        assert_eq!(verified.facts.issuer_name, "Volkshochschule Musterstadt");
        let page = pdf::layout(&verified.facts, &verified.code, &key.did_key()).expect("layout");
        assert!(
            page[0]
                .lines
                .iter()
                .any(|line| line.text == "Signiert von Akademie Nord")
        );
    }

    #[test]
    fn the_installations_own_key_names_no_signer() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = IssuerKey::from_seed([4; 32], key::INSTALLATION_NAME);
        let facts = CertificateFacts {
            signer_name: Some("someone the facts made up".to_owned()),
            ..sample()
        };
        let issued = issue(&facts, &key, dir.path()).expect("issued");
        let jws = std::fs::read(&issued.credential).expect("the credential");
        let verified = verify_bytes(&jws, None).expect("valid");
        assert_eq!(verified.facts.signer_name, None);
    }

    #[test]
    fn a_name_the_page_cannot_show_is_never_issued_and_nothing_is_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = IssuerKey::from_seed([4; 32], "x");
        for name in ["王小明", "محمد علي"] {
            let facts = CertificateFacts {
                learner_name: name.to_owned(),
                ..sample()
            };
            let error = issue(&facts, &key, dir.path()).expect_err("refused");
            assert!(
                matches!(
                    error,
                    CertificateError::Facts(FactsProblem::NotShown {
                        field: facts::Field::LearnerName,
                        ..
                    })
                ),
                "{error:?}"
            );
        }
        assert_eq!(
            files::list(dir.path()).expect("listed"),
            Vec::<PathBuf>::new()
        );
    }

    #[test]
    fn a_refused_name_is_told_in_the_learners_language_with_how_to_change_it() {
        let error = CertificateError::Facts(
            CertificateFacts {
                learner_name: "王小明".to_owned(),
                ..sample()
            }
            .check()
            .expect_err("refused"),
        );
        assert_eq!(
            error.text(Lang::De),
            "das Zertifikat kann „王“ (U+738B), „小“ (U+5C0F), „明“ (U+660E) im Namen nicht drucken; gib den Namen mit „kurs profile set --name …“ in lateinischen, griechischen oder kyrillischen Buchstaben ein, wie im Ausweis"
        );
    }

    #[test]
    fn a_missing_key_file_is_said_in_german_without_english_in_it() {
        let error = CertificateError::Key(KeyProblem::File {
            path: PathBuf::from("/etc/kurs/nope.toml"),
            organisation: true,
            why: KeyFileProblem::Missing,
        });
        let sentence = i18n::certificate_failed(Lang::De, &error.text(Lang::De));
        assert_eq!(
            sentence,
            "Das Zertifikat konnte nicht ausgestellt werden: die Schlüsseldatei /etc/kurs/nope.toml aus KURS_ISSUER_KEY gibt es nicht. Dein Ergebnis ist gespeichert; ist das behoben, stellt „kurs certificates issue“ das Zertifikat aus."
        );
    }

    #[test]
    fn a_technical_cause_is_quoted_for_the_trainer() {
        let error = CertificateError::Key(KeyProblem::File {
            path: PathBuf::from("/k.toml"),
            organisation: true,
            why: KeyFileProblem::NotAKeyFile("missing field `secret`".to_owned()),
        });
        assert_eq!(
            error.text(Lang::De),
            "die Schlüsseldatei /k.toml aus KURS_ISSUER_KEY ist keine Schlüsseldatei von „kurs issuer init“ (für die Kursleitung: “missing field `secret`”)"
        );
    }
}
