//! Delimited text (CSV, the FEC's tab or `|` columns) split into records of fields.
//!
//! Quotes follow RFC 4180 as spreadsheets write it: a field in double quotes may hold the
//! separator and line breaks, and `""` inside it is one quote. A quote in the middle of an
//! unquoted field is kept as a character (banks write `Libell"e` by accident). Each record
//! carries the line it starts on, counted from 1, so that a message can name it.

/// One row of the file: the line it starts on and its fields, untrimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

impl Record {
    /// The field at `index`, trimmed; empty when the row is shorter.
    pub fn get(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", |f| f.trim())
    }

    /// Whether every field is empty (a blank line, or `;;;;`).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// The separators files of this kind use, in the order a tie is decided.
pub const SEPARATORS: [char; 4] = [';', '\t', ',', '|'];

/// Splits a whole text into records. Blank lines are kept as records with one empty field,
/// so line numbers stay right; callers skip them.
pub fn records(text: &str, separator: char) -> Vec<Record> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                other => field.push(other),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            c if c == separator => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                out.push(Record {
                    line: record_line,
                    fields: std::mem::take(&mut fields),
                });
                line += 1;
                record_line = line;
                at_field_start = true;
            }
            ' ' if at_field_start => field.push(' '),
            other => {
                field.push(other);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push(Record {
            line: record_line,
            fields,
        });
    }
    out
}

/// Guesses the separator from the first rows: the one that splits the most of them into the
/// same number of columns (at least two). A preamble line with another shape does not
/// mislead it, as the table below outnumbers it.
pub fn guess_separator(text: &str) -> Option<char> {
    let sample: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best: Option<(usize, usize, char)> = None;
    for separator in SEPARATORS {
        let mut counts: Vec<usize> = sample
            .iter()
            .map(|line| count_outside_quotes(line, separator))
            .filter(|&n| n > 0)
            .collect();
        if counts.is_empty() {
            continue;
        }
        crate::values::sorting::sort_by_key(&mut counts, |n| *n);
        // The most frequent column count and how many rows have it.
        let (mut mode, mut mode_rows, mut run) = (counts[0], 0, 0);
        for (i, &n) in counts.iter().enumerate() {
            run = if i > 0 && counts[i - 1] == n {
                run + 1
            } else {
                1
            };
            if run > mode_rows {
                mode_rows = run;
                mode = n;
            }
        }
        let better = match best {
            None => true,
            Some((rows, columns, _)) => mode_rows > rows || (mode_rows == rows && mode > columns),
        };
        if better {
            best = Some((mode_rows, mode, separator));
        }
    }
    best.map(|(_, _, separator)| separator)
}

fn count_outside_quotes(line: &str, separator: char) -> usize {
    let mut in_quotes = false;
    line.chars()
        .filter(|&c| {
            if c == '"' {
                in_quotes = !in_quotes;
            }
            c == separator && !in_quotes
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_separators_quotes_and_line_breaks() {
        // Guards against a label "VIR SEPA; FACT 12" splitting into two columns, and against
        // a quoted line break shifting every later line number.
        let text = "a;\"b;c\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";x\r\nlast;row";
        let rows = records(text, ';');
        assert_eq!(rows[0].fields, ["a", "b;c", "say \"hi\""]);
        assert_eq!(rows[1].fields, ["two\nlines", "x"]);
        assert_eq!(rows[1].line, 2);
        assert_eq!(rows[2].line, 4);
        assert_eq!(rows[2].fields, ["last", "row"]);
    }

    #[test]
    fn blank_lines_keep_their_numbers() {
        let rows = records("h1;h2\n\n1;2\n", ';');
        assert_eq!(rows.len(), 3);
        assert!(rows[1].is_blank());
        assert_eq!(rows[2].line, 3);
    }

    #[test]
    fn separator_is_guessed_despite_a_preamble() {
        // Guards against Société Générale's preamble line deciding the separator.
        let text = "=\"0001234\";Compte courant;Solde 1 234,56\n\nDate;Libellé;Détail;Montant;Devise\n01/02/2026;A;B;-1,50;EUR\n02/02/2026;C;D;2,00;EUR\n";
        assert_eq!(guess_separator(text), Some(';'));
        let cic = "Date d'opération,Date de valeur,Montant,Libellé,Solde\n01/02/2026,01/02/2026,-12.50,CB,100.00\n";
        assert_eq!(guess_separator(cic), Some(','));
        assert_eq!(
            guess_separator("JournalCode\tJournalLib\tEcritureNum\nVE\tVentes\t1\n"),
            Some('\t')
        );
        assert_eq!(guess_separator("just words\nand more"), None);
    }
}
