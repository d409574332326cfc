//! The issuer's Ed25519 key: made once per installation (or given by a training organisation),
//! kept in a private TOML file, named publicly as a `did:key`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::CertificateError;
use crate::progress::disk::{self, Kind, OnDisk};

/// The installation's key file, in the folder beside the progress index.
pub const INSTALLATION_KEY_FILE: &str = "issuer-key.toml";

/// The first line of a key file, by which kurs and a human know what it is.
const HEADER: &str = "# kurs issuer key: signs the certificates kurs issues. Keep it private: whoever has this file can sign as this issuer.\n";

/// The multicodec prefix of an Ed25519 public key (`ed25519-pub`, 0xed as a varint).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];

/// The name an installation's own key carries until an organisation gives its own.
pub const INSTALLATION_NAME: &str = "kurs on this computer";

/// Why the issuer's key could not be made or read; `i18n::certificate_error` says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// The operating system gave no random numbers (the system's words).
    NoRandom(String),
    /// The key file at `path` is not usable. `organisation`: it is the file `KURS_ISSUER_KEY`
    /// names (the trainer's to mend); else the installation's own `issuer-key.toml`.
    File {
        path: PathBuf,
        organisation: bool,
        why: KeyFileProblem,
    },
}

/// What is wrong with a key file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyFileProblem {
    Missing,
    /// A symbolic link (where kurs does not follow one), a folder or another kind of file.
    NotAFile,
    /// It could not be read: the system's words.
    Unreadable(String),
    /// Not a key file as `kurs issuer init` writes it: what is wrong, in English.
    NotAKeyFile(String),
    /// Its public key does not belong to its secret: it was edited by hand.
    Mismatch,
}

/// A key that signs certificates, with the name of who holds it.
pub struct IssuerKey {
    signing: SigningKey,
    name: String,
}

impl std::fmt::Debug for IssuerKey {
    // The secret never reaches a log or a panic message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerKey")
            .field("name", &self.name)
            .field("did", &self.did_key())
            .finish()
    }
}

/// The key file on disk.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    name: String,
    /// The public `did:key`, so that the file tells whose it is without a tool.
    public: String,
    /// The 32-byte Ed25519 seed, base64url.
    secret: String,
}

