//! Certificates end to end: issued through the library as the player will, read back by a PDF
//! reader and an independent Ed25519 implementation, and checked by the real `kurs verify`.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use kurs::certificate::{self, CertificateFacts, ExamScore, IssuerKey, ModuleScore, Requirement};
use kurs::i18n::Lang;
use serde_json::Value;

fn facts() -> CertificateFacts {
    CertificateFacts {
        learner_name: "Jürgen Größe".to_owned(),
        birth_date: "1990-03-14".to_owned(),
        course_id: "elektro-grundlagen".to_owned(),
        course_title: "Grundlagen der Elektrotechnik".to_owned(),
        lang: Lang::De,
        modules: vec![
            ModuleScore {
                title: "Spannung und Strom".to_owned(),
                best_percent: 100,
            },
            ModuleScore {
                title: "Widerstände in Reihe".to_owned(),
                best_percent: 85,
            },
        ],
        exam: Some(ExamScore {
            title: "Abschlusstest".to_owned(),
            percent: 92,
            passed: true,
            pass_percent: Some(80),
            time_adjusted: Some("Zeitfaktor 1,5".to_owned()),
        }),
        requirement: Some(Requirement {
            modules: true,
            exam: true,
        }),
        issued_at: "2026-05-01T09:30:00Z".parse().expect("a fixed time"),
        issuer_name: "Volkshochschule Musterstadt".to_owned(),
        signer_name: None,
    }
}

struct Issued {
    _dir: tempfile::TempDir,
    folder: PathBuf,
    issued: certificate::Issued,
    key: IssuerKey,
}

fn issue() -> Issued {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().to_path_buf();
    let key = IssuerKey::for_installation(&folder, None).expect("the installation key");
    let issued = certificate::issue(&facts(), &key, &folder).expect("issued");
    Issued {
        _dir: dir,
        folder,
        issued,
        key,
    }
}

/// `kurs verify FILE` with the given flags: exit code, stdout.
fn verify(file: &Path, flags: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_kurs"))
        .arg("verify")
        .arg(file)
        .args(flags)
        .output()
        .expect("kurs runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn payload_of(jws: &str) -> Value {
    let part = jws.split('.').nth(1).expect("a payload");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).expect("base64url")).expect("JSON")
}

/// Writes `bytes` next to the certificate under `name` and returns the path.
fn write_beside(issued: &Issued, name: &str, bytes: &[u8]) -> PathBuf {
    let path = issued.folder.join(name);
    std::fs::write(&path, bytes).expect("written");
    path
}

fn assert_one_sentence(out: &str) {
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.trim_end().ends_with('.'), "{out}");
}

#[test]
fn both_files_are_written_into_certificates_beside_the_progress_index() {
    let issued = issue();
    let folder = issued.folder.join("certificates");
    assert_eq!(
        issued.issued.pdf,
        folder.join("elektro-grundlagen-2026-05-01.pdf")
    );
    assert_eq!(
        issued.issued.credential,
        folder.join("elektro-grundlagen-2026-05-01.jwt")
    );
    assert!(issued.folder.join("issuer-key.toml").is_file());
    let code = &issued.issued.code;
    assert_eq!(code.len(), 14, "{code}");
}

/// The page's text as pdf-extract reads it: a PDF reader of its own, not the lopdf text
/// extraction `kurs verify` relies on, so that the two cannot share a mistake.
fn page_text(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).expect("the PDF");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_pdf_reader_finds_name_course_scores_and_code_with_their_umlauts() {
    let issued = issue();
    let text = page_text(&issued.issued.pdf);
    for wanted in [
        "Jürgen Größe",
        "geboren am 14. März 1990",
        "Grundlagen der Elektrotechnik",
        "Widerstände in Reihe",
        "85 %",
        "Abschlusstest",
        "92 % – bestanden",
        "Bestehensgrenze 80 % · Prüfungszeit angepasst: Zeitfaktor 1,5",
        "Volkshochschule Musterstadt",
        issued.issued.code.as_str(),
        "kurs verify",
    ] {
        assert!(text.contains(wanted), "{wanted} is not in: {text}");
    }
}

