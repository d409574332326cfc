//! Certificates end to end: issued through the library as the player will, read back by a PDF
//! reader and an independent Ed25519 implementation, and checked by the real `kurs verify`.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use kurs::certificate::{self, CertificateFacts, ExamScore, IssuerKey, ModuleScore};
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
            percent: 92,
            passed: true,
            time_adjusted: Some("Zeitfaktor 1,5".to_owned()),
        }),
        issued_at: "2026-05-01T09:30:00Z".parse().expect("a fixed time"),
        issuer_name: "Volkshochschule Musterstadt".to_owned(),
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

#[test]
fn a_pdf_reader_finds_name_course_scores_and_code_with_their_umlauts() {
    let issued = issue();
    let document = lopdf::Document::load(&issued.issued.pdf).expect("a PDF");
    let text = document.extract_text(&[1]).expect("text");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in [
        "Jürgen Größe",
        "geboren am 14. März 1990",
        "Grundlagen der Elektrotechnik",
        "Widerstände in Reihe",
        "85 %",
        "92 % – bestanden",
        "Prüfungszeit angepasst: Zeitfaktor 1,5",
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
    assert!(
        achievement["criteria"]["narrative"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
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
            "Abschlussprüfung"
        ]
    );
    assert!(descriptions.iter().all(|d| d["resultType"] == "Percent"));

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
            "92%, passed (time adjusted: Zeitfaktor 1,5)",
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
    assert_eq!(json["issuer"]["did"], issued.key.did_key());
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

#[test]
fn kurs_certificates_lists_the_certificates_issued_here() {
    let issued = issue();
    let output = Command::new(env!("CARGO_BIN_EXE_kurs"))
        .arg("certificates")
        .arg("--progress")
        .arg(issued.folder.join("progress.toml"))
        .output()
        .expect("kurs runs");
    assert!(output.status.success());
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains(&issued.issued.pdf.display().to_string()),
        "{out}"
    );
    assert!(
        out.contains(&issued.issued.credential.display().to_string()),
        "{out}"
    );
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
