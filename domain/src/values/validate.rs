//! Checks of French and banking identifiers: SIREN/SIRET (Luhn), IBAN (ISO 13616 mod 97),
//! BIC (ISO 9362), e-mail and phone shapes.

use crate::values::problem::Problem;

/// Keeps the characters that matter in an identifier typed with spaces or dashes.
pub fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .collect::<String>()
        .to_ascii_uppercase()
}

fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// SIREN (9 digits) or SIRET (14 digits), Luhn-checked. La Poste's establishments (SIREN
/// 356 000 000) break Luhn by design: their SIRET digits sum to a multiple of 5 instead.
pub fn check_registration(text: &str) -> Result<String, Problem> {
    let digits = compact(text);
    if !(digits.len() == 9 || digits.len() == 14) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::RegistrationLength);
    }
    let la_poste_siret = digits.len() == 14 && digits.starts_with("356000000");
    let valid = if la_poste_siret {
        digits.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5 == 0
    } else {
        luhn_valid(&digits)
    };
    if valid {
        Ok(digits)
    } else {
        Err(Problem::RegistrationChecksum)
    }
}

/// IBAN lengths of the countries French businesses deal with most; other countries are
/// checked against the general 15–34 range.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
];

/// Returns the IBAN without spaces, upper-case, when its length and mod-97 check hold.
pub fn check_iban(text: &str) -> Result<String, Problem> {
    let iban = compact(text);
    let bytes = iban.as_bytes();
    let shaped = iban.len() >= 4
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..4].iter().all(u8::is_ascii_digit)
        && bytes.iter().all(u8::is_ascii_alphanumeric);
    if !shaped {
        return Err(Problem::IbanFormat);
    }
    // Well begun but of the wrong length: say the length the country expects (an IBAN cut
    // short was told it must begin with letters and digits, which it did).
    let country = &iban[..2];
    let expected = IBAN_LENGTHS
        .iter()
        .find(|(c, _)| *c == country)
        .map(|&(_, n)| n);
    match expected {
        Some(expected) if iban.len() != expected => {
            return Err(Problem::IbanLength {
                country: country.to_string(),
                expected,
            });
        }
        None if !(15..=34).contains(&iban.len()) => return Err(Problem::IbanFormat),
        _ => {}
    }
    // Move the first four characters to the end, letters become 10..35, then mod 97 == 1.
    let remainder = iban[4..]
        .bytes()
        .chain(iban[..4].bytes())
        .fold(0u32, |acc, b| {
            let value = if b.is_ascii_digit() {
                u32::from(b - b'0')
            } else {
                u32::from(b - b'A') + 10
            };
            if value >= 10 {
                (acc * 100 + value) % 97
            } else {
                (acc * 10 + value) % 97
            }
        });
    if remainder == 1 {
        Ok(iban)
    } else {
        Err(Problem::IbanChecksum)
    }
}

/// BIC: 4 letters (bank), 2 letters (country), 2 letters or digits (location), and an
/// optional 3-character branch code.
pub fn check_bic(text: &str) -> Result<String, Problem> {
    let bic = compact(text);
    let b = bic.as_bytes();
    let valid = (bic.len() == 8 || bic.len() == 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(u8::is_ascii_alphanumeric);
    if valid {
        Ok(bic)
    } else {
        Err(Problem::BicFormat)
    }
}

/// A pragmatic e-mail check: something@domain.tld, no spaces, none of the characters that
/// end an address in a `mailto:` link or a mail header (`?`, `&`, `#`, `%`, `,`, `;`, `<`...),
/// through which a stored address could add recipients. The real test is sending.
pub fn check_email(text: &str) -> Result<String, Problem> {
    let email = text.trim();
    let header_character =
        |c: char| c.is_whitespace() || c.is_control() || "?&#%,;:<>\"\\()[]/".contains(c);
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(header_character)
        }
        None => false,
    };
    if valid {
        Ok(email.to_string())
    } else {
        Err(Problem::EmailFormat)
    }
}