#[test]
fn the_credential_holds_every_field_of_an_open_badges_3_credential() {
    let issued = issue();
    let jws = std::fs::read_to_string(&issued.issued.credential).expect("the credential");
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(jws.split('.').next().expect("header"))
            .expect("base64url"),
    )
    .expect("JSON");
    let did = issued.key.did_key();
    assert_eq!(header["alg"], "EdDSA");
    assert_eq!(header["typ"], "JWT");
    assert_eq!(header["kid"], format!("{did}#{}", &did["did:key:".len()..]));

    let p = payload_of(&jws);
    assert_eq!(
        p["@context"],
        serde_json::json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ])
    );
    assert_eq!(
        p["type"],
        serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    let id = p["id"].as_str().expect("an id");
    assert!(id.starts_with("urn:uuid:") && id.len() == 45, "{id}");
    assert_eq!(p["jti"], id);
    assert_eq!(p["iss"], did.as_str());
    assert_eq!(p["nbf"], 1_777_627_800);
    assert_eq!(p["validFrom"], "2026-05-01T09:30:00Z");
    assert_eq!(p["issuer"]["id"], did.as_str());
    assert_eq!(p["issuer"]["type"], serde_json::json!(["Profile"]));
    assert_eq!(p["issuer"]["name"], "Volkshochschule Musterstadt");
    assert_eq!(
        p["name"],
        "Teilnahmebescheinigung: Grundlagen der Elektrotechnik"
    );

    let subject = &p["credentialSubject"];
    assert_eq!(subject["type"], serde_json::json!(["AchievementSubject"]));
    assert_eq!(
        subject["identifier"],
        serde_json::json!([
            {"type": "IdentityObject", "identityType": "name", "hashed": false, "identityHash": "Jürgen Größe"},
            {"type": "IdentityObject", "identityType": "ext:birthDate", "hashed": false, "identityHash": "1990-03-14"},
        ])
    );
    let achievement = &subject["achievement"];
    assert_eq!(achievement["id"], "urn:kurs:elektro-grundlagen");
    assert_eq!(achievement["type"], serde_json::json!(["Achievement"]));
    assert_eq!(achievement["name"], "Grundlagen der Elektrotechnik");
    assert_eq!(achievement["inLanguage"], "de");
    assert!(
        achievement["description"]
            .as_str()
            .is_some_and(|d| d.contains("Grundlagen"))
    );
    assert_eq!(
        achievement["criteria"]["narrative"],
        "Alle Module des Kurses abgeschlossen (das Quiz jedes Moduls bestanden, ein Modul ohne Quiz gelesen) und den Abschlusstest „Abschlusstest“ mit mindestens 80 % bestanden. Angegeben ist je Modul das beste Ergebnis im Quiz."
    );
    let descriptions = achievement["resultDescription"]
        .as_array()
        .expect("descriptions");
    let names: Vec<&str> = descriptions
        .iter()
        .filter_map(|d| d["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Spannung und Strom",
            "Widerstände in Reihe",
            "Abschlusstest"
        ]
    );
    assert!(descriptions.iter().all(|d| d["resultType"] == "Percent"));
    assert_eq!(descriptions[2]["requiredValue"], "80");
    // Signed with the installation's own key: no signer is named beside the course's issuer.
    assert!(p["issuer"].get("signerName").is_none());

    let results = subject["result"].as_array().expect("results");
    let values: Vec<&str> = results.iter().filter_map(|r| r["value"].as_str()).collect();
    assert_eq!(values, ["100", "85", "92"]);
    for (result, description) in results.iter().zip(descriptions) {
        assert_eq!(result["resultDescription"], description["id"]);
        assert_eq!(result["type"], serde_json::json!(["Result"]));
    }
    assert_eq!(results[2]["status"], "Completed");
    assert_eq!(results[2]["timeAdjustment"], "Zeitfaktor 1,5");
}

#[test]
fn an_independent_ed25519_implementation_accepts_the_signature() {
    let issued = issue();
    let jws = std::fs::read_to_string(&issued.issued.credential).expect("the credential");
    let did = payload_of(&jws)["issuer"]["id"]
        .as_str()
        .expect("a did")
        .to_owned();
    // did:key → multibase base58btc → multicodec 0xed01 → 32 bytes of public key.
    let bytes = bs58::decode(&did["did:key:z".len()..])
        .into_vec()
        .expect("base58btc");
    assert_eq!(&bytes[..2], &[0xed, 0x01]);
    let public = ed25519_compact::PublicKey::from_slice(&bytes[2..]).expect("a public key");
    let (signing_input, signature) = jws.trim().rsplit_once('.').expect("three parts");
    let signature = ed25519_compact::Signature::from_slice(
        &URL_SAFE_NO_PAD.decode(signature).expect("base64url"),
    )
    .expect("64 bytes");
    public
        .verify(signing_input.as_bytes(), &signature)
        .expect("the signature holds");
}

