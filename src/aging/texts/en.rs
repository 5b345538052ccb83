use super::AgingTexts;

pub static TEXTS: AgingTexts = AgingTexts {
    total: "Total",
    all_clients: "All clients",
    col_number: "No.",
    col_client: "Client",
    col_issued: "Issued",
    col_due: "Due",
    col_remaining: "Outstanding",
    col_status: "Status",

    aging_title: "Aged receivables",
    as_of: "As of",
    col_unapplied: "Unapplied credits",
    col_claimable: "Claimable penalties",
    col_days_past_due: "Days past due",
    col_registration: "SIREN / SIRET",
    aging_nothing: "Nothing is owed at this date.",
    export_clients_csv: "Export by client (CSV)",
    export_invoices_csv: "Export invoice detail (CSV)",
    drill_title: |who, bucket| format!("Invoices: {who}, {bucket}"),
    drill_hint: "Click an amount to see the invoices that make it up.",
};
