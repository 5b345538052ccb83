//! One reader per statement format, behind [`StatementReader`], and the one entry point the
//! screens call: [`read_statement`] recognises the format by itself, so the user never says
//! which bank or format a file comes from.

pub mod camt;
pub mod csv;
pub mod kind;
pub mod ofx;
pub mod qif;

use crate::bank::statement::{FileProblem, Format, Statement, StatementReader};
use crate::model::bank_book::{ColumnMapping, SavedMapping};
use crate::values::read::encoding::{self, Encoding, EncodingProblem};
use csv::mapping::read_with_mapping;

/// A statement file read whole: what the import screen shows before anything is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadStatement {
    pub format: Format,
    pub encoding: Encoding,
    pub statement: Statement,
}

/// Reads a statement file's bytes, whatever its encoding and format. `mappings` are the
/// column mappings the user saved for CSV layouts no rule recognises.
///
/// Structured formats are tried before CSV: an OFX, camt or QIF file would also split into
/// fields at some separator, the reverse never happens. The first reader that recognises the
/// text decides: its refusal is the file's (a camt file of an unknown version must say so,
/// not fall through to "not a statement").
pub fn read_statement(
    bytes: &[u8],
    mappings: &[SavedMapping],
) -> Result<ReadStatement, FileProblem> {
    let (text, encoding) = encoding::decode(bytes).map_err(file_problem)?;
    let csv = csv::CsvReader { mappings };
    let readers: [&dyn StatementReader; 4] =
        [&ofx::OfxReader, &camt::CamtReader, &qif::QifReader, &csv];
    let reader = readers
        .into_iter()
        .find(|reader| reader.recognises(&text))
        .ok_or(FileProblem::NotAStatement)?;
    let mut statement = Statement::default();
    let format = reader.read(&text, &mut statement)?;
    finish(format, encoding, statement)
}

/// Reads a CSV file with the columns the user just mapped (before the mapping is saved).
pub fn read_with_columns(
    bytes: &[u8],
    mapping: &ColumnMapping,
) -> Result<ReadStatement, FileProblem> {
    let (text, encoding) = encoding::decode(bytes).map_err(file_problem)?;
    let mut statement = Statement::default();
    let format = read_with_mapping(&text, mapping, &mut statement)?;
    finish(format, encoding, statement)
}

/// A file with nothing in it at all is refused; one whose every line was unreadable or left
/// out is returned, so that the screen can name those lines.
fn finish(
    format: Format,
    encoding: Encoding,
    statement: Statement,
) -> Result<ReadStatement, FileProblem> {
    if statement.line_count() == 0
        && statement.unreadable.is_empty()
        && statement.skipped.is_empty()
    {
        return Err(FileProblem::NoLines);
    }
    Ok(ReadStatement {
        format,
        encoding,
        statement,
    })
}

fn file_problem(problem: EncodingProblem) -> FileProblem {
    match problem {
        EncodingProblem::Empty => FileProblem::Empty,
        EncodingProblem::TooLarge { bytes, max } => FileProblem::TooLarge { bytes, max },
        EncodingProblem::Binary => FileProblem::Binary,
    }
}