#[test]
fn kurs_verify_accepts_the_pdf_and_the_credential_and_says_who_what_when_by_whom() {
    let issued = issue();
    for file in [&issued.issued.pdf, &issued.issued.credential] {
        let (code, out) = verify(file, &[]);
        assert_eq!(code, 0, "{out}");
        for wanted in [
            "Valid certificate",
            "Jürgen Größe",
            "Grundlagen der Elektrotechnik",
            "Widerstände in Reihe: 85%",
            "Abschlusstest: 92%, passed (pass mark 80%; time adjusted: Zeitfaktor 1,5)",
            "2026-05-01",
            "Volkshochschule Musterstadt",
            &issued.key.did_key(),
            &issued.issued.code,
        ] {
            assert!(out.contains(wanted), "{wanted} is not in:\n{out}");
        }
    }
}

#[test]
fn kurs_verify_json_gives_the_facts() {
    let issued = issue();
    let (code, out) = verify(&issued.issued.pdf, &["--json"]);
    assert_eq!(code, 0, "{out}");
    let json: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["valid"], true);
    assert_eq!(json["kind"], "pdf");
    assert_eq!(json["learner"]["name"], "Jürgen Größe");
    assert_eq!(json["modules"][1]["best_percent"], 85);
    assert_eq!(json["exam"]["time_adjusted"], "Zeitfaktor 1,5");
    assert_eq!(json["exam"]["title"], "Abschlusstest");
    assert_eq!(json["exam"]["pass_percent"], 80);
    assert_eq!(
        json["requirement"],
        serde_json::json!({"modules": true, "exam": true})
    );
    assert_eq!(json["issuer"]["did"], issued.key.did_key());
    assert_eq!(json["issuer"]["signer"], Value::Null);
}

#[test]
fn one_byte_changed_in_the_credential_makes_it_invalid() {
    let issued = issue();
    let jws = std::fs::read_to_string(&issued.issued.credential).expect("the credential");
    // A letter in the middle of the payload: still base64url, no longer what was signed.
    let middle = jws.find('.').expect("header") + jws.len() / 3;
    let mut bytes = jws.into_bytes();
    bytes[middle] = if bytes[middle] == b'A' { b'B' } else { b'A' };
    let changed = write_beside(&issued, "changed.jwt", &bytes);
    let (code, out) = verify(&changed, &[]);
    assert_eq!(code, 1, "{out}");
    assert_one_sentence(&out);
}

#[test]
fn one_byte_changed_in_the_credential_inside_the_pdf_makes_it_invalid() {
    let issued = issue();
    let jws = std::fs::read(&issued.issued.credential).expect("the credential");
    let mut pdf = std::fs::read(&issued.issued.pdf).expect("the PDF");
    let start = pdf
        .windows(jws.len())
        .position(|w| w == jws.as_slice())
        .expect("the credential lies in the PDF as it is");
    let at = start + jws.len() / 2;
    pdf[at] = if pdf[at] == b'A' { b'B' } else { b'A' };
    let changed = write_beside(&issued, "changed.pdf", &pdf);
    let (code, out) = verify(&changed, &[]);
    assert_eq!(code, 1, "{out}");
    assert_one_sentence(&out);
    assert!(out.contains("altered"), "{out}");
}

#[test]
fn one_byte_changed_on_the_pdf_outside_the_credential_makes_it_invalid() {
    let issued = issue();
    let mut pdf = std::fs::read(&issued.issued.pdf).expect("the PDF");
    // The title in the document information, which no signature covers by itself.
    let at = pdf
        .windows(b"Teilnahmebescheinigung".len())
        .position(|w| w == b"Teilnahmebescheinigung")
        .expect("the title is in the file");
    pdf[at] = b'X';
    let changed = write_beside(&issued, "changed.pdf", &pdf);
    let (code, out) = verify(&changed, &[]);
    assert_eq!(code, 1, "{out}");
    assert_one_sentence(&out);
}

#[test]
fn a_credential_signed_with_another_key_is_invalid() {
    let issued = issue();
    let jws = std::fs::read_to_string(&issued.issued.credential).expect("the credential");
    let (signing_input, _) = jws.trim().rsplit_once('.').expect("three parts");
    let other = ed25519_compact::KeyPair::from_seed(ed25519_compact::Seed::new([42; 32]));
    let signature = other.sk.sign(signing_input.as_bytes(), None);
    let forged = format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.as_ref())
    );
    let changed = write_beside(&issued, "forged.jwt", forged.as_bytes());
    let (code, out) = verify(&changed, &[]);
    assert_eq!(code, 1, "{out}");
    assert_one_sentence(&out);
}

