//! The certificate as an Open Badges 3.0 `OpenBadgeCredential` (W3C VC data model 2.0), secured
//! as a VC-JWT (OB 3.0 §8.2): a compact JWS whose payload is the credential itself, signed EdDSA.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::CertificateError;
use super::facts::{CertificateFacts, ExamScore, ModuleScore, Requirement};
use super::key::{IssuerKey, KeyProblem, kid_of};
use crate::i18n::{self, Lang};

pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// OB 3.0 §8.2.1: `typ`, when present, is `JWT`.
pub const JWS_TYPE: &str = "JWT";

/// The identityType of the birth date: OB 3.0 has no such type, and extensions begin with `ext:`.
pub const BIRTH_DATE_TYPE: &str = "ext:birthDate";

/// The issuer's property naming who signed, when a training organisation's key did
/// (`kurs issuer init --name`). OB 3.0 has no term for it; like `timeAdjustment`, the VC 2.0
/// context's `@vocab` makes it an issuer-dependent term, and it is signed with the rest.
pub const SIGNER_NAME: &str = "signerName";

/// The credential as JSON, as it is signed.
///
/// The learner is named by two `IdentityObject`s (`hashed: false`): OB 3.0 lets a subject
/// without an `id` be identified so, and a reader of the printed certificate compares the
/// name and birth date with an identity card; a hash would hide what they must compare.
/// The scores are `result`s that point at one `ResultDescription` each (type `Percent`) in
/// the achievement. How the exam's time was adjusted has no OB 3.0 term; it is the exam
/// result's `timeAdjustment`, which the VC 2.0 context's `@vocab` maps to an
/// issuer-dependent term, so the credential stays valid JSON-LD and the adjustment is signed.
pub fn credential_json(facts: &CertificateFacts, key: &IssuerKey, id: &str) -> Value {
    let lang = facts.lang;
    let achievement_id = achievement_id(&facts.course_id);
    let mut descriptions = Vec::new();
    let mut results = Vec::new();
    for (number, module) in facts.modules.iter().enumerate() {
        let description_id = format!("{achievement_id}:module:{}", number + 1);
        descriptions.push(json!({
            "id": description_id,
            "type": ["ResultDescription"],
            "name": module.title,
            "resultType": "Percent",
        }));
        results.push(json!({
            "type": ["Result"],
            "resultDescription": description_id,
            "value": module.best_percent.to_string(),
        }));
    }
    if let Some(exam) = &facts.exam {
        let description_id = format!("{achievement_id}:exam");
        let mut description = json!({
            "id": description_id,
            "type": ["ResultDescription"],
            "name": exam.title,
            "resultType": "Percent",
        });
        if let Some(pass) = exam.pass_percent {
            description["requiredValue"] = json!(pass.to_string());
        }
        descriptions.push(description);
        let mut result = json!({
            "type": ["Result"],
            "resultDescription": description_id,
            "value": exam.percent.to_string(),
            "status": if exam.passed { "Completed" } else { "Failed" },
        });
        if let Some(adjusted) = &exam.time_adjusted {
            result["timeAdjustment"] = json!(adjusted);
        }
        results.push(result);
    }
    let valid_from = valid_from(facts);
    let mut issuer = json!({
        "id": key.did_key(),
        "type": ["Profile"],
        "name": facts.issuer_name,
    });
    if let Some(signer) = &facts.signer_name {
        issuer[SIGNER_NAME] = json!(signer);
    }
    json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer,
        "validFrom": valid_from,
        "name": format!("{}: {}", i18n::T::CertTitle.get(lang), facts.course_title),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": false,
                    "identityHash": facts.learner_name,
                },
                {
                    "type": "IdentityObject",
                    "identityType": BIRTH_DATE_TYPE,
                    "hashed": false,
                    "identityHash": facts.birth_date,
                },
            ],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "name": facts.course_title,
                "description": i18n::cert_description(lang, &facts.course_title),
                "criteria": { "narrative": narrative(facts) },
                "inLanguage": lang_tag(lang),
                "resultDescription": descriptions,
            },
            "result": results,
        },
    })
}

/// The achievement's criteria in words, from what the course required: its modules done, its
/// exam passed with its pass mark, or both.
pub fn narrative(facts: &CertificateFacts) -> String {
    match facts.requirement {
        Some(requirement) => i18n::cert_criteria(requirement, facts),
        // What kurs wrote before it stated the requirement.
        None => i18n::T::CertCriteria.get(facts.lang).to_owned(),
    }
}