impl IssuerKey {
    /// A new key from the operating system's random source.
    pub fn generate(name: &str) -> Result<IssuerKey, CertificateError> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed)
            .map_err(|error| CertificateError::Key(KeyProblem::NoRandom(error.to_string())))?;
        Ok(IssuerKey {
            signing: SigningKey::from_bytes(&seed),
            name: name.to_owned(),
        })
    }

    /// A key from a fixed seed, for tests that need the same signature twice.
    #[doc(hidden)]
    pub fn from_seed(seed: [u8; 32], name: &str) -> IssuerKey {
        IssuerKey {
            signing: SigningKey::from_bytes(&seed),
            name: name.to_owned(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The name a certificate shows as its signer: the organisation's that `kurs issuer init
    /// --name` gave; `None` for an installation's own key, which stands for no one.
    pub fn signer_name(&self) -> Option<&str> {
        let name = self.name.trim();
        (name != INSTALLATION_NAME && !name.is_empty()).then_some(name)
    }

    /// The public key as `did:key:z6Mk…`.
    pub fn did_key(&self) -> String {
        did_key_of(&self.signing.verifying_key())
    }

    /// The key id for a JWS header: the DID with its one verification method as fragment.
    pub fn kid(&self) -> String {
        kid_of(&self.did_key())
    }

    pub fn public_bytes(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    pub(crate) fn sign(&self, message: &[u8]) -> Signature {
        self.signing.sign(message)
    }

    /// The key file's text: the header line, then TOML.
    pub fn file_text(&self) -> String {
        let file = KeyFile {
            name: self.name.clone(),
            public: self.did_key(),
            secret: URL_SAFE_NO_PAD.encode(self.signing.to_bytes()),
        };
        // Serialising three strings cannot fail; should it, the file would be empty and refused on reading.
        let toml = toml::to_string(&file).unwrap_or_default();
        format!("{HEADER}{toml}")
    }

    /// Reads a key file's text. The public key written in it must be that of the secret: a file
    /// edited by hand must not sign under a name it does not hold.
    pub fn from_file_text(text: &str) -> Result<IssuerKey, KeyFileProblem> {
        let not_one = |reason: &str| KeyFileProblem::NotAKeyFile(reason.to_owned());
        let file: KeyFile = toml::from_str(text)
            .map_err(|error| not_one(error.message().trim_end_matches('\n')))?;
        let secret = URL_SAFE_NO_PAD
            .decode(file.secret.trim())
            .map_err(|_| not_one("the secret is not base64url"))?;
        let seed: [u8; 32] = secret
            .try_into()
            .map_err(|_| not_one("the secret is not 32 bytes long"))?;
        let key = IssuerKey {
            signing: SigningKey::from_bytes(&seed),
            name: file.name,
        };
        if key.did_key() != file.public.trim() {
            return Err(KeyFileProblem::Mismatch);
        }
        Ok(key)
    }

    /// Reads the key file at `path`. A symbolic link is followed only when `follow_link`: the
    /// installation's own file is kurs's and never a link, a file an organisation names is theirs.
    pub fn read(path: &Path, follow_link: bool) -> Result<IssuerKey, CertificateError> {
        let (path, kind) = if follow_link {
            (disk::real_path(path), Kind::Index)
        } else {
            (path.to_path_buf(), Kind::Course)
        };
        let problem = |why: KeyFileProblem| {
            CertificateError::Key(KeyProblem::File {
                path: path.clone(),
                organisation: follow_link,
                why,
            })
        };
        let bytes =
            disk::file_bytes(&path, kind).map_err(|on_disk| problem(why_unreadable(on_disk)))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| problem(KeyFileProblem::NotAKeyFile("not UTF-8 text".to_owned())))?;
        IssuerKey::from_file_text(&text).map_err(problem)
    }

    /// Writes a new key file at `path`, owner-only, atomically; never replaces a file or follows a
    /// link at that name (`AlreadyExists`).
    pub fn write_new(&self, path: &Path) -> io::Result<()> {
        let mut temp = disk::new_temp_file(path)?;
        set_owner_only(temp.as_file())?;
        temp.write_all(self.file_text().as_bytes())?;
        temp.as_file().sync_all()?;
        temp.persist_noclobber(path).map_err(|error| error.error)?;
        disk::sync_folder(disk::folder_of(path));
        Ok(())
    }

    /// The key this installation signs with: the file `key_file` names (`KURS_ISSUER_KEY`, read
    /// by the command line), else `issuer-key.toml` in `folder`, made on the first certificate.
    pub fn for_installation(
        folder: &Path,
        key_file: Option<&Path>,
    ) -> Result<IssuerKey, CertificateError> {
        if let Some(file) = key_file {
            return IssuerKey::read(file, true);
        }
        let path = installation_key_path(folder);
        match disk::file_bytes(&path, Kind::Course) {
            Err(OnDisk::Missing) => {}
            _ => return IssuerKey::read(&path, false),
        }
        fs::create_dir_all(folder).map_err(|error| CertificateError::io(folder, &error))?;
        let key = IssuerKey::generate(INSTALLATION_NAME)?;
        match key.write_new(&path) {
            Ok(()) => Ok(key),
            // Another kurs made it a moment ago: both sign with the one that is on disk.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                IssuerKey::read(&path, false)
            }
            Err(error) => Err(CertificateError::io(&path, &error)),
        }
    }
}

pub fn installation_key_path(folder: &Path) -> PathBuf {
    folder.join(INSTALLATION_KEY_FILE)
}

/// `did:key:` + multibase base58btc (`z`) of the multicodec-prefixed public key.
pub fn did_key_of(key: &VerifyingKey) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&ED25519_PUB);
    bytes.extend_from_slice(key.as_bytes());
    format!("did:key:z{}", bs58::encode(bytes).into_string())
}

/// `did:key:z…#z…`: a did:key has one verification method, named by the key itself.
pub fn kid_of(did: &str) -> String {
    let fragment = did.strip_prefix("did:key:").unwrap_or(did);
    format!("{did}#{fragment}")
}

/// The Ed25519 public key a `did:key` names; `None` for anything else (another method, another
/// key type, a broken encoding).
pub fn verifying_key_from_did(did: &str) -> Option<VerifyingKey> {
    let encoded = did.strip_prefix("did:key:z")?;
    let bytes = bs58::decode(encoded).into_vec().ok()?;
    let key = bytes.strip_prefix(&ED25519_PUB)?;
    let key: [u8; 32] = key.try_into().ok()?;
    VerifyingKey::from_bytes(&key).ok()
}

