//! Where certificates are kept: `certificates/` beside the progress index, owner-only, one
//! `.jwt` and one `.pdf` per certificate, named after the course and the day, never replaced.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::CertificateError;
use crate::progress::disk;

pub const FOLDER: &str = "certificates";

pub fn certificates_folder(folder: &Path) -> PathBuf {
    folder.join(FOLDER)
}

/// `<course id>-<YYYY-MM-DD>`, with anything but letters, digits, `-` and `_` in the id made
/// `_`: a course id is the trainer's text, a file name must not climb out of the folder.
pub fn file_stem(course_id: &str, date: jiff::civil::Date) -> String {
    let safe: String = course_id
        .chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}-{date}")
}

/// Writes the credential and the PDF under the first free name `<stem>`, `<stem>-2`, …: both
/// files of one certificate share it. Each is written to a temporary file first and then
/// linked into place without replacing anything, so a crash leaves no half certificate under
/// the name and an earlier certificate is never lost.
pub fn write_pair(
    folder: &Path,
    stem: &str,
    jws: &[u8],
    pdf: &[u8],
) -> Result<(PathBuf, PathBuf), CertificateError> {
    make_folder(folder).map_err(|error| CertificateError::io(folder, &error))?;
    for number in 1..=1000u32 {
        let name = if number == 1 {
            stem.to_owned()
        } else {
            format!("{stem}-{number}")
        };
        let jwt_path = folder.join(format!("{name}.jwt"));
        let pdf_path = folder.join(format!("{name}.pdf"));
        if fs::symlink_metadata(&pdf_path).is_ok() {
            continue;
        }
        match write_new(&jwt_path, jws) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(CertificateError::io(&jwt_path, &error)),
        }
        match write_new(&pdf_path, pdf) {
            Ok(()) => return Ok((jwt_path, pdf_path)),
            Err(error) => {
                // The name was taken meanwhile, or the disk is full: the credential alone is
                // no certificate, so it goes too.
                let _ = fs::remove_file(&jwt_path);
                if error.kind() == io::ErrorKind::AlreadyExists {
                    continue;
                }
                return Err(CertificateError::io(&pdf_path, &error));
            }
        }
    }
    Err(CertificateError::Io {
        path: folder.join(stem),
        reason: "more than 1000 certificates of this course on one day".to_owned(),
    })
}

/// The folder, made for its owner only when missing; a link or a folder others may write in
/// is refused, as anyone who can write there could swap a certificate.
fn make_folder(folder: &Path) -> io::Result<()> {
    fs::create_dir_all(disk::folder_of(folder))?;
    disk::make_private_folder(folder)?;
    match disk::folder_problem(folder) {
        None => Ok(()),
        Some(problem) => Err(io::Error::other(format!(
            "kurs does not keep certificates there ({problem:?})"
        ))),
    }
}

/// Writes `bytes` to `path` atomically, never replacing a file or following a link there.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = disk::new_temp_file(path)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|error| error.error)?;
    disk::sync_folder(disk::folder_of(path));
    Ok(())
}

/// The certificates in the folder: every `.pdf` and `.jwt`, sorted by name; none when the folder
/// does not exist.
pub fn list(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let folder = certificates_folder(folder);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "pdf" || ext == "jwt")
                && fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file())
        })
        .collect();
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> jiff::civil::Date {
        jiff::civil::date(2026, 5, 1)
    }

    #[test]
    fn a_course_id_cannot_climb_out_of_the_folder() {
        assert_eq!(file_stem("../../etc/x", date()), "______etc_x-2026-05-01");
    }

    #[test]
    fn a_second_certificate_on_the_same_day_gets_a_suffix() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = certificates_folder(dir.path());
        let first = write_pair(&folder, "kurs-2026-05-01", b"one", b"%PDF-one").expect("first");
        let second = write_pair(&folder, "kurs-2026-05-01", b"two", b"%PDF-two").expect("second");
        assert!(second.1.ends_with("kurs-2026-05-01-2.pdf"));
        assert_eq!(fs::read(&first.0).expect("kept"), b"one");
        assert_eq!(fs::read(&second.0).expect("new"), b"two");
        assert_eq!(list(dir.path()).expect("listed").len(), 4);
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_is_made_for_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = certificates_folder(dir.path());
        write_pair(&folder, "x", b"a", b"b").expect("written");
        let mode = fs::metadata(&folder).expect("made").permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_a_certificate_is_never_written_through() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = certificates_folder(dir.path());
        write_pair(&folder, "other", b"a", b"b").expect("made");
        let target = dir.path().join("target");
        std::os::unix::fs::symlink(&target, folder.join("x.pdf")).expect("link");
        let (_, pdf) = write_pair(&folder, "x", b"a", b"b").expect("written beside");
        assert!(pdf.ends_with("x-2.pdf"));
        assert!(!target.exists());
    }

    #[test]
    fn no_folder_lists_no_certificates() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(list(dir.path()).expect("listed"), Vec::<PathBuf>::new());
    }
}