#[test]
fn a_valid_certificate_of_another_key_than_the_expected_one_is_invalid() {
    let issued = issue();
    let other = IssuerKey::from_seed([1; 32], "Akademie").did_key();
    let (code, out) = verify(&issued.issued.pdf, &["--issuer", &other]);
    assert_eq!(code, 1, "{out}");
    assert_one_sentence(&out);
    assert!(out.contains("another key"), "{out}");
    let (code, _) = verify(&issued.issued.pdf, &["--issuer", &issued.key.did_key()]);
    assert_eq!(code, 0);
}

#[test]
fn a_file_that_is_no_certificate_is_invalid_with_one_sentence() {
    let issued = issue();
    let other = write_beside(&issued, "notes.txt", "just notes".as_bytes());
    let (code, out) = verify(&other, &[]);
    assert_eq!(code, 1, "{out}");
    assert_one_sentence(&out);
    assert!(out.contains("not a kurs certificate"), "{out}");
}

/// `kurs certificates` with `flags`, for the progress index in `folder`: exit code, stdout.
fn certificates(folder: &Path, flags: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_kurs"))
        .arg("certificates")
        .arg("--progress")
        .arg(folder.join("progress.toml"))
        .args(flags)
        .output()
        .expect("kurs runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn kurs_certificates_lists_course_learner_date_score_code_and_paths_newest_first() {
    let issued = issue();
    let later = CertificateFacts {
        learner_name: "Erika Mustermann".to_owned(),
        issued_at: "2026-06-02T10:00:00Z".parse().expect("a fixed time"),
        ..facts()
    };
    let newer = certificate::issue(&later, &issued.key, &issued.folder).expect("issued");
    let (code, out) = certificates(&issued.folder, &[]);
    assert_eq!(code, 0, "{out}");
    let first = out.find("Erika Mustermann").expect("the newer one");
    let second = out.find("Jürgen Größe").expect("the older one");
    assert!(first < second, "newest first:\n{out}");
    for wanted in [
        "2026-06-02  Grundlagen der Elektrotechnik (elektro-grundlagen)",
        "2026-05-01  Grundlagen der Elektrotechnik (elektro-grundlagen)",
        "Score       Abschlusstest 92%, passed; 2 modules, best 100%, 85%",
        &format!("Code        {}", newer.code),
        &format!("Code        {}", issued.issued.code),
        &issued.issued.pdf.display().to_string(),
        &issued.issued.credential.display().to_string(),
        &newer.pdf.display().to_string(),
    ] {
        assert!(out.contains(wanted), "{wanted} is not in:\n{out}");
    }
}

#[test]
fn kurs_certificates_json_has_stable_fields_per_certificate() {
    let issued = issue();
    let (code, out) = certificates(&issued.folder, &["--json"]);
    assert_eq!(code, 0, "{out}");
    let json: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!([{
            "valid": true,
            "problem": null,
            "course": {"id": "elektro-grundlagen", "title": "Grundlagen der Elektrotechnik"},
            "learner": "Jürgen Größe",
            "issued_at": "2026-05-01T09:30:00Z",
            "exam": {"title": "Abschlusstest", "percent": 92, "passed": true},
            "modules": [
                {"title": "Spannung und Strom", "best_percent": 100},
                {"title": "Widerstände in Reihe", "best_percent": 85},
            ],
            "code": issued.issued.code,
            "pdf": issued.issued.pdf.display().to_string(),
            "credential": issued.issued.credential.display().to_string(),
        }])
    );
}

#[test]
fn a_damaged_certificate_is_listed_last_with_why() {
    let issued = issue();
    let damaged = issued
        .folder
        .join("certificates")
        .join("aaa-2026-01-01.jwt");
    std::fs::write(&damaged, "not a credential").expect("written");
    let (code, out) = certificates(&issued.folder, &[]);
    assert_eq!(code, 0, "{out}");
    let good = out.find("Jürgen Größe").expect("the good one");
    let bad = out
        .find("aaa-2026-01-01  not a valid certificate: ")
        .expect("the damaged one");
    assert!(good < bad, "{out}");
}

#[test]
fn kurs_issuer_init_writes_a_key_once_and_prints_its_did_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("akademie.toml");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_kurs"))
            .args(["issuer", "init", "--name", "Akademie Süd", "--out"])
            .arg(&file)
            .output()
            .expect("kurs runs")
    };
    let first = run();
    assert!(first.status.success());
    let key = IssuerKey::read(&file, true).expect("a key file");
    assert!(String::from_utf8_lossy(&first.stdout).starts_with(&key.did_key()));
    let second = run();
    assert_eq!(second.status.code(), Some(2));
    assert_eq!(
        IssuerKey::read(&file, true).expect("kept").did_key(),
        key.did_key()
    );
}

