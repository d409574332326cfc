//! Content fingerprints: a short, stable hash of a few texts, pinned because progress files store it.
//! Neutral ground: the course model fingerprints questions and the progress store names files with it.

use sha2::{Digest, Sha256};

/// A stable content hash: the first 16 hex digits of SHA-256 over the parts.
///
/// Each part is prefixed with its length, so `["ab", "c"]` and `["a", "bc"]` differ.
/// For a question the course side passes its type, prompt, choices and whatever else decides the
/// right answer; the progress store passes a course id to name its file.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let digest = hasher.finalize();
    digest
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_16_hex_digits_and_stable() {
        let print = fingerprint(&["single", "Was ist 2+2?", "3", "4"]);
        assert_eq!(print.len(), 16);
        assert!(
            print
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        // Pinned: progress files store this value, so it must never change between releases.
        assert_eq!(fingerprint(&[]), "e3b0c44298fc1c14");
        assert_eq!(print, "82198a1495d02773");
    }

    #[test]
    fn fingerprint_separates_parts() {
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_ne!(fingerprint(&["a"]), fingerprint(&["a", ""]));
    }

    #[test]
    fn fingerprint_changes_with_content() {
        assert_ne!(
            fingerprint(&["single", "Frage"]),
            fingerprint(&["single", "Frage?"])
        );
    }
}
