use super::{encoding_name, line_list, skipped_groups, BankTexts};
use encaisse_domain::bank::matching::{AsideReason, Confidence};
use encaisse_domain::bank::read::csv::mapping::{MappedColumn, MappingProblem};
use encaisse_domain::bank::statement::{FileProblem, LineProblem, Skipped};
use encaisse_domain::values::format::{format_megabytes, Locale};

fn s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn lines(n: usize) -> String {
    format!("{n} line{}", s(n))
}

fn more(n: usize) -> String {
    format!(" and {n} more")
}

pub static TEXTS: BankTexts = BankTexts {
    title: "Bank reconciliation",
    intro: "Import your bank statement: each transfer received is matched with the invoice it pays, and reminders stop for clients who have paid. The file is read in your browser and never leaves it.",
    import_link: "Import invoices, clients and payments (FEC, export of an invoicing program)",
    undo: "Undo",
    undone: |n| if n == 1 { "Undone: the line is to reconcile again.".into() } else { format!("Undone: {n} lines are to reconcile again.") },
    cancel: "Cancel",
    confirm: "Confirm",

    import_title: "Import a statement",
    drop_here: "Drop your bank's file here, or",
    choose_file: "Choose a file…",
    no_statement_at_hand: "No statement at hand?",
    try_demo_statement: "Try a demo statement",
    demo_file_name: "demo-statement.csv",
    formats_read: "CSV from every major French bank, Qonto and Shine (or any bank, once you name the columns), OFX, QIF, camt.053 and camt.054.",
    file_too_large: |bytes, max| format!("the file is {} MB, over the {} MB read", format_megabytes(bytes, Locale::En), max / 1_048_576),
    file_unreadable: |name| format!("the browser could not read it ({name})"),
    file_problem: |p| match p {
        FileProblem::Empty => "the file is empty".into(),
        FileProblem::TooLarge { bytes, max } => format!("the file is {} MB, over the {} MB read", format_megabytes(*bytes as u64, Locale::En), max / 1_048_576),
        FileProblem::Binary => "it is not a text file (an image, a PDF, a workbook?): export the statement as CSV, OFX, QIF or camt.053 from your bank".into(),
        FileProblem::NotAStatement => "it is not a statement format Encaisse reads (CSV, OFX, QIF, camt.053 or camt.054)".into(),
        FileProblem::UnknownNamespace(ns) => format!("an XML statement of a version not read ({ns}): camt.053 and camt.054 are read from version 001.02 to 001.08"),
        FileProblem::Malformed { line, detail } => format!("the file is broken at line {line} ({detail})"),
        FileProblem::CsvColumnsUnknown { .. } => "columns not recognised".into(),
        FileProblem::NoLines => "the file holds no transaction".into(),
    },
    file_refused: |file, why| format!("“{file}” was not imported: {why}. Nothing was saved."),
    csv_mapped: "CSV (columns named)",
    read_title: |file| format!("“{file}”: check before importing"),
    read_format: |format, encoding| format!("{format} format, {} text.", encoding_name(encoding)),
    lines_read: "Lines",
    line_count: lines,
    total_credits: "Credits",
    total_debits: "Debits",
    period: "Period",
    from_to: |from, to| format!("{from} to {to}"),
    skipped_lines: |skipped| {
        let parts: Vec<String> = skipped_groups(skipped)
            .into_iter()
            .map(|(why, at)| {
                let n = at.len();
                let what = match why {
                    Skipped::NotBooked => format!("{n} transaction{} not booked yet", s(n)),
                    Skipped::CardAccount => format!("{n} transaction{} of a card account", s(n)),
                    Skipped::OtherCurrency(ccy) => format!("{n} transaction{} in {ccy}", s(n)),
                };
                format!("{what} (line{} {})", s(n), line_list(&at, more))
            })
            .collect();
        format!("Left out, not imported: {}.", parts.join("; "))
    },
    unreadable_count: |n| if n == 1 { "One line could not be read and will not be imported:".into() } else { format!("{n} lines could not be read and will not be imported:") },
    unreadable_line: |line, p| {
        let why = match p {
            LineProblem::Date(text) => format!("unreadable date “{text}”"),
            LineProblem::Amount(text) => format!("unreadable amount “{text}”"),
            LineProblem::MissingColumns { expected, found } => format!("{found} column{} instead of {expected}", s(*found)),
            LineProblem::NoAmount => "neither a debit nor a credit, or both".into(),
            LineProblem::Malformed(part) => format!("{part} missing or broken"),
        };
        format!("line {line}: {why}")
    },
    file_account: |identifier, label, n| {
        let name = match (identifier.is_empty(), label.is_empty()) {
            (true, true) => "Account".to_string(),
            (false, true) => format!("Account {identifier}"),
            (true, false) => label.to_string(),
            (false, false) => format!("{label} ({identifier})"),
        };
        format!("{name}: {}", lines(n))
    },
    file_balances: |opening, closing| {
        let mut parts = Vec::new();
        if let Some((date, amount)) = opening {
            parts.push(format!("opening balance {amount} on {date}"));
        }
        if let Some((date, amount)) = closing {
            parts.push(format!("closing balance {amount} on {date}"));
        }
        format!("The statement gives: {}.", parts.join(", "))
    },
    import_into: "Import into account",
    new_account: "New account…",
    new_account_name: "New account's name",
    default_account_name: "Current account",
    part_outcome: |added, known| match (added, known) {
        (0, _) => format!("Nothing new: {} already known.", lines(known)),
        (_, 0) => format!("{} to add.", lines(added)),
        _ => format!("{} to add, {} already known (not added).", lines(added), lines(known)),
    },
    look_alike: |at| format!("To check: same date and amount as a line already known (line{} {}).", s(at.len()), line_list(at, more)),
    import_lines: |n| if n == 0 { "Import".into() } else { format!("Import {}", lines(n)) },
    nothing_new: "Every line of this file is already imported: there is nothing to add.",
    imported: |added, known| if known == 0 { format!("{} imported.", lines(added)) } else { format!("{} imported; {} already known, not added.", lines(added), lines(known)) },

    csv_not_readable: "This file does not split into columns: export it as CSV from your bank.",
    mapping_title: "Name the columns of this statement",
    mapping_intro: "Encaisse does not know this layout yet. Say once where the date, the amount and the label are: this bank's next statements will be read on their own.",
    mapping_preview: "First lines of the file",
    mapping_problem: |p| {
        let role = |c: &MappedColumn| match c {
            MappedColumn::Date => "the date",
            MappedColumn::ValueDate => "the value date",
            MappedColumn::Amount => "the amount",
            MappedColumn::Debit => "the debit",
            MappedColumn::Credit => "the credit",
            MappedColumn::Label => "the label",
            MappedColumn::Details => "the details",
            MappedColumn::Reference => "the reference",
        };
        match p {
            MappingProblem::Separator(c) => format!("Separator “{c}” is not read."),
            MappingProblem::OutOfRange { column, index, columns } => format!("Column {} chosen for {} does not exist: the file has {columns}.", index + 1, role(column)),
            MappingProblem::DebitIsCredit { index } => format!("Debit and credit are the same column ({}): choose two.", index + 1),
            MappingProblem::SameColumn { index, first, second } => format!("Column {} is chosen for {} and for {}.", index + 1, role(first), role(second)),
        }
    },
    column_number: |n| format!("Column {n}"),
    has_header: "The first line names the columns",
    column_date: "Date",
    date_order: "Dates are written",
    amount_layout: "Amounts",
    amount_signed: "One column, negative for a debit",
    amount_split: "Two columns, debit and credit",
    column_amount: "Amount",
    column_debit: "Debit",
    column_credit: "Credit",
    column_label: "Label",
    column_value_date: "Value date (optional)",
    column_details: "Details (optional)",
    column_reference: "Reference (optional)",
    no_column: "— none —",
    read_with_mapping: "Read the statement",

    to_reconcile_title: |n| format!("To reconcile ({n})"),
    confirm_all: |n| if n == 1 { "Confirm the very sure match".into() } else { format!("Confirm the {n} very sure matches") },
    confirm_all_hint: "Only the unambiguous ones: invoice number found and exact amount.",
    confirmed_many: |n| format!("{n} payment{} recorded and reconciled.", s(n)),
    confirmed_one: |what| format!("Reconciled: {what}."),
    auto_aside: |counts| {
        let parts: Vec<String> = counts
            .iter()
            .map(|(why, n)| {
                let n = *n;
                match why {
                    AsideReason::Debit => format!("{n} debit{}", s(n)),
                    AsideReason::Card => format!("{n} card transaction{}", s(n)),
                    AsideReason::BankFee => format!("{n} bank fee{}", s(n)),
                    AsideReason::Interest => format!("{n} interest line{}", s(n)),
                    AsideReason::Reversal => format!("{n} reversal{} by the bank", s(n)),
                    AsideReason::AlreadyReconciled => format!("{n} already reconciled"),
                }
            })
            .collect();
        format!("Not offered, as they are not client payments: {}.", parts.join(", "))
    },
    all_reconciled: "Every credit imported is reconciled or set aside.",
    no_candidate: "No open invoice fits: search for it, or say it is not a client's payment.",
    ambiguous: "Several invoices fit equally well: choose the one this transfer pays.",
    suggestions: "Suggestions",
    confidence: |c| match c {
        Confidence::VerySure => "Very sure",
        Confidence::High => "Likely",
        Confidence::Medium => "Possible",
        Confidence::Weak => "To check",
    },
    other_invoice: "Another invoice…",
    not_a_payment: "Not a client payment…",
    search_invoice: "Search an invoice (number, client or amount)",
    search_placeholder: "FA-2026-012, Durand, 1200",
    pick_an_invoice: "Tick the invoice or invoices this transfer pays.",
    one_client_only: "A transfer pays one client's invoices.",
    invoice_choice: |number, client, open, due| format!("{number} — {client} — {open} open, due {due}"),
    new_payment: |client, settled, credit| {
        let invoices: Vec<String> = settled.iter().map(|(n, a)| format!("{n} ({a})")).collect();
        let mut text = format!("payment from {client}");
        if !invoices.is_empty() {
            text.push_str(&format!(" for {}", invoices.join(", ")));
        }
        if let Some(credit) = credit {
            text.push_str(&format!(", {credit} left as the client's credit"));
        }
        text
    },
    existing_payment: |client, date, amount| format!("payment from {client} already recorded on {date} ({amount})"),
    reason_number: |number, written| if number == written { format!("number {number} in the label") } else { format!("number {number} written “{written}”") },
    reason_amount_open: |number| format!("amount equal to what is open on {number}"),
    reason_amount_sum: |n| format!("amount equal to the total of the {n} invoices"),
    reason_partial: |number, open| format!("partial payment: {open} open on {number}"),
    reason_overpayment: |excess| format!("{excess} more than what is owed"),
    reason_iban: |client| format!("payer's IBAN is {client}'s"),
    reason_name: |client, written| format!("payer “{written}”: {client}"),
    reason_oldest: |n| if n == 1 { "amount equal to the client's oldest open invoice".into() } else { format!("amount equal to the client's {n} oldest open invoices") },
    reason_due_soon: |number| format!("amount of an invoice due these days ({number}), nothing else to go on"),
    reason_typed: |date| format!("a payment of this amount was recorded on {date} with no bank line"),
    aside_reason: "This is not a client payment, because",
    aside_examples: &["Transfer between my accounts", "Refund from a supplier", "Personal contribution", "Grant", "Refund of an overpayment"],
    set_aside: "Set this line aside",
    set_aside_done: |why| format!("Line set aside: {why}."),

    pointage_title: "Pointage",
    no_account_yet: "No account yet: import a statement to check its lines.",
    account: "Account",
    period_from: "From",
    period_to: "To",
    period_invalid: "Invalid period: give two dates.",
    reconciled: "Reconciled",
    open_credits: "Credits to reconcile",
    open_debits: "Debit lines",
    set_aside_count: "Set aside",
    opening_balance: "Opening balance",
    closing_balance: "Closing balance",
    balance_on: |amount, date| format!("{amount} on {date}"),
    balances_agree: "The statement is complete: opening balance plus transactions give the closing balance.",
    balances_gap: |gap| format!("A gap of {gap} between the statement's balances and its transactions: lines are missing (a statement not imported?)."),
    unbacked_title: |n| format!("Payments recorded with no bank line ({n})"),
    unbacked_none: "Every payment recorded in the period matches a bank line.",
    unbacked_hint: "A cheque not cashed yet, a payment typed with a wrong amount or date: to check.",
    client: "Client",
    reference: "Reference",
    possible_line: "Possible line",
    candidate_line: |date, amount, label| format!("{date}, {amount}, {label}"),
    link: "Link",
    linked: "Payment linked to its bank line.",

    decided_title: "Lines dealt with",
    reconciled_title: |n| format!("Reconciled ({n})"),
    aside_title: |n| format!("Set aside ({n})"),
    payment_created: "Payment recorded by the reconciliation:",
    payment_linked: "Linked to the payment recorded for",
    aside_because: |why| format!("Set aside: {why}"),
    reopen: "Reopen",
};