/// A credential whose issuer did:key (the public key it is checked with) differs in one
/// letter: its signature no longer holds for the key it names.
#[test]
fn one_letter_changed_in_the_key_a_credential_names_makes_it_invalid() {
    let issued = issue();
    let jws = std::fs::read_to_string(&issued.issued.credential).expect("the credential");
    let did = issued.key.did_key();
    let mut parts: Vec<String> = jws.trim().split('.').map(str::to_owned).collect();
    // One letter of the base58 key, not its prefix: still a well-formed did:key of another key.
    let at = did.len() - 5;
    let letter = if &did[at..=at] == "A" { "B" } else { "A" };
    let other = format!("{}{letter}{}", &did[..at], &did[at + 1..]);
    let payload = payload_of(&jws).to_string().replace(&did, &other);
    let header = String::from_utf8(URL_SAFE_NO_PAD.decode(&parts[0]).expect("base64url"))
        .expect("text")
        .replace(&did, &other);
    parts[1] = URL_SAFE_NO_PAD.encode(payload);
    // Named in the payload only, and in the header too: both refused.
    let payload_only = parts.join(".");
    parts[0] = URL_SAFE_NO_PAD.encode(header);
    let both = parts.join(".");
    for (name, forged) in [("payload.jwt", payload_only), ("both.jwt", both)] {
        let changed = write_beside(&issued, name, forged.as_bytes());
        let (code, out) = verify(&changed, &[]);
        assert_eq!(code, 1, "{name}: {out}");
        assert_one_sentence(&out);
    }
}

/// The same change made to the credential inside the PDF (same length, so the PDF stays
/// readable): the PDF alone is refused too.
#[test]
fn one_letter_changed_in_the_key_inside_the_pdf_makes_it_invalid() {
    let issued = issue();
    let jws = std::fs::read_to_string(&issued.issued.credential).expect("the credential");
    let did = issued.key.did_key();
    let at = did.len() - 5;
    let letter = if &did[at..=at] == "A" { "B" } else { "A" };
    let other = format!("{}{letter}{}", &did[..at], &did[at + 1..]);
    let mut parts: Vec<String> = jws.trim().split('.').map(str::to_owned).collect();
    parts[1] = URL_SAFE_NO_PAD.encode(payload_of(&jws).to_string().replace(&did, &other));
    let forged = parts.join(".");
    assert_eq!(forged.len(), jws.trim().len());
    let mut pdf = std::fs::read(&issued.issued.pdf).expect("the PDF");
    let start = pdf
        .windows(jws.trim().len())
        .position(|w| w == jws.trim().as_bytes())
        .expect("the credential lies in the PDF as it is");
    pdf[start..start + forged.len()].copy_from_slice(forged.as_bytes());
    let changed = write_beside(&issued, "other-key.pdf", &pdf);
    let (code, out) = verify(&changed, &[]);
    assert_eq!(code, 1, "{out}");
    assert_one_sentence(&out);
}