/// The requirement whose narrative `facts` carry, found by writing each again; `None` for the
/// narrative of a kurs that did not state it (or one kurs does not know).
fn requirement_of(facts: &CertificateFacts, narrative_given: &str) -> Option<Requirement> {
    [(true, false), (false, true), (true, true), (false, false)]
        .into_iter()
        .map(|(modules, exam)| Requirement { modules, exam })
        .find(|&requirement| i18n::cert_criteria(requirement, facts) == narrative_given)
}

/// `urn:kurs:<course id>`: the course is the achievement, whoever issues it.
pub fn achievement_id(course_id: &str) -> String {
    format!("urn:kurs:{course_id}")
}

fn valid_from(facts: &CertificateFacts) -> String {
    whole_second(facts.issued_at)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The time of issue to the second, as `validFrom` and `nbf` both state it.
pub fn whole_second(time: jiff::Timestamp) -> jiff::Timestamp {
    jiff::Timestamp::from_second(time.as_second()).unwrap_or(time)
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de",
        Lang::En => "en",
    }
}

/// A new credential id, `urn:uuid:` with a random (version 4) UUID.
pub fn new_id() -> Result<String, CertificateError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|error| CertificateError::Key(KeyProblem::NoRandom(error.to_string())))?;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    ))
}

/// Signs the facts: the compact JWS `header.payload.signature`. The payload is the credential
/// with the registered claims OB 3.0 §8.2.2 asks for beside it: `iss` (issuer id), `jti`
/// (credential id), `nbf` (validFrom); no `sub`, as the subject has no `id`.
pub fn sign(facts: &CertificateFacts, key: &IssuerKey, id: &str) -> String {
    let mut payload = credential_json(facts, key, id);
    payload["iss"] = json!(key.did_key());
    payload["jti"] = json!(id);
    payload["nbf"] = json!(facts.issued_at.as_second());
    let header = json!({ "alg": "EdDSA", "typ": JWS_TYPE, "kid": kid_of(&key.did_key()) });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let signature = key.sign(signing_input.as_bytes());
    format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.to_bytes())
    )
}

