//! Counted words, one rule per language, for the shell's texts and every group's.

pub mod fr {
    use encaisse_domain::values::format::{format_count, Locale};

    /// "0 facture", "1 facture", "20 000 factures": French counts zero in the singular.
    pub fn plural(n: usize, one: &str, many: &str) -> String {
        let count = format_count(n, Locale::Fr);
        if n <= 1 {
            format!("{count} {one}")
        } else {
            format!("{count} {many}")
        }
    }
}

pub mod en {
    use encaisse_domain::values::format::{format_count, Locale};

    /// "1 invoice", "0 invoices", "20,000 invoices".
    pub fn plural(n: usize, one: &str, many: &str) -> String {
        let count = format_count(n, Locale::En);
        if n == 1 {
            format!("{count} {one}")
        } else {
            format!("{count} {many}")
        }
    }

    /// "1 day", "-1 day", "3 days".
    pub fn days_text(days: i64) -> String {
        if days.abs() == 1 {
            format!("{days} day")
        } else {
            format!("{days} days")
        }
    }
}