fn why_unreadable(on_disk: OnDisk) -> KeyFileProblem {
    match on_disk {
        OnDisk::Missing => KeyFileProblem::Missing,
        OnDisk::Foreign(_) => KeyFileProblem::NotAFile,
        OnDisk::Damaged(reason) | OnDisk::Unreadable(reason) => KeyFileProblem::Unreadable(reason),
        OnDisk::Unchanged | OnDisk::Good(..) | OnDisk::Newer(_) => {
            KeyFileProblem::Unreadable("unreadable".to_owned())
        }
    }
}

#[cfg(unix)]
fn set_owner_only(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn set_owner_only(_: &fs::File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_did_key_of_the_rfc_8032_test_key_is_the_known_one() {
        // RFC 8032 test 1 secret; its did:key as published in the did:key test vectors.
        let seed: [u8; 32] = [
            0x9d, 0x61, 0xb1, 0x9d, 0xef, 0xfd, 0x5a, 0x60, 0xba, 0x84, 0x4a, 0xf4, 0x92, 0xec,
            0x2c, 0xc4, 0x44, 0x49, 0xc5, 0x69, 0x7b, 0x32, 0x69, 0x19, 0x70, 0x3b, 0xac, 0x03,
            0x1c, 0xae, 0x7f, 0x60,
        ];
        let key = IssuerKey::from_seed(seed, "test");
        let did = key.did_key();
        assert!(did.starts_with("did:key:z6Mk"), "{did}");
        assert_eq!(
            verifying_key_from_did(&did).map(|k| k.to_bytes()),
            Some(key.public_bytes())
        );
    }

    #[test]
    fn a_key_file_reads_back_as_the_same_key() {
        let key = IssuerKey::from_seed([7; 32], "Volkshochschule Musterstadt");
        let text = key.file_text();
        assert!(text.starts_with("# kurs issuer key"));
        let back = IssuerKey::from_file_text(&text).expect("reads back");
        assert_eq!(back.did_key(), key.did_key());
        assert_eq!(back.name(), "Volkshochschule Musterstadt");
    }

    #[test]
    fn a_key_file_whose_public_key_was_edited_is_refused() {
        let text = IssuerKey::from_seed([7; 32], "a").file_text();
        let other = IssuerKey::from_seed([8; 32], "a").did_key();
        let edited = text.replace(&IssuerKey::from_seed([7; 32], "a").did_key(), &other);
        assert!(IssuerKey::from_file_text(&edited).is_err());
    }

    #[test]
    fn a_did_of_another_method_names_no_key() {
        assert!(verifying_key_from_did("did:web:example.org").is_none());
        assert!(
            verifying_key_from_did("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme")
                .is_none()
        );
    }

    #[test]
    fn the_installation_key_is_made_once_owner_only_and_then_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = IssuerKey::for_installation(dir.path(), None).expect("made");
        let second = IssuerKey::for_installation(dir.path(), None).expect("read");
        assert_eq!(first.did_key(), second.did_key());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(installation_key_path(dir.path()))
                .expect("exists")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_installation_key_is_never_read_through_a_symbolic_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        let elsewhere = dir.path().join("elsewhere.toml");
        IssuerKey::from_seed([1; 32], "x")
            .write_new(&elsewhere)
            .expect("written");
        std::os::unix::fs::symlink(&elsewhere, installation_key_path(dir.path())).expect("link");
        assert!(IssuerKey::for_installation(dir.path(), None).is_err());
    }

    #[test]
    fn writing_a_key_never_replaces_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("key.toml");
        fs::write(&path, "mine").expect("written");
        let error = IssuerKey::from_seed([1; 32], "x")
            .write_new(&path)
            .expect_err("refused");
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).expect("kept"), "mine");
    }

    #[test]
    fn an_organisation_key_file_is_used_instead_of_the_installation_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("org.toml");
        let org = IssuerKey::from_seed([3; 32], "Akademie");
        org.write_new(&file).expect("written");
        let used = IssuerKey::for_installation(dir.path(), Some(&file)).expect("read");
        assert_eq!(used.did_key(), org.did_key());
        assert!(!installation_key_path(dir.path()).exists());
    }
}