/// A certificate proves what was signed; the key file is the issuer's to keep. One byte
/// changed in it afterwards leaves every certificate it signed valid (they carry the public
/// key), and makes the file refused for signing, with the reason.
#[test]
fn one_byte_changed_in_the_key_file_after_signing_leaves_the_certificate_valid_and_the_key_refused()
{
    let issued = issue();
    let key_file = issued.folder.join("issuer-key.toml");
    let text = std::fs::read_to_string(&key_file).expect("the key file");
    let secret_at = text.find("secret = \"").expect("the secret") + "secret = \"".len() + 3;
    let mut bytes = text.into_bytes();
    bytes[secret_at] = if bytes[secret_at] == b'A' { b'B' } else { b'A' };
    std::fs::write(&key_file, &bytes).expect("changed");
    for file in [&issued.issued.pdf, &issued.issued.credential] {
        let (code, out) = verify(file, &[]);
        assert_eq!(code, 0, "{out}");
    }
    let refused = IssuerKey::for_installation(&issued.folder, None).expect_err("refused");
    assert!(
        matches!(
            refused,
            certificate::CertificateError::Key(certificate::KeyProblem::File {
                why: certificate::KeyFileProblem::Mismatch,
                organisation: false,
                ..
            })
        ),
        "{refused:?}"
    );
    assert!(
        refused
            .text(Lang::En)
            .ends_with("was edited by hand: its public key does not belong to its secret"),
        "{refused}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 64,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    })]

    /// The promise of the profile check: a name it accepts never makes a certificate that
    /// `kurs verify` (here its library call) would reject. Names are drawn mostly from scripts
    /// the font has, with marks, spaces, format characters, right-to-left letters, Chinese and
    /// emoji mixed in, and any character at all.
    #[test]
    fn any_name_the_profile_accepts_makes_a_certificate_that_verifies(name in name_strategy()) {
        let today = jiff::civil::date(2026, 5, 1);
        if let Ok(profile) = kurs::profile::Profile::parse_input(&name, "1990-01-31", None, today) {
            let dir = tempfile::tempdir().expect("tempdir");
            let key = IssuerKey::from_seed([7; 32], "x");
            let facts = CertificateFacts {
                learner_name: profile.name.clone(),
                ..facts()
            };
            let issued = certificate::issue(&facts, &key, dir.path());
            proptest::prop_assert!(issued.is_ok(), "{name:?}: {issued:?}");
            let issued = issued.expect("issued");
            let bytes = std::fs::read(&issued.pdf).expect("the PDF");
            let verified = certificate::verify_bytes(&bytes, None);
            proptest::prop_assert!(verified.is_ok(), "{name:?}: {verified:?}");
            proptest::prop_assert_eq!(verified.expect("valid").facts.learner_name, profile.name);
        }
    }
}

fn name_strategy() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::char::range;
    use proptest::prelude::*;
    let printable = prop_oneof![
        range('A', 'Z'),
        range('a', 'z'),
        Just(' '),
        Just('-'),
        Just('\''),
        range('\u{C0}', '\u{24F}'),
        range('\u{370}', '\u{3FF}'),
        range('\u{400}', '\u{4FF}'),
        range('\u{1E00}', '\u{1EFF}'),
        range('\u{10A0}', '\u{10FF}'),
    ];
    let hostile = prop_oneof![
        range('\u{300}', '\u{36F}'),
        range('\u{2000}', '\u{206F}'),
        range('\u{530}', '\u{58F}'),
        range('\u{590}', '\u{6FF}'),
        range('\u{E80}', '\u{EFF}'),
        range('\u{16A0}', '\u{16FF}'),
        range('\u{2D30}', '\u{2D7F}'),
        range('\u{2100}', '\u{27FF}'),
        range('\u{4E00}', '\u{4E20}'),
        range('\u{1F300}', '\u{1F6FF}'),
        range('\u{E000}', '\u{E010}'),
        range('\u{FB00}', '\u{FFFF}'),
        any::<char>(),
    ];
    proptest::collection::vec(prop_oneof![8 => printable, 1 => hostile], 1..16)
        .prop_map(|chars| chars.into_iter().collect())
}

/// DejaVu Sans draws "΅" after a Tifinagh letter as two glyphs, and the PDF names the
/// character once for both through `/ActualText`: the page is read as a reader copies it, not
/// glyph by glyph (found by the property test below: the name "ⴰ΅-" failed its own check).
#[test]
fn a_name_whose_letter_the_font_draws_as_two_glyphs_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = IssuerKey::from_seed([7; 32], "x");
    for name in ["ⴰ΅-", "ⴰ΅ Ⴀ΅", "Ерика ΅"] {
        let facts = CertificateFacts {
            learner_name: name.to_owned(),
            ..facts()
        };
        let issued = certificate::issue(&facts, &key, dir.path()).expect(name);
        let bytes = std::fs::read(&issued.pdf).expect("the PDF");
        let verified = certificate::verify_bytes(&bytes, None).expect(name);
        assert_eq!(verified.facts.learner_name, name);
    }
}

#[test]
fn the_names_of_the_audit_are_refused_by_the_profile_and_by_the_certificate() {
    let today = jiff::civil::date(2026, 5, 1);
    for name in [
        "王小明",
        "محمد علي",
        "Erika 🦀",
        "A\u{338}nna",
        "Eri\u{AD}ka",
    ] {
        assert!(
            kurs::profile::Profile::parse_input(name, "1990-01-31", None, today).is_err(),
            "{name:?}"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let key = IssuerKey::from_seed([7; 32], "x");
        let facts = CertificateFacts {
            learner_name: name.to_owned(),
            ..facts()
        };
        assert!(
            matches!(
                certificate::issue(&facts, &key, dir.path()),
                Err(certificate::CertificateError::Facts(_))
            ),
            "{name:?}"
        );
    }
}

/// The fixture whose certificate needs the exam and the modules, and whose exam opens first.
fn exam_first() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/exam-first")
}

