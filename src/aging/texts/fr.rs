use super::AgingTexts;

pub static TEXTS: AgingTexts = AgingTexts {
    total: "Total",
    all_clients: "Tous les clients",
    col_number: "N°",
    col_client: "Client",
    col_issued: "Émise le",
    col_due: "Échéance",
    col_remaining: "Reste dû",
    col_status: "Statut",

    aging_title: "Balance âgée",
    as_of: "Au",
    col_unapplied: "Crédits non affectés",
    col_claimable: "Pénalités exigibles",
    col_days_past_due: "Jours de retard",
    col_registration: "SIREN / SIRET",
    aging_nothing: "Rien n'est dû à cette date.",
    export_clients_csv: "Exporter par client (CSV)",
    export_invoices_csv: "Exporter le détail des factures (CSV)",
    drill_title: |who, bucket| format!("Factures : {who}, {bucket}"),
    drill_hint: "Cliquez sur un montant pour voir les factures qui le composent.",
};