/// The code printed on the certificate: the first 12 base32 letters of the SHA-256 of the JWS,
/// in groups of four (`ABCD-EFGH-IJKL`). Whoever holds the credential finds the same code;
/// 60 bits are plenty to tell certificates apart, and short enough to read out on the phone.
pub fn verification_code(jws: &str) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let hash = Sha256::digest(jws.trim().as_bytes());
    // 60 bits: the first 8 bytes hold them, read as one big-endian number.
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash[..8]);
    let bits = u64::from_be_bytes(first);
    let letters: Vec<char> = (0..12)
        .map(|i| ALPHABET[((bits >> (59 - 5 * i)) & 31) as usize] as char)
        .collect();
    letters
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Reads the facts back from a credential's payload; `Err` names the first thing that is not as
/// kurs writes it (then the file is not a kurs certificate, whatever its signature).
pub fn facts_from_payload(payload: &Value) -> Result<CertificateFacts, String> {
    let text = |value: &Value, what: &str| -> Result<String, String> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("no {what}"))
    };
    if payload["@context"] != json!([VC_CONTEXT, OB_CONTEXT]) {
        return Err("not an Open Badges 3.0 credential (@context)".to_owned());
    }
    if payload["type"] != json!(["VerifiableCredential", "OpenBadgeCredential"]) {
        return Err("not an OpenBadgeCredential".to_owned());
    }
    let subject = &payload["credentialSubject"];
    let achievement = &subject["achievement"];
    let course_id = text(&achievement["id"], "achievement id")?
        .strip_prefix("urn:kurs:")
        .map(str::to_owned)
        .ok_or("the achievement is not a kurs course")?;
    let lang = match achievement["inLanguage"].as_str() {
        Some("de") => Lang::De,
        Some("en") => Lang::En,
        _ => return Err("no language de or en".to_owned()),
    };
    let identity = |kind: &str| -> Result<String, String> {
        subject["identifier"]
            .as_array()
            .and_then(|ids| {
                ids.iter()
                    .find(|id| id["identityType"] == kind && id["hashed"] == false)
            })
            .and_then(|id| id["identityHash"].as_str())
            .map(str::to_owned)
            .ok_or_else(|| format!("no {kind} of the learner"))
    };
    let empty = Vec::new();
    let descriptions = achievement["resultDescription"]
        .as_array()
        .unwrap_or(&empty);
    let exam_id = format!("urn:kurs:{course_id}:exam");
    let mut modules = Vec::new();
    let mut exam = None;
    for result in subject["result"].as_array().unwrap_or(&empty) {
        let points_at = text(&result["resultDescription"], "result description")?;
        let percent: u8 = text(&result["value"], "result value")?
            .parse()
            .map_err(|_| "a result value is not a percentage".to_owned())?;
        let description = descriptions
            .iter()
            .find(|d| d["id"] == points_at.as_str())
            .ok_or("a result without its description")?;
        let title = description["name"]
            .as_str()
            .ok_or("a result without its description")?;
        if points_at == exam_id {
            let pass_percent = match description["requiredValue"].as_str() {
                None => None,
                Some(value) => Some(
                    value
                        .parse()
                        .map_err(|_| "the exam's pass mark is not a percentage".to_owned())?,
                ),
            };
            exam = Some(ExamScore {
                title: title.to_owned(),
                percent,
                passed: result["status"] == "Completed",
                pass_percent,
                time_adjusted: result["timeAdjustment"].as_str().map(str::to_owned),
            });
            continue;
        }
        modules.push(ModuleScore {
            title: title.to_owned(),
            best_percent: percent,
        });
    }
    let issued_at: jiff::Timestamp = text(&payload["validFrom"], "validFrom")?
        .parse()
        .map_err(|_| "validFrom is not a date and time".to_owned())?;
    let signer_name = match &payload["issuer"][SIGNER_NAME] {
        Value::Null => None,
        name => Some(text(name, "signer's name")?),
    };
    let mut facts = CertificateFacts {
        learner_name: identity("name")?,
        birth_date: identity(BIRTH_DATE_TYPE)?,
        course_id,
        course_title: text(&achievement["name"], "course title")?,
        lang,
        modules,
        exam,
        requirement: None,
        issued_at,
        issuer_name: text(&payload["issuer"]["name"], "issuer name")?,
        signer_name,
    };
    let narrative_given = text(&achievement["criteria"]["narrative"], "criteria")?;
    facts.requirement = requirement_of(&facts, &narrative_given);
    // Not `check`: what the page can show is asked when issuing; a certificate an older kurs
    // issued is read as it was signed.
    facts
        .check_values()
        .map_err(|problem| problem.to_string())?;
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificate::facts::sample;

    fn decode(part: &str) -> Value {
        let bytes = URL_SAFE_NO_PAD.decode(part).expect("base64url");
        serde_json::from_slice(&bytes).expect("json")
    }

    #[test]
    fn the_header_names_eddsa_and_the_did_key() {
        let key = IssuerKey::from_seed([5; 32], "x");
        let jws = sign(&sample(), &key, "urn:uuid:1");
        let header = decode(jws.split('.').next().expect("header"));
        assert_eq!(header["alg"], "EdDSA");
        assert_eq!(header["typ"], "JWT");
        assert_eq!(header["kid"], kid_of(&key.did_key()));
    }

    #[test]
    fn the_payload_carries_the_jwt_claims_beside_the_credential() {
        let key = IssuerKey::from_seed([5; 32], "x");
        let facts = sample();
        let jws = sign(&facts, &key, "urn:uuid:1");
        let payload = decode(jws.split('.').nth(1).expect("payload"));
        assert_eq!(payload["iss"], key.did_key());
        assert_eq!(payload["jti"], "urn:uuid:1");
        assert_eq!(payload["nbf"], facts.issued_at.as_second());
        assert_eq!(payload["validFrom"], "2026-05-01T09:30:00Z");
        assert_eq!(payload["issuer"]["id"], payload["iss"]);
    }

    #[test]
    fn the_facts_read_back_from_the_credential_unchanged() {
        let key = IssuerKey::from_seed([5; 32], "x");
        let facts = sample();
        let json = credential_json(&facts, &key, "urn:uuid:1");
        assert_eq!(facts_from_payload(&json), Ok(facts));
    }

    #[test]
    fn a_certificate_without_exam_reads_back_without_exam() {
        let key = IssuerKey::from_seed([5; 32], "x");
        let facts = CertificateFacts {
            exam: None,
            lang: Lang::En,
            requirement: Some(Requirement {
                modules: true,
                exam: false,
            }),
            ..sample()
        };
        let json = credential_json(&facts, &key, "urn:uuid:1");
        assert_eq!(facts_from_payload(&json), Ok(facts));
    }

    #[test]
    fn the_exam_is_named_by_its_own_title_with_its_pass_mark() {
        let key = IssuerKey::from_seed([5; 32], "x");
        let json = credential_json(&sample(), &key, "urn:uuid:1");
        let exam = &json["credentialSubject"]["achievement"]["resultDescription"][2];
        assert_eq!(exam["name"], "Abschlusstest");
        assert_eq!(exam["requiredValue"], "80");
    }

    #[test]
    fn the_criteria_are_written_from_what_the_course_required() {
        let key = IssuerKey::from_seed([5; 32], "x");
        let narrative = |modules: bool, exam: bool, lang: Lang| {
            let facts = CertificateFacts {
                requirement: Some(Requirement { modules, exam }),
                lang,
                ..sample()
            };
            let json = credential_json(&facts, &key, "urn:uuid:1");
            json["credentialSubject"]["achievement"]["criteria"]["narrative"]
                .as_str()
                .expect("a narrative")
                .to_owned()
        };
        assert_eq!(
            narrative(true, true, Lang::De),
            "Alle Module des Kurses abgeschlossen (das Quiz jedes Moduls bestanden, ein Modul ohne Quiz gelesen) und den Abschlusstest „Abschlusstest“ mit mindestens 80 % bestanden. Angegeben ist je Modul das beste Ergebnis im Quiz."
        );
        assert_eq!(
            narrative(false, true, Lang::En),
            "Passed the final test “Abschlusstest” with at least 80%. Each module shows the learner's best score in its quiz."
        );
        assert!(narrative(true, false, Lang::En).starts_with("Completed every module"));
        assert!(!narrative(true, false, Lang::En).contains("final test"));
    }

    #[test]
    fn every_requirement_reads_back_from_its_narrative() {
        let key = IssuerKey::from_seed([5; 32], "x");
        for (modules, exam) in [(true, true), (true, false), (false, true)] {
            let facts = CertificateFacts {
                requirement: Some(Requirement { modules, exam }),
                ..sample()
            };
            let json = credential_json(&facts, &key, "urn:uuid:1");
            assert_eq!(facts_from_payload(&json), Ok(facts));
        }
    }

    #[test]
    fn a_credential_of_the_first_layout_reads_back_as_it_was_signed() {
        // Before the requirement, the exam's title and the signer were stated.
        let key = IssuerKey::from_seed([5; 32], "x");
        let facts = CertificateFacts {
            exam: sample().exam.map(|exam| ExamScore {
                title: "Abschlussprüfung".to_owned(),
                pass_percent: None,
                ..exam
            }),
            requirement: None,
            ..sample()
        };
        let json = credential_json(&facts, &key, "urn:uuid:1");
        assert_eq!(
            json["credentialSubject"]["achievement"]["criteria"]["narrative"],
            i18n::T::CertCriteria.get(Lang::De)
        );
        assert_eq!(facts_from_payload(&json), Ok(facts));
    }

    #[test]
    fn an_organisations_key_is_named_as_the_signer_beside_the_courses_issuer() {
        let key = IssuerKey::from_seed([5; 32], "Akademie Nord");
        let facts = CertificateFacts {
            signer_name: Some("Akademie Nord".to_owned()),
            ..sample()
        };
        let json = credential_json(&facts, &key, "urn:uuid:1");
        assert_eq!(json["issuer"]["name"], "Volkshochschule Musterstadt");
        assert_eq!(json["issuer"][SIGNER_NAME], "Akademie Nord");
        assert_eq!(facts_from_payload(&json), Ok(facts));
    }

    #[test]
    fn a_time_with_a_fraction_of_a_second_reads_back_to_the_second() {
        let key = IssuerKey::from_seed([5; 32], "x");
        let facts = CertificateFacts {
            issued_at: "2026-05-01T09:30:00.75Z".parse().expect("time"),
            ..sample()
        };
        let jws = sign(&facts, &key, "urn:uuid:1");
        let payload = decode(jws.split('.').nth(1).expect("payload"));
        assert_eq!(payload["validFrom"], "2026-05-01T09:30:00Z");
        assert_eq!(payload["nbf"], sample().issued_at.as_second());
    }

    #[test]
    fn the_verification_code_is_twelve_base32_letters_in_three_groups() {
        let code = verification_code("a.b.c");
        assert_eq!(code.len(), 14, "{code}");
        assert!(code.split('-').all(|g| {
            g.len() == 4
                && g.bytes()
                    .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
        }));
        assert_ne!(code, verification_code("a.b.d"));
    }

    #[test]
    fn new_ids_are_version_4_uuids() {
        let id = new_id().expect("random");
        assert_eq!(id.len(), "urn:uuid:".len() + 36);
        assert_eq!(&id["urn:uuid:".len() + 14..][..1], "4");
        assert_ne!(id, new_id().expect("random"));
    }

    #[test]
    fn a_credential_of_another_kind_is_not_read_as_a_kurs_certificate() {
        let json = json!({ "@context": [VC_CONTEXT], "type": ["VerifiableCredential"] });
        assert!(facts_from_payload(&json).is_err());
    }
}