/// kurs with `args`, the progress file `progress`, no environment of the caller's, `input` on
/// stdin and `env` set: exit code, stdout, stderr.
fn kurs(
    progress: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    input: &str,
) -> (i32, String, String) {
    use std::io::Write;
    let mut command = Command::new(env!("CARGO_BIN_EXE_kurs"));
    command
        .args(args)
        .arg("--progress")
        .arg(progress)
        .env_remove("KURS_COURSES")
        .env_remove("KURS_PROGRESS")
        .env_remove("KURS_ISSUER_KEY")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("kurs runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input");
    let output = child.wait_with_output().expect("kurs ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Passes the exam of `exam_first` in plain mode (every question is true), then the module's
/// quiz; `env` for both. Returns what the quiz said.
fn pass_exam_then_module(progress: &Path, env: &[(&str, &str)]) -> String {
    let course = exam_first();
    let course = course.to_str().expect("path");
    let (code, out, err) = kurs(
        progress,
        &["exam", course, "--plain", "--seed", "2"],
        env,
        // Start the timed exam, three answers, hand in.
        "1\n1\n1\n1\n1\n",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Bestanden."), "{out}");
    assert!(
        out.contains("Für das Zertifikat fehlen noch bestandene Übungen."),
        "{out}"
    );
    let (code, out, err) = kurs(
        progress,
        &[course, "--plain", "--seed", "1"],
        env,
        "1\n3\n1\n1\n",
    );
    assert_eq!(code, 0, "{out}{err}");
    out
}

fn certificate_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder.join("certificates"))
        .map(|entries| {
            entries
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn an_exam_passed_before_the_modules_issues_the_certificate_with_the_last_quiz_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    let (code, _, err) = kurs(
        &progress,
        &[
            "profile",
            "set",
            "--name",
            "Erika Mustermann",
            "--birth-date",
            "1990-01-31",
        ],
        &[],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let out = pass_exam_then_module(&progress, &[]);
    assert!(out.contains("Zertifikat ausgestellt (Prüfcode "), "{out}");
    let names = certificate_files(dir.path());
    assert_eq!(names.len(), 2, "{names:?}");
    let pdf = dir.path().join("certificates").join(&names[1]);
    let (code, said) = verify(&pdf, &[]);
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains("Prüfung Datensicherheit: 100%, passed (pass mark 60%)"),
        "{said}"
    );
    // The quiz passed again: issued once, so no second certificate.
    let course = exam_first();
    let (_, out, _) = kurs(
        &progress,
        &[course.to_str().expect("path"), "--plain", "--seed", "1"],
        &[],
        "1\n3\n1\n1\n",
    );
    assert!(!out.contains("Zertifikat ausgestellt"), "{out}");
    assert_eq!(certificate_files(dir.path()).len(), 2);
}

#[test]
fn a_certificate_that_failed_to_issue_is_issued_later_with_kurs_certificates_issue() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    kurs(
        &progress,
        &[
            "profile",
            "set",
            "--name",
            "Erika Mustermann",
            "--birth-date",
            "1990-01-31",
        ],
        &[],
        "",
    );
    let missing = dir.path().join("nope.toml");
    let missing = missing.to_str().expect("path");
    let out = pass_exam_then_module(&progress, &[("KURS_ISSUER_KEY", missing)]);
    assert!(
        out.contains(&format!(
            "Das Zertifikat konnte nicht ausgestellt werden: die Schlüsseldatei {missing} aus KURS_ISSUER_KEY gibt es nicht. Dein Ergebnis ist gespeichert; ist das behoben, stellt „kurs certificates issue“ das Zertifikat aus."
        )),
        "{out}"
    );
    assert!(certificate_files(dir.path()).is_empty());

    let course = exam_first();
    let course = course.to_str().expect("path");
    let (code, out, err) = kurs(&progress, &["certificates", "issue", course], &[], "");
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with("Zertifikat ausgestellt (Prüfcode "),
        "{out}"
    );
    assert_eq!(certificate_files(dir.path()).len(), 2);

    // Issued once: asked again, it says when, and --again makes a new one.
    let (code, out, _) = kurs(&progress, &["certificates", "issue", course], &[], "");
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("wurde schon am") && out.contains("kurs certificates issue --again"),
        "{out}"
    );
    assert_eq!(certificate_files(dir.path()).len(), 2);
    let (code, out, err) = kurs(
        &progress,
        &["certificates", "issue", course, "--again", "--lang", "en"],
        &[],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("Certificate issued"), "{out}");
    assert_eq!(certificate_files(dir.path()).len(), 4);
}

