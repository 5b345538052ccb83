use super::ImportTexts;
use crate::i18n::Texts;
use encaisse_domain::files::import::{ImportFileProblem, Refusal};
use encaisse_domain::model::imports::ImportRecord;
use encaisse_domain::values::format::format_eur;
use encaisse_domain::values::format::{format_megabytes, Locale};
use encaisse_domain::values::read::encoding::EncodingProblem;

fn s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What an import created: `2 clients, 12 invoices, 1 credit note, 4 payments`.
fn counts(record: &ImportRecord) -> String {
    let parts: Vec<String> = [
        (record.clients.len(), "client"),
        (record.invoices.len(), "invoice"),
        (record.credit_notes.len(), "credit note"),
        (record.payments.len(), "payment"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}{}", s(n)))
    .collect();
    if parts.is_empty() {
        "nothing".into()
    } else {
        parts.join(", ")
    }
}

fn refusal(refusal: &Refusal, t: &'static Texts) -> String {
    let eur = |amount| format_eur(amount, t.locale);
    match refusal {
        Refusal::UnreadableDate { text } => format!("unreadable date “{text}”"),
        Refusal::UnreadableAmount { text } => format!("unreadable amount “{text}”"),
        Refusal::UnreadableTerms { text } => format!("unreadable payment terms “{text}” (for example “30 days”, “45 days end of month”, “on receipt”)"),
        Refusal::UnreadableDirection { text } => format!("unreadable direction “{text}” (D or C expected)"),
        Refusal::Invalid(problem) => (t.problem)(problem, t.locale),
        Refusal::NumberTakenWithOtherTotal { number, existing, imported } => format!(
            "invoice {number} already exists for {}, the file gives it for {}: it is neither doubled nor replaced",
            eur(*existing),
            eur(*imported)
        ),
        Refusal::NumberTwiceInFile { number, first_line } => format!("number {number} is already on line {first_line} with another amount"),
        Refusal::AmountsDisagree { net, vat, total } => format!("net {} + VAT {} do not make the total {}", eur(*net), eur(*vat), eur(*total)),
        Refusal::PaymentWithoutDate => "amount paid without a payment date: the invoice is imported, not the payment".into(),
        Refusal::PaymentOnExistingInvoice { number } => format!("payment of invoice {number}, already in Encaisse: record it by hand if it is missing"),
        Refusal::CreditNoteWithoutInvoice => "credit note that no invoice of its lettering group can take".into(),
        Refusal::DebitOutsideSales { journal } => format!("client account debited outside sales (journal {journal}): a refund or a rejected payment, to record by hand"),
        Refusal::OtherJournal { journal } => format!("client account entry in miscellaneous operations (journal {journal}): to record by hand"),
    }
}

pub static TEXTS: ImportTexts = ImportTexts {
    title: "Import invoices, clients and payments",
    intro: "Take in what another program already knows: your accounting's FEC, or the CSV export of your invoicing program's invoices. You see what the import will do before confirming, and each import can be undone. The file is read in your browser and never leaves it.",
    cancel: "Cancel",
    back_to_bank: "Bank reconciliation",

    file_title: "Choose the file",
    drop_here: "Drop the file here, or",
    choose_file: "Choose a file…",
    formats_read: "FEC (French accounting entries file, tab or | separated) or a CSV of invoices (Dolibarr, Henrri, Tiime, Facture.net, a spreadsheet…).",
    file_too_large: |bytes, max| format!("the file is {} MB, beyond the {} MB read", format_megabytes(bytes, Locale::En), max / 1_048_576),
    file_unreadable: |name| format!("the browser could not read it ({name})"),
    encoding_problem: |p| match p {
        EncodingProblem::Empty => "the file is empty".into(),
        EncodingProblem::TooLarge { bytes, max } => format!("the file is {} MB, beyond the {} MB read", format_megabytes(*bytes as u64, Locale::En), max / 1_048_576),
        EncodingProblem::Binary => "it is not a text file (an image, a PDF, a spreadsheet?): export an FEC or a CSV".into(),
    },
    not_a_table: "it is neither an FEC nor a CSV table (no columns separated by ; , tab or |)",
    file_problem: |p| match p {
        ImportFileProblem::NoHeader => "no header row: the file is empty or has no separated columns".into(),
        ImportFileProblem::MissingColumns { line, missing } => format!("the FEC's header (line {line}) lacks the columns {}", missing.join(", ")),
        ImportFileProblem::ColumnOutOfRange { column, columns } => format!("column {} does not exist: the file has {columns}", column + 1),
        ImportFileProblem::NoAmountColumn => "choose the column of the amount excluding VAT or that of the total".into(),
    },
    file_refused: |file, why| format!("“{file}” is not imported: {why}. Nothing was recorded."),

    columns_title: |file| format!("The columns of “{file}”"),
    columns_intro: "Say what each column holds. The choices offered come from the header's names: check them against the first rows below.",
    columns_preview: "The file's first rows",
    column_number: |n| format!("Column {n}"),
    field_number: "Invoice number",
    field_client: "Client",
    field_issue_date: "Issue date",
    field_due_date: "Due date",
    field_net: "Amount excluding VAT",
    field_vat: "VAT",
    field_total: "Total including VAT",
    field_paid: "Amount paid",
    field_payment_date: "Payment date",
    field_method: "Payment method",
    field_siren: "Client's SIREN or SIRET",
    field_iban: "Client's IBAN",
    field_terms: "Payment terms (if no due date)",
    no_column: "— none —",
    date_order: "Date order",
    day_first: "Day first (31/12/2026)",
    month_first: "Month first (12/31/2026)",
    see_plan: "See what the import will do",

    plan_title: |file| format!("What importing “{file}” will do"),
    plan_fec: "Accounting entries file (FEC): invoices are the client accounts' (411) debits in sales journals, payments their credits in bank journals.",
    plan_csv: "CSV of invoices, read with the columns chosen.",
    invoices: |n, total| format!("{n} invoice{} for {total}", s(n)),
    clients: |new, known| match (new, known) {
        (0, known) => format!("{known} client{} already known", s(known)),
        (new, 0) => format!("{new} new client{}", s(new)),
        (new, known) => format!("{new} new client{}, {known} already known", s(new)),
    },
    credit_notes: |n, total| format!("{n} credit note{} for {total}", s(n)),
    payments: |n, total, allocated| format!("{n} payment{} for {total}, of which {allocated} settles the imported invoices (the rest is the clients' credit)", s(n)),
    already_known: |invoices, notes, payments| {
        let parts: Vec<String> = [(invoices, "invoice"), (notes, "credit note"), (payments, "payment")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}{}", s(n)))
            .collect();
        format!("Already in Encaisse, skipped: {}", parts.join(", "))
    },
    nothing_new: "Nothing new: everything this file holds is already in Encaisse.",
    nothing_importable: "No line of this file can be imported.",
    refused_title: |n| format!("{n} line{} left out", s(n)),
    refused_line: |line, t| match &line.column {
        Some(column) => format!("Line {}, column “{column}”: {}", line.line, refusal(&line.refusal, t)),
        None => format!("Line {}: {}", line.line, refusal(&line.refusal, t)),
    },
    refused_left_out: "The rest is imported without them: correct the file and import it again; what is already imported will not be doubled.",
    details_summary: "See the new clients and the new invoices",
    new_clients_caption: "New clients",
    new_invoices_caption: "New invoices",
    col_name: "Name",
    col_siren: "SIREN / SIRET",
    col_number: "Number",
    col_client: "Client",
    col_issue_date: "Date",
    col_due_date: "Due",
    col_total: "Total",
    import: "Import",
    imported: |record| format!("Imported: {}.", counts(record)),
    undo_import: "Undo the import",
    undone: |record| format!("Import of “{}” undone: what it created ({}) is removed.", record.file_name, counts(record)),

    history_title: "Past imports",
    history_empty: "No import yet.",
    history_hint: "An import can be undone as long as nothing was done since on what it created (a payment recorded, a reminder, a reconciliation…).",
    record_counts: counts,
    undo_this: "Undo this import",
    undo_this_which: |file, day| format!(" (“{file}”, {day})"),
    undo_confirm: |record, day| format!("Undo the import of “{}” of {day}? What it created ({}) will be removed.", record.file_name, counts(record)),
};
