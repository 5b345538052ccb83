//! How names and numbers are compared: lower case, French accents removed.
//!
//! "Lefèvre" is found by "lefevre", sorts among the L's, and "F2026-001" collides with
//! "f2026-001". Only ASCII and the letters French writes are folded; other characters stay as
//! they are. This is also why the project avoids `str::to_lowercase`: its full Unicode case
//! table costs about 14 KB of wasm for letters French users do not type.

/// The folded form of a text, for searching, sorting and uniqueness checks.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => folded.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => folded.push('e'),
            'î' | 'ï' | 'Î' | 'Ï' => folded.push('i'),
            'ô' | 'ö' | 'Ô' | 'Ö' => folded.push('o'),
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => folded.push('u'),
            'ÿ' | 'Ÿ' => folded.push('y'),
            'ç' | 'Ç' => folded.push('c'),
            'œ' | 'Œ' => folded.push_str("oe"),
            'æ' | 'Æ' => folded.push_str("ae"),
            other => folded.push(other.to_ascii_lowercase()),
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn french_names_fold_to_plain_lower_case() {
        // Guards against "Élodie" sorting after "Zoé", or "lefevre" not finding "Lefèvre".
        assert_eq!(fold("Lefèvre"), "lefevre");
        assert_eq!(fold("ÉLODIE Œuvre Ça"), "elodie oeuvre ca");
        assert_eq!(fold("F2026-001"), fold("f2026-001"));
        assert!(fold("Élodie") < fold("Zoé"));
        assert_eq!(fold("Łódź"), "Łódź", "other letters are left as they are");
    }
}
