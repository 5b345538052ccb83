use super::ImportTexts;
use crate::i18n::Texts;
use encaisse_domain::files::import::{ImportFileProblem, Refusal};
use encaisse_domain::model::imports::ImportRecord;
use encaisse_domain::values::format::format_eur;
use encaisse_domain::values::format::{format_megabytes, Locale};
use encaisse_domain::values::read::encoding::EncodingProblem;

fn s(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// What an import created: `2 clients, 12 factures, 1 avoir, 4 paiements`.
fn counts(record: &ImportRecord) -> String {
    let parts: Vec<String> = [
        (record.clients.len(), "client"),
        (record.invoices.len(), "facture"),
        (record.credit_notes.len(), "avoir"),
        (record.payments.len(), "paiement"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}{}", s(n)))
    .collect();
    if parts.is_empty() {
        "rien".into()
    } else {
        parts.join(", ")
    }
}

fn refusal(refusal: &Refusal, t: &'static Texts) -> String {
    let eur = |amount| format_eur(amount, t.locale);
    match refusal {
        Refusal::UnreadableDate { text } => format!("date illisible « {text} »"),
        Refusal::UnreadableAmount { text } => format!("montant illisible « {text} »"),
        Refusal::UnreadableTerms { text } => format!("conditions de paiement illisibles « {text} » (par exemple « 30 jours », « 45 jours fin de mois », « à réception »)"),
        Refusal::UnreadableDirection { text } => format!("sens illisible « {text} » (D ou C attendu)"),
        Refusal::Invalid(problem) => (t.problem)(problem, t.locale),
        Refusal::NumberTakenWithOtherTotal { number, existing, imported } => format!(
            "la facture {number} existe déjà pour {}, le fichier la donne pour {} : elle n'est ni doublée ni remplacée",
            eur(*existing),
            eur(*imported)
        ),
        Refusal::NumberTwiceInFile { number, first_line } => format!("le numéro {number} figure déjà ligne {first_line} avec un autre montant"),
        Refusal::AmountsDisagree { net, vat, total } => format!("HT {} + TVA {} ne font pas le TTC {}", eur(*net), eur(*vat), eur(*total)),
        Refusal::PaymentWithoutDate => "montant payé sans date de paiement : la facture est importée, pas le paiement".into(),
        Refusal::PaymentOnExistingInvoice { number } => format!("paiement de la facture {number}, déjà dans Encaisse : saisissez-le à la main s'il y manque"),
        Refusal::CreditNoteWithoutInvoice => "avoir qu'aucune facture de son lettrage ne peut recevoir".into(),
        Refusal::DebitOutsideSales { journal } => format!("débit d'un compte client hors ventes (journal {journal}) : remboursement ou rejet, à saisir à la main"),
        Refusal::OtherJournal { journal } => format!("écriture d'un compte client en opérations diverses (journal {journal}) : à saisir à la main"),
    }
}

pub static TEXTS: ImportTexts = ImportTexts {
    title: "Importer des factures, des clients et des paiements",
    intro: "Reprenez ce qu'un autre logiciel connaît déjà : le FEC de votre comptabilité, ou l'export CSV des factures de votre logiciel de facturation. Vous voyez ce que l'import fera avant de confirmer, et chaque import peut être annulé. Le fichier est lu dans votre navigateur et n'en sort pas.",
    cancel: "Annuler",
    back_to_bank: "Rapprochement bancaire",

    file_title: "Choisir le fichier",
    drop_here: "Déposez ici le fichier, ou",
    choose_file: "Choisir un fichier…",
    formats_read: "FEC (fichier des écritures comptables, séparé par tabulations ou |) ou CSV de factures (Dolibarr, Henrri, Tiime, Facture.net, tableur…).",
    file_too_large: |bytes, max| format!("le fichier fait {} Mo, au-delà des {} Mo lus", format_megabytes(bytes, Locale::Fr), max / 1_048_576),
    file_unreadable: |name| format!("le navigateur n'a pas pu le lire ({name})"),
    encoding_problem: |p| match p {
        EncodingProblem::Empty => "le fichier est vide".into(),
        EncodingProblem::TooLarge { bytes, max } => format!("le fichier fait {} Mo, au-delà des {} Mo lus", format_megabytes(*bytes as u64, Locale::Fr), max / 1_048_576),
        EncodingProblem::Binary => "ce n'est pas un fichier texte (image, PDF, classeur ?) : exportez un FEC ou un CSV".into(),
    },
    not_a_table: "ce n'est ni un FEC ni un tableau CSV (aucune colonne séparée par ; , tabulation ou |)",
    file_problem: |p| match p {
        ImportFileProblem::NoHeader => "aucune ligne d'en-tête : le fichier est vide ou n'a pas de colonnes séparées".into(),
        ImportFileProblem::MissingColumns { line, missing } => format!("l'en-tête du FEC (ligne {line}) n'a pas les colonnes {}", missing.join(", ")),
        ImportFileProblem::ColumnOutOfRange { column, columns } => format!("la colonne {} n'existe pas : le fichier en a {columns}", column + 1),
        ImportFileProblem::NoAmountColumn => "indiquez la colonne du montant HT ou celle du total TTC".into(),
    },
    file_refused: |file, why| format!("« {file} » n'est pas importé : {why}. Rien n'a été enregistré."),

    columns_title: |file| format!("Les colonnes de « {file} »"),
    columns_intro: "Indiquez ce que contient chaque colonne. Les choix proposés viennent des noms de l'en-tête : vérifiez-les sur les premières lignes ci-dessous.",
    columns_preview: "Les premières lignes du fichier",
    column_number: |n| format!("Colonne {n}"),
    field_number: "Numéro de facture",
    field_client: "Client",
    field_issue_date: "Date d'émission",
    field_due_date: "Date d'échéance",
    field_net: "Montant HT",
    field_vat: "TVA",
    field_total: "Total TTC",
    field_paid: "Montant payé",
    field_payment_date: "Date de paiement",
    field_method: "Mode de paiement",
    field_siren: "SIREN ou SIRET du client",
    field_iban: "IBAN du client",
    field_terms: "Conditions de paiement (si pas d'échéance)",
    no_column: "— aucune —",
    date_order: "Ordre des dates",
    day_first: "Jour en premier (31/12/2026)",
    month_first: "Mois en premier (12/31/2026)",
    see_plan: "Voir ce que l'import fera",

    plan_title: |file| format!("Ce que l'import de « {file} » fera"),
    plan_fec: "Fichier des écritures comptables (FEC) : les factures sont les débits des comptes clients (411) aux journaux de ventes, les paiements leurs crédits aux journaux de banque.",
    plan_csv: "CSV de factures, lu avec les colonnes indiquées.",
    invoices: |n, total| format!("{n} facture{} pour {total}", s(n)),
    clients: |new, known| match (new, known) {
        (0, known) => format!("{known} client{} déjà connu{}", s(known), s(known)),
        (new, 0) => format!("{new} nouveau{} client{}", if new > 1 { "x" } else { "" }, s(new)),
        (new, known) => format!("{new} nouveau{} client{}, {known} déjà connu{}", if new > 1 { "x" } else { "" }, s(new), s(known)),
    },
    credit_notes: |n, total| format!("{n} avoir{} pour {total}", s(n)),
    payments: |n, total, allocated| format!("{n} paiement{} pour {total}, dont {allocated} affectés aux factures importées (le reste en crédit des clients)", s(n)),
    already_known: |invoices, notes, payments| {
        let parts: Vec<String> = [(invoices, "facture"), (notes, "avoir"), (payments, "paiement")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}{}", s(n)))
            .collect();
        format!("Déjà dans Encaisse, ignorés : {}", parts.join(", "))
    },
    nothing_new: "Rien de nouveau : tout ce que ce fichier contient est déjà dans Encaisse.",
    nothing_importable: "Aucune ligne de ce fichier ne peut être importée.",
    refused_title: |n| format!("{n} ligne{} laissée{} de côté", s(n), s(n)),
    refused_line: |line, t| match &line.column {
        Some(column) => format!("Ligne {}, colonne « {column} » : {}", line.line, refusal(&line.refusal, t)),
        None => format!("Ligne {} : {}", line.line, refusal(&line.refusal, t)),
    },
    refused_left_out: "Le reste est importé sans elles : corrigez le fichier et importez-le de nouveau, ce qui est déjà importé ne sera pas doublé.",
    details_summary: "Voir les nouveaux clients et les nouvelles factures",
    new_clients_caption: "Nouveaux clients",
    new_invoices_caption: "Nouvelles factures",
    col_name: "Nom",
    col_siren: "SIREN / SIRET",
    col_number: "Numéro",
    col_client: "Client",
    col_issue_date: "Date",
    col_due_date: "Échéance",
    col_total: "Total TTC",
    import: "Importer",
    imported: |record| format!("Importé : {}.", counts(record)),
    undo_import: "Annuler l'import",
    undone: |record| format!("Import de « {} » annulé : ce qu'il avait créé ({}) est retiré.", record.file_name, counts(record)),

    history_title: "Imports passés",
    history_empty: "Aucun import pour l'instant.",
    history_hint: "Un import s'annule tant que rien n'a été fait depuis sur ce qu'il a créé (paiement saisi, relance, rapprochement…).",
    record_counts: counts,
    undo_this: "Annuler cet import",
    undo_this_which: |file, day| format!(" (« {file} », {day})"),
    undo_confirm: |record, day| format!("Annuler l'import de « {} » du {day} ? Ce qu'il a créé ({}) sera retiré.", record.file_name, counts(record)),
};
