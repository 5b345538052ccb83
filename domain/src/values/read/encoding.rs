//! Bytes to text. French banks and accounting programs write UTF-8 (with or without a byte
//! order mark), Windows-1252 or ISO-8859-1; a file read with the wrong one shows "CrÃ©dit".
//!
//! UTF-8 is tried first: a Windows-1252 text with accents is almost never valid UTF-8, so a
//! file that decodes as UTF-8 is UTF-8. Otherwise the bytes are read as Windows-1252, which
//! agrees with ISO-8859-1 everywhere but 0x80–0x9F, where Latin-1 has invisible control
//! characters no statement contains and Windows-1252 has €, œ, ’ and the like. This small
//! table stands in for an encoding crate, whose tables for every encoding would cost far more
//! bytes than the two encodings these files use.

/// The largest file read: a year of a busy account's statement is a few megabytes.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodingProblem {
    Empty,
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// NUL bytes or other control characters: an image, a PDF, a spreadsheet's binary file.
    Binary,
}

/// Windows-1252's characters at 0x80–0x9F; the five holes (0x81, 0x8D, 0x8F, 0x90, 0x9D)
/// read as the replacement character.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
    '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{fffd}',
    'ž', 'Ÿ',
];

/// Reads a file's bytes as text, saying which encoding it found.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), EncodingProblem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(EncodingProblem::TooLarge {
            bytes: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, u16::from_le_bytes), Encoding::Utf16)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes), Encoding::Utf16)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), Encoding::Utf8),
            Err(_) => (windows_1252(bytes), Encoding::Windows1252),
        }
    };
    if text.trim().is_empty() {
        return Err(EncodingProblem::Empty);
    }
    if looks_binary(&text) {
        return Err(EncodingProblem::Binary);
    }
    Ok((text, encoding))
}

/// Reads bytes as Windows-1252 (and so ISO-8859-1).
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or('\u{fffd}'))
        .collect()
}

/// A text file has no NUL and almost no other control character besides tab and line ends.
/// Judged on the first 64 KiB, enough for any header and cheap on a large file.
fn looks_binary(text: &str) -> bool {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            controls += 1;
        }
    }
    controls * 100 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_accents_and_euro_read_right() {
        // Guards against "Cr\u{e9}dit" read as UTF-8 and shown as "Cr�dit".
        let bytes = b"Cr\xe9dit ;\x80 12,50 ; \x9cuvre ; \x92";
        let (text, encoding) = decode(bytes).unwrap();
        assert_eq!(encoding, Encoding::Windows1252);
        assert_eq!(text, "Crédit ;€ 12,50 ; œuvre ; ’");
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Débit".as_bytes()).unwrap().0, "Débit");
        assert_eq!(decode(b"\xEF\xBB\xBFD\xC3\xA9bit").unwrap().0, "Débit");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Crédit".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().0, "Crédit");
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        // Guards against reading a PDF or a PNG as a statement with thousands of bad lines.
        assert_eq!(
            decode(b"%PDF-1.4\x00\x01\x02"),
            Err(EncodingProblem::Binary)
        );
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(EncodingProblem::Binary)
        );
        assert_eq!(decode(b"  \r\n"), Err(EncodingProblem::Empty));
        assert_eq!(decode(b""), Err(EncodingProblem::Empty));
    }
}