#[test]
fn kurs_certificates_issue_says_what_is_missing_and_that_a_profile_is_needed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    let course = exam_first();
    let course = course.to_str().expect("path");
    let (code, out, err) = kurs(&progress, &["certificates", "issue", course], &[], "");
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        err,
        "kurs: Das Zertifikat ist noch nicht fällig; noch zu bestehen: der Abschlusstest „Prüfung Datensicherheit“; das Modul „G1 Grundlagen“.\n"
    );
    pass_exam_then_module(&progress, &[]);
    let (code, _, err) = kurs(&progress, &["certificates", "issue", course], &[], "");
    assert_eq!(code, 1);
    assert!(err.contains("kurs profile set --name"), "{err}");
    assert!(certificate_files(dir.path()).is_empty());
}

/// The full-screen player issues it too when the last quiz completes the requirement: its
/// lines on the quiz's result screen, or, without a profile, how to give one.
#[test]
fn the_full_screen_quiz_result_shows_the_certificate_it_completed() {
    use kurs::tui::{State, run};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    // A profile stored; none, then given in the form; none, and the form skipped with Esc.
    for (with_profile, typed) in [
        (true, ""),
        (false, "Erika Mustermann\t1990-01-31\n"),
        (false, "\x1b"),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let progress = dir.path().join("progress.toml");
        let course = exam_first();
        let (code, out, err) = kurs(
            &progress,
            &[
                "exam",
                course.to_str().expect("path"),
                "--plain",
                "--seed",
                "2",
            ],
            &[],
            // Start the timed exam, three answers, hand in.
            "1\n1\n1\n1\n1\n",
        );
        assert_eq!(code, 0, "{out}{err}");
        if with_profile {
            kurs(
                &progress,
                &[
                    "profile",
                    "set",
                    "--name",
                    "Erika Mustermann",
                    "--birth-date",
                    "1990-01-31",
                ],
                &[],
                "",
            );
        }
        let (library, _) = kurs::course::load(
            &kurs::course::Source::Path(course),
            kurs::course::Depth::Headers,
        );
        let (store, _) = kurs::progress::ProgressStore::open(progress.clone());
        let mut state = State::new(library, store, Some(Lang::De), Some(1));
        state.theme = kurs::tui::theme::Theme::PLAIN;
        state.certify = Some(kurs::session::Certify {
            folder: dir.path().to_path_buf(),
            key_file: None,
        });
        let mut events = format!("\np1\n\n1\n\n{typed}")
            .chars()
            .map(|c| {
                let code = match c {
                    '\n' => KeyCode::Enter,
                    '\t' => KeyCode::Tab,
                    '\x1b' => KeyCode::Esc,
                    c => KeyCode::Char(c),
                };
                Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
            })
            .collect::<Vec<_>>()
            .into_iter();
        let mut terminal = Terminal::new(TestBackend::new(100, 40)).expect("terminal");
        run(&mut terminal, &mut state, || Ok(events.next())).expect("the loop");
        let buffer = terminal.backend().buffer().clone();
        let text: String = (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        if with_profile || typed.starts_with("Erika") {
            assert!(text.contains("Zertifikat ausgestellt (Prüfcode"), "{text}");
            assert!(text.contains("Bestanden"), "{text}");
            assert_eq!(certificate_files(dir.path()).len(), 2);
        } else {
            assert!(text.contains("Damit ist das Zertifikat fällig."), "{text}");
            assert!(certificate_files(dir.path()).is_empty());
        }
        // The profile given in the form is stored as `kurs profile set` would store it.
        let (_, shown, _) = kurs(&progress, &["profile"], &[], "");
        assert_eq!(
            !shown.contains("No profile is stored"),
            with_profile || typed.starts_with("Erika"),
            "{shown}"
        );
    }
}

/// A certificate the first layout made (kurs before the exam's title, pass mark and signer were
/// stated) still verifies, its page compared by text with the facts its credential holds.
#[test]
fn a_certificate_of_the_first_layout_still_verifies() {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/certificate/layout-1.pdf");
    let (code, out) = verify(&pdf, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Exam      Abschlussprüfung: 100%, passed\n"),
        "{out}"
    );
    let (code, out) = verify(&pdf, &["--json"]);
    assert_eq!(code, 0, "{out}");
    let json: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["requirement"], Value::Null);
    assert_eq!(json["exam"]["pass_percent"], Value::Null);
}
