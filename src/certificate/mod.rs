//! Certificates anyone can verify offline: the facts of a finished course, signed by the
//! issuer's Ed25519 key as an Open Badges 3.0 credential (VC-JWT), printed as a PDF that
//! carries that credential inside. Knows nothing of terminals; the player hands in the facts.

pub mod credential;
pub mod facts;
pub mod files;
pub mod key;
pub mod pdf;
pub mod verify;

use std::path::{Path, PathBuf};

pub use facts::{CertificateFacts, ExamScore, FactsProblem, ModuleScore};
pub use key::IssuerKey;
pub use verify::{Invalid, Verified, verify_bytes};

/// What was written, so that the player can say where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    pub pdf: PathBuf,
    pub credential: PathBuf,
    /// The verification code printed on the certificate, e.g. `ABCD-EFGH-IJKL`.
    pub code: String,
}

/// Why no certificate was issued, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertificateError {
    /// The facts cannot be signed as they are.
    Facts(String),
    /// The key could not be made or read.
    Key(String),
    /// The PDF could not be made (a bug more than anything the learner did).
    Pdf(String),
    /// A file or folder could not be read or written.
    Io { path: PathBuf, reason: String },
}

impl CertificateError {
    pub(crate) fn io(path: &Path, error: &std::io::Error) -> CertificateError {
        CertificateError::Io {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
    }
}

impl std::fmt::Display for CertificateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CertificateError::Facts(reason) => write!(f, "no certificate: {reason}"),
            CertificateError::Key(reason) => write!(f, "the issuer key: {reason}"),
            CertificateError::Pdf(reason) => write!(f, "the PDF could not be made: {reason}"),
            CertificateError::Io { path, reason } => write!(f, "{}: {reason}", path.display()),
        }
    }
}

impl std::error::Error for CertificateError {}

/// Issues a certificate: signs the facts, makes the PDF with the credential inside, and writes
/// both into `certificates/` in `folder` (the folder beside the progress index), never over an
/// earlier certificate.
pub fn issue(
    facts: &CertificateFacts,
    key: &IssuerKey,
    folder: &Path,
) -> Result<Issued, CertificateError> {
    facts
        .check()
        .map_err(|problem| CertificateError::Facts(problem.to_string()))?;
    // To the second, as the credential states it: the PDF made now and the one `verify` makes
    // again from the credential must be the same.
    let facts = &CertificateFacts {
        issued_at: credential::whole_second(facts.issued_at),
        ..facts.clone()
    };
    let id = credential::new_id()?;
    let jws = credential::sign(facts, key, &id);
    let code = credential::verification_code(&jws);
    let pdf = pdf::render(facts, &code, &key.did_key(), &jws)?;
    let folder = files::certificates_folder(folder);
    let stem = files::file_stem(&facts.course_id, facts.issue_date());
    let (credential, pdf) = files::write_pair(&folder, &stem, jws.as_bytes(), &pdf)?;
    Ok(Issued {
        pdf,
        credential,
        code,
    })
}