/// A phone number as people write it: digits with spaces, dots, dashes, parentheses and an
/// optional leading +; between 6 and 15 digits (E.164's maximum).
pub fn check_phone(text: &str) -> Result<String, Problem> {
    let phone = text.trim();
    let allowed = phone
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " .-()".contains(c) || (c == '+' && i == 0));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if allowed && (6..=15).contains(&digits) {
        Ok(phone.to_string())
    } else {
        Err(Problem::PhoneFormat)
    }
}

/// An address without a country, or with France's, is in France.
pub fn in_france(country: &str) -> bool {
    matches!(
        country.trim().to_ascii_lowercase().as_str(),
        "" | "france" | "fr"
    )
}

/// A French postal code has five digits; one abroad (or not typed yet) is left alone.
pub fn french_postal_code_fits(postal_code: &str, country: &str) -> bool {
    !in_france(country)
        || postal_code.is_empty()
        || (postal_code.len() == 5 && postal_code.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_accepts_real_siren_and_siret() {
        // Guards against a Luhn implemented from the wrong end (doubling the first digit).
        assert_eq!(check_registration("732 829 320").unwrap(), "732829320");
        assert_eq!(
            check_registration("73282932000074").unwrap(),
            "73282932000074"
        );
        assert_eq!(
            check_registration("356 000 000 00001").unwrap(),
            "35600000000001"
        );
    }

    #[test]
    fn registration_rejects_typos() {
        // Guards against accepting a mistyped SIREN that would put letters to the wrong company.
        assert_eq!(
            check_registration("732829321"),
            Err(Problem::RegistrationChecksum)
        );
        assert_eq!(
            check_registration("7328293"),
            Err(Problem::RegistrationLength)
        );
        assert_eq!(
            check_registration("73282932A"),
            Err(Problem::RegistrationLength)
        );
    }

    #[test]
    fn iban_mod97() {
        // Guards against transfers asked to a mistyped account.
        assert_eq!(
            check_iban("fr76 3000 6000 0112 3456 7890 189").unwrap(),
            "FR7630006000011234567890189"
        );
        assert_eq!(
            check_iban("DE89 3704 0044 0532 0130 00").unwrap(),
            "DE89370400440532013000"
        );
        assert_eq!(
            check_iban("FR7630006000011234567890188"),
            Err(Problem::IbanChecksum)
        );
        assert_eq!(
            check_iban("FR763000600001123456789018"),
            Err(Problem::IbanLength {
                country: "FR".into(),
                expected: 27
            })
        );
        assert_eq!(check_iban("1234"), Err(Problem::IbanFormat));
        // Cut short: the length is what is wrong, not the beginning (found in review).
        assert_eq!(
            check_iban("FR76 1234"),
            Err(Problem::IbanLength {
                country: "FR".into(),
                expected: 27
            })
        );
    }

    #[test]
    fn bic_shape() {
        assert_eq!(check_bic("bnpa fr pp").unwrap(), "BNPAFRPP");
        assert_eq!(check_bic("AGRIFRPP882").unwrap(), "AGRIFRPP882");
        assert_eq!(check_bic("BNP1FRPP"), Err(Problem::BicFormat));
        assert_eq!(check_bic("BNPAFRP"), Err(Problem::BicFormat));
    }

    #[test]
    fn email_and_phone_shapes() {
        assert!(check_email("compta@exemple.fr").is_ok());
        assert_eq!(check_email("compta@exemple"), Err(Problem::EmailFormat));
        assert_eq!(check_email("comp ta@exemple.fr"), Err(Problem::EmailFormat));
        // Guards against an address that adds recipients to the mail a link opens.
        for crafted in [
            "victim@x.fr?cc=evil%40attacker.example&bcc=spy%40evil.example",
            "victim@x.fr,spy@evil.example",
            "a;b@x.fr",
            "Victim <victim@x.fr>",
            "victim@x.fr#frag",
        ] {
            assert_eq!(check_email(crafted), Err(Problem::EmailFormat), "{crafted}");
        }
        assert!(check_email("jean-marie.o'neil+compta@exemple.co.uk").is_ok());
        assert!(check_phone("+33 1 23 45 67 89").is_ok());
        assert!(check_phone("01.23.45.67.89").is_ok());
        assert_eq!(check_phone("01 23 +45"), Err(Problem::PhoneFormat));
        assert_eq!(check_phone("123"), Err(Problem::PhoneFormat));
    }
}
