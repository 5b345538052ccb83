//! Parameters carried in a link's fragment (`#/factures?statut=overdue&client=3`): read with
//! percent-decoding, written with percent-encoding, so that any value survives a round trip
//! through a shared or bookmarked link.

/// The `name=value` pairs of a query, decoded, in order; a repeated name gives several pairs.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// The first value given for `name`.
pub fn first<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Writes pairs as a query, leaving out empty values.
pub fn encode_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-decodes UTF-8; a malformed escape is kept as it is rather than refused, so that
/// the value reaches validation and its message names the parameter.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_repeated_and_encoded_values() {
        let pairs = parse_query("montant=15%20000%2C50&reglement=a&reglement=b&vide=&seul");
        assert_eq!(first(&pairs, "montant"), Some("15 000,50"));
        assert_eq!(
            pairs.iter().filter(|(n, _)| n == "reglement").count(),
            2,
            "a repeated name is kept twice"
        );
        assert_eq!(first(&pairs, "vide"), Some(""));
        assert_eq!(first(&pairs, "seul"), Some(""));
        assert_eq!(first(&pairs, "absent"), None);
    }

    #[test]
    fn a_broken_escape_is_kept_for_validation_to_name() {
        // Guards against a blank screen on a hand-edited link.
        assert_eq!(
            first(&parse_query("montant=12%zz%4"), "montant"),
            Some("12%zz%4")
        );
    }

    proptest! {
        #[test]
        fn any_value_survives_a_round_trip(value in "\\PC{1,20}") {
            // Guards against a value with `&`, `=`, `#` or accents breaking a shared link.
            let query = encode_query([("x", value.as_str())]);
            let pairs = parse_query(&query);
            prop_assert_eq!(first(&pairs, "x"), Some(value.as_str()));
        }
    }
}
