use super::{encoding_name, line_list, skipped_groups, BankTexts};
use encaisse_domain::bank::matching::{AsideReason, Confidence};
use encaisse_domain::bank::read::csv::mapping::{MappedColumn, MappingProblem};
use encaisse_domain::bank::statement::{FileProblem, LineProblem, Skipped};
use encaisse_domain::values::format::{format_megabytes, Locale};

fn s(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

fn lines(n: usize) -> String {
    format!("{n} ligne{}", s(n))
}

fn more(n: usize) -> String {
    format!(" et {n} autre{}", s(n))
}

pub static TEXTS: BankTexts = BankTexts {
    title: "Rapprochement bancaire",
    intro: "Importez le relevé de votre banque : chaque virement reçu est rapproché de la facture qu'il paie, et les relances cessent pour les clients qui ont payé. Le fichier est lu dans votre navigateur et n'en sort pas.",
    import_link: "Importer des factures, des clients et des paiements (FEC, export d'un logiciel de facturation)",
    undo: "Annuler",
    undone: |n| if n > 1 { format!("Annulé : {n} lignes sont de nouveau à rapprocher.") } else { "Annulé : la ligne est de nouveau à rapprocher.".into() },
    cancel: "Annuler",
    confirm: "Confirmer",

    import_title: "Importer un relevé",
    drop_here: "Déposez ici le fichier de votre banque, ou",
    choose_file: "Choisir un fichier…",
    no_statement_at_hand: "Pas de relevé sous la main ?",
    try_demo_statement: "Essayer avec un relevé de démonstration",
    demo_file_name: "releve-demonstration.csv",
    formats_read: "CSV de toutes les grandes banques françaises, de Qonto et de Shine (ou de toute banque, en indiquant les colonnes une fois), OFX, QIF, camt.053 et camt.054.",
    file_too_large: |bytes, max| format!("le fichier fait {} Mo, au-delà des {} Mo lus", format_megabytes(bytes, Locale::Fr), max / 1_048_576),
    file_unreadable: |name| format!("le navigateur n'a pas pu le lire ({name})"),
    file_problem: |p| match p {
        FileProblem::Empty => "le fichier est vide".into(),
        FileProblem::TooLarge { bytes, max } => format!("le fichier fait {} Mo, au-delà des {} Mo lus", format_megabytes(*bytes as u64, Locale::Fr), max / 1_048_576),
        FileProblem::Binary => "ce n'est pas un fichier texte (image, PDF, classeur ?) : exportez le relevé en CSV, OFX, QIF ou camt.053 depuis votre banque".into(),
        FileProblem::NotAStatement => "ce n'est pas un relevé reconnu (CSV, OFX, QIF, camt.053 ou camt.054)".into(),
        FileProblem::UnknownNamespace(ns) => format!("relevé XML d'une version non lue ({ns}) : camt.053 et camt.054 sont lus des versions 001.02 à 001.08"),
        FileProblem::Malformed { line, detail } => format!("fichier abîmé à la ligne {line} ({detail})"),
        FileProblem::CsvColumnsUnknown { .. } => "colonnes non reconnues".into(),
        FileProblem::NoLines => "le fichier ne contient aucune opération".into(),
    },
    file_refused: |file, why| format!("« {file} » n'est pas importé : {why}. Rien n'a été enregistré."),
    csv_mapped: "CSV (colonnes indiquées)",
    read_title: |file| format!("« {file} » : à vérifier avant l'import"),
    read_format: |format, encoding| format!("Format {format}, texte {}.", encoding_name(encoding)),
    lines_read: "Lignes",
    line_count: lines,
    total_credits: "Crédits",
    total_debits: "Débits",
    period: "Période",
    from_to: |from, to| format!("du {from} au {to}"),
    skipped_lines: |skipped| {
        let parts: Vec<String> = skipped_groups(skipped)
            .into_iter()
            .map(|(why, at)| {
                let n = at.len();
                let what = match why {
                    Skipped::NotBooked => format!("{n} opération{} non encore comptabilisée{}", s(n), s(n)),
                    Skipped::CardAccount => format!("{n} opération{} d'un compte de carte", s(n)),
                    Skipped::OtherCurrency(ccy) => format!("{n} opération{} en {ccy}", s(n)),
                };
                format!("{what} (ligne{} {})", s(n), line_list(&at, more))
            })
            .collect();
        format!("Laissées de côté, non importées : {}.", parts.join(" ; "))
    },
    unreadable_count: |n| if n > 1 { format!("{n} lignes n'ont pas pu être lues et ne seront pas importées :") } else { "Une ligne n'a pas pu être lue et ne sera pas importée :".into() },
    unreadable_line: |line, p| {
        let why = match p {
            LineProblem::Date(text) => format!("date illisible « {text} »"),
            LineProblem::Amount(text) => format!("montant illisible « {text} »"),
            LineProblem::MissingColumns { expected, found } => format!("{found} colonne{} au lieu de {expected}", s(*found)),
            LineProblem::NoAmount => "ni débit ni crédit, ou les deux".into(),
            LineProblem::Malformed(part) => format!("élément {part} manquant ou abîmé"),
        };
        format!("ligne {line} : {why}")
    },
    file_account: |identifier, label, n| {
        let name = match (identifier.is_empty(), label.is_empty()) {
            (true, true) => "Compte".to_string(),
            (false, true) => format!("Compte {identifier}"),
            (true, false) => label.to_string(),
            (false, false) => format!("{label} ({identifier})"),
        };
        format!("{name} : {}", lines(n))
    },
    file_balances: |opening, closing| {
        let mut parts = Vec::new();
        if let Some((date, amount)) = opening {
            parts.push(format!("solde d'ouverture {amount} au {date}"));
        }
        if let Some((date, amount)) = closing {
            parts.push(format!("solde de clôture {amount} au {date}"));
        }
        format!("Le relevé indique : {}.", parts.join(", "))
    },
    import_into: "Importer dans le compte",
    new_account: "Nouveau compte…",
    new_account_name: "Nom du nouveau compte",
    default_account_name: "Compte courant",
    part_outcome: |added, known| match (added, known) {
        (0, _) => format!("Rien de nouveau : {} déjà connue{}.", lines(known), s(known)),
        (_, 0) => format!("{} à ajouter.", lines(added)),
        _ => format!("{} à ajouter, {} déjà connue{} (non ajoutée{}).", lines(added), lines(known), s(known), s(known)),
    },
    look_alike: |at| format!("À vérifier : même date et même montant qu'une ligne déjà connue (ligne{} {}).", s(at.len()), line_list(at, more)),
    import_lines: |n| if n == 0 { "Importer".into() } else { format!("Importer {}", lines(n)) },
    nothing_new: "Toutes les lignes de ce fichier sont déjà importées : il n'y a rien à ajouter.",
    imported: |added, known| if known == 0 { format!("{} importée{}.", lines(added), s(added)) } else { format!("{} importée{} ; {} déjà connue{}, non ajoutée{}.", lines(added), s(added), lines(known), s(known), s(known)) },

    csv_not_readable: "Ce fichier ne se découpe pas en colonnes : exportez-le en CSV depuis votre banque.",
    mapping_title: "Indiquez les colonnes de ce relevé",
    mapping_intro: "Cette présentation n'est pas encore connue d'Encaisse. Dites une fois où sont la date, le montant et le libellé : les prochains relevés de cette banque seront lus d'eux-mêmes.",
    mapping_preview: "Premières lignes du fichier",
    mapping_problem: |p| {
        let role = |c: &MappedColumn| match c {
            MappedColumn::Date => "la date",
            MappedColumn::ValueDate => "la date de valeur",
            MappedColumn::Amount => "le montant",
            MappedColumn::Debit => "le débit",
            MappedColumn::Credit => "le crédit",
            MappedColumn::Label => "le libellé",
            MappedColumn::Details => "le détail",
            MappedColumn::Reference => "la référence",
        };
        match p {
            MappingProblem::Separator(c) => format!("Séparateur « {c} » non lu."),
            MappingProblem::OutOfRange { column, index, columns } => format!("La colonne {} choisie pour {} n'existe pas : le fichier en a {columns}.", index + 1, role(column)),
            MappingProblem::DebitIsCredit { index } => format!("Le débit et le crédit sont la même colonne ({}) : choisissez-en deux.", index + 1),
            MappingProblem::SameColumn { index, first, second } => format!("La colonne {} est choisie pour {} et pour {}.", index + 1, role(first), role(second)),
        }
    },
    column_number: |n| format!("Colonne {n}"),
    has_header: "La première ligne donne le nom des colonnes",
    column_date: "Date",
    date_order: "Les dates s'écrivent",
    amount_layout: "Montants",
    amount_signed: "Une colonne, négative pour un débit",
    amount_split: "Deux colonnes, débit et crédit",
    column_amount: "Montant",
    column_debit: "Débit",
    column_credit: "Crédit",
    column_label: "Libellé",
    column_value_date: "Date de valeur (facultatif)",
    column_details: "Détail (facultatif)",
    column_reference: "Référence (facultatif)",
    no_column: "— aucune —",
    read_with_mapping: "Lire le relevé",

    to_reconcile_title: |n| format!("À rapprocher ({n})"),
    confirm_all: |n| if n > 1 { format!("Confirmer les {n} rapprochements très sûrs") } else { "Confirmer le rapprochement très sûr".into() },
    confirm_all_hint: "Seuls les cas sans ambiguïté : numéro de facture trouvé et montant exact.",
    confirmed_many: |n| format!("{n} paiement{} enregistré{} et rapproché{}.", s(n), s(n), s(n)),
    confirmed_one: |what| format!("Rapproché : {what}."),
    auto_aside: |counts| {
        let parts: Vec<String> = counts
            .iter()
            .map(|(why, n)| {
                let n = *n;
                match why {
                    AsideReason::Debit => format!("{n} débit{}", s(n)),
                    AsideReason::Card => format!("{n} opération{} par carte", s(n)),
                    AsideReason::BankFee => format!("{n} frais bancaire{}", s(n)),
                    AsideReason::Interest => format!("{n} ligne{} d'intérêts", s(n)),
                    AsideReason::Reversal => format!("{n} annulation{} de la banque", s(n)),
                    AsideReason::AlreadyReconciled => format!("{n} déjà rapprochée{}", s(n)),
                }
            })
            .collect();
        format!("Non proposés, car ce ne sont pas des paiements de clients : {}.", parts.join(", "))
    },
    all_reconciled: "Tous les crédits importés sont rapprochés ou écartés.",
    no_candidate: "Aucune facture ouverte ne correspond : cherchez-la, ou indiquez que ce n'est pas un paiement client.",
    ambiguous: "Plusieurs factures conviennent autant l'une que l'autre : choisissez celle que ce virement paie.",
    suggestions: "Suggestions",
    confidence: |c| match c {
        Confidence::VerySure => "Très sûr",
        Confidence::High => "Probable",
        Confidence::Medium => "Possible",
        Confidence::Weak => "À vérifier",
    },
    other_invoice: "Autre facture…",
    not_a_payment: "Pas un paiement client…",
    search_invoice: "Chercher une facture (numéro, client ou montant)",
    search_placeholder: "FA-2026-012, Durand, 1 200",
    pick_an_invoice: "Cochez la ou les factures que ce virement paie.",
    one_client_only: "Un virement paie les factures d'un seul client.",
    invoice_choice: |number, client, open, due| format!("{number} — {client} — reste {open}, échéance {due}"),
    new_payment: |client, settled, credit| {
        let invoices: Vec<String> = settled.iter().map(|(n, a)| format!("{n} ({a})")).collect();
        let mut text = format!("paiement de {client}");
        if !invoices.is_empty() {
            text.push_str(&format!(" pour {}", invoices.join(", ")));
        }
        if let Some(credit) = credit {
            text.push_str(&format!(", {credit} laissés en avoir du client"));
        }
        text
    },
    existing_payment: |client, date, amount| format!("paiement déjà saisi de {client} du {date} ({amount})"),
    reason_number: |number, written| if number == written { format!("numéro {number} dans le libellé") } else { format!("numéro {number} écrit « {written} »") },
    reason_amount_open: |number| format!("montant égal au reste dû de {number}"),
    reason_amount_sum: |n| format!("montant égal au total des {n} factures"),
    reason_partial: |number, open| format!("paiement partiel : {number} reste due pour {open}"),
    reason_overpayment: |excess| format!("{excess} de plus que le dû"),
    reason_iban: |client| format!("IBAN du payeur : celui de {client}"),
    reason_name: |client, written| format!("payeur « {written} » : {client}"),
    reason_oldest: |n| if n == 1 { "montant égal à la plus ancienne facture ouverte du client".into() } else { format!("montant égal aux {n} plus anciennes factures ouvertes du client") },
    reason_due_soon: |number| format!("montant d'une facture venue à échéance ces jours-ci ({number}), sans autre indice"),
    reason_typed: |date| format!("un paiement de ce montant a été saisi le {date} sans ligne de banque"),
    aside_reason: "Ce n'est pas un paiement client, parce que",
    aside_examples: &["Virement entre mes comptes", "Remboursement d'un fournisseur", "Apport personnel", "Subvention", "Remboursement d'un trop-perçu"],
    set_aside: "Écarter cette ligne",
    set_aside_done: |why| format!("Ligne écartée : {why}."),

    pointage_title: "Pointage",
    no_account_yet: "Aucun compte encore : importez un relevé pour pointer ses lignes.",
    account: "Compte",
    period_from: "Du",
    period_to: "Au",
    period_invalid: "Période invalide : indiquez deux dates.",
    reconciled: "Rapprochées",
    open_credits: "Crédits à rapprocher",
    open_debits: "Lignes de débit",
    set_aside_count: "Écartées",
    opening_balance: "Solde d'ouverture",
    closing_balance: "Solde de clôture",
    balance_on: |amount, date| format!("{amount} au {date}"),
    balances_agree: "Le relevé est complet : solde d'ouverture et mouvements donnent le solde de clôture.",
    balances_gap: |gap| format!("Écart de {gap} entre les soldes du relevé et ses mouvements : des lignes manquent (un relevé non importé ?)."),
    unbacked_title: |n| format!("Paiements saisis sans ligne de banque ({n})"),
    unbacked_none: "Chaque paiement enregistré sur la période correspond à une ligne de banque.",
    unbacked_hint: "Un chèque pas encore encaissé, un paiement saisi avec un mauvais montant ou une mauvaise date : à vérifier.",
    client: "Client",
    reference: "Référence",
    possible_line: "Ligne possible",
    candidate_line: |date, amount, label| format!("{date}, {amount}, {label}"),
    link: "Lier",
    linked: "Paiement lié à sa ligne de banque.",

    decided_title: "Lignes traitées",
    reconciled_title: |n| format!("Rapprochées ({n})"),
    aside_title: |n| format!("Écartées ({n})"),
    payment_created: "Paiement enregistré par le rapprochement :",
    payment_linked: "Liée au paiement saisi de",
    aside_because: |why| format!("Écartée : {why}"),
    reopen: "Rouvrir",
};
