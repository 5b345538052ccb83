use super::OverviewTexts;
use crate::i18n::grammar::fr::plural;
use chrono::Datelike;
use encaisse_domain::analysis::prediction::DelayBasis;

pub static TEXTS: OverviewTexts = OverviewTexts {
    app_tagline: "Vos créances, vos relances, dans votre navigateur",
    total: "Total",

    welcome_title: "Bienvenue dans Encaisse",
    welcome_text: "Suivez vos factures et vos encaissements sans rien envoyer sur Internet : tout reste dans ce navigateur, même hors connexion.",
    welcome_add_client: "Ajouter un premier client",
    welcome_load_demo: "Essayer avec des données de démonstration",
    summary_title: "Situation au jour",
    summary_outstanding: "Encours clients",
    summary_overdue: "Dont échu",
    nothing_overdue: "Aucune facture en retard. Bravo !",
    col_overdue: "Échu",
    col_number: "N°",
    col_client: "Client",
    col_due: "Échéance",
    col_total: "Montant TTC",
    col_remaining: "Reste dû",
    col_days_past_due: "Jours de retard",

    kpi_no_figure: "—",
    kpi_days: |d| format!("{d}\u{a0}j"),
    kpi_change: |arrow, amount| format!("{arrow} {amount} en un mois"),
    kpi_open_invoices: |n| plural(n, "facture ouverte", "factures ouvertes"),
    kpi_overdue_note: |amount, count| format!("{amount} du montant, {count} des factures"),
    kpi_dso: "DSO (méthode comptable)",
    kpi_dso_note: |months, disputed, countback| format!(
        "Sur {months} mois, litiges {} · par épuisement : {countback}",
        if disputed { "inclus" } else { "exclus" }
    ),
    kpi_countback: "DSO par épuisement",
    kpi_best_dso: "Meilleur DSO possible",
    kpi_delinquent_note: |d| format!("Retard moyen (ADD) : {d}"),
    kpi_cei: "Efficacité du recouvrement (CEI)",
    kpi_cei_note: |months| format!("Sur {months} mois ; 100 % : tout l'exigible encaissé"),
    kpi_days_to_pay: "Délai moyen de paiement",
    kpi_days_to_pay_note: |weighted, n| format!("Pondéré par les montants : {weighted} · {}", plural(n, "facture payée", "factures payées")),
    kpi_days_late: "Retard moyen de paiement",
    kpi_days_late_note: |weighted, signed| format!("Pondéré : {weighted} · avances déduites : {signed}"),
    kpi_collected_month: "Encaissé ce mois-ci",
    kpi_collected_quarter: |amount| format!("Ce trimestre : {amount}"),
    month_short: |date| {
        const MONTHS: [&str; 12] = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
        format!("{} {}", MONTHS[date.month0() as usize], date.year() % 100)
    },
    cash_alert_text: |weeks, expected, threshold| format!(
        "Alerte trésorerie : {expected} d'encaissements attendus sur les {weeks} prochaines semaines, sous votre seuil de {threshold}."
    ),
    forecast_later: "Au-delà",
    forecast_overdue_unexpected: |amount| format!("Échu au-delà du retard habituel du client, hors prévision : {amount}"),
    forecast_disputed: |amount| format!("En litige : {amount}"),
    chart_data: "Voir les chiffres",
    chart_aging: "Balance âgée",
    chart_aging_desc: |total| format!("Encours de {total} réparti par ancienneté du retard."),
    chart_bucket: "Tranche",
    chart_dso: "DSO sur 24 mois",
    chart_dso_desc: |dso| format!("DSO comptable, par épuisement et meilleur possible, mois par mois ; aujourd'hui {dso}."),
    chart_collections: "Encaissements par mois",
    chart_collections_desc: |month| format!("Montants encaissés chaque mois sur 24 mois ; ce mois-ci {month}."),
    chart_month: "Mois",
    chart_forecast: "Encaissements attendus sur 13 semaines",
    chart_forecast_desc: |total| format!("Factures non échues par semaine de paiement attendue, selon l'historique de chaque client ; {total} en 13 semaines."),
    chart_week: "Semaine du",
    top_overdue_clients: "Clients les plus en retard",
    col_invoices: "Factures",
    col_oldest: "Plus ancien retard",
    cost_title: "Coût des retards de paiement",
    cost_financing: |overdue, rate, month, so_far| format!(
        "Financer les {overdue} échus à {rate} coûte {month} par mois ; {so_far} depuis leurs échéances."
    ),
    cost_chasing: |n, hours, cost| format!(
        "{} sur douze mois : {hours} h de relance{}.",
        plural(n, "facture payée en retard ou encore due", "factures payées en retard ou encore dues"),
        cost.map(|c| format!(", soit {c}")).unwrap_or_default()
    ),
    cost_settings_hint: "Taux de financement et temps de relance : paramètres",

    month_long: |date| {
        const MONTHS: [&str; 12] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
        format!("{} {}", MONTHS[date.month0() as usize], date.year())
    },
    collected_title: |month| format!("Encaissé en {month}"),
    collected_intro: |from, to| format!("Paiements reçus du {from} au {to}, répartis sur les factures qu'ils ont réglées ; la part non affectée reste au crédit du client."),
    col_last_payment: "Dernier paiement",
    col_received: "Reçu",
    unallocated_credit: "Non affecté (crédit du client)",
    nothing_collected: "Aucun paiement reçu sur cette période.",
    expected_title: |monday| format!("Encaissements attendus, semaine du {monday}"),
    expected_intro: "Factures dont le paiement est attendu cette semaine : l'échéance décalée du retard habituel de chaque client, selon son historique de paiement (y compris les factures échues encore dans ce retard).",
    col_expected: "Paiement attendu",
    col_basis: "D'après",
    delay_basis: |basis| match basis {
        DelayBasis::Client { paid } => format!("son historique ({})", plural(paid, "facture payée", "factures payées")),
        DelayBasis::Portfolio => "le délai moyen de vos clients".into(),
        DelayBasis::Terms => "l'échéance (aucun paiement connu)".into(),
    },
    week_not_in_forecast: "Cette semaine n'est pas dans la prévision des 13 semaines à venir.",
    nothing_expected: "Aucun encaissement attendu cette semaine.",
    beyond_usual_delay_title: "Échu au-delà du retard habituel",
    beyond_usual_delay_intro: "Factures échues dont le retard dépasse déjà celui que l'historique de leur client laissait attendre : aucune date sur laquelle compter, elles restent hors de la prévision par semaine.",
    nothing_beyond_usual_delay: "Aucune facture échue au-delà du retard habituel de son client.",
    back_to_dashboard: "Retour au tableau de bord",
    col_score: "Note",
    payers_title: "Bons et mauvais payeurs",
    payers_intro: |unscored| format!("Notes de 0 à 100 d'après l'historique de paiement de chaque client sur 24 mois ; {} sans historique suffisant.", plural(unscored, "client", "clients")),
    best_payers: "Meilleurs payeurs",
    worst_payers: "Moins bons payeurs",
    fallen_payers: "Notes en baisse sur 3 mois",
    fallen_intro: "Clients dont la note a perdu 10 points ou plus depuis trois mois.",
    nobody_fell: "Aucune note n'a baissé de 10 points ou plus.",
    col_score_before: "Il y a 3 mois",
    method_title: "Comment la note est calculée",
    method_text: &[
        "Données : les factures payées au cours des 24 derniers mois, avec leur retard (date de paiement moins échéance, négatif en cas d'avance), et les factures encore échues, avec leur retard à ce jour ; les litiges ouverts sur la période, le plafond de crédit, la date de la première facture. Les factures passées en perte et celles non échues ne comptent pas.",
        "Moins de 3 factures payées sur 24 mois : « historique insuffisant », pas de note. Le même seuil décide quand la prévision d'encaissement utilise le délai propre du client.",
        "Base (dans l'esprit du PAYDEX) : le retard moyen pondéré par les montants donne les points : 10 j d'avance ou plus : 100 ; à l'échéance : 80 ; 15 j de retard : 70 ; 30 j : 50 ; 120 j : 20 ; 180 j ou plus : 0 ; linéaire entre ces points.",
        "Ajustements : part des factures en retard de plus de 5 jours (payées ou encore dues), −1 par tranche de 10 % ; pire retard au-delà de 60 j, −1 par 12 j (au plus −10) ; tendance des factures payées échues dans les 6 derniers mois contre les plus anciennes (au moins 3 de chaque côté), −1 par 3 j de retard en plus (au plus −10), +1 par 3 j en moins (au plus +5) ; litiges, −3 chacun (au plus −10) ; échu au-delà de 50 % du plafond de crédit −5, au-delà de 100 % −10 ; relation de moins de 6 mois −5, de 36 mois ou plus +3. La note est la somme, tenue entre 0 et 100.",
        "Classes : A de 80 à 100, B de 65 à 79, C de 50 à 64, D de 35 à 49, E en dessous de 35.",
        "Limites : la note ne connaît que ce que contient votre registre (ni les paiements du client à d'autres fournisseurs, ni ses comptes). Les poids sont fixés d'après la pratique, pas ajustés ; un test vérifie que les notes calculées il y a six mois classent les clients selon leurs retards réels depuis (corrélation de rang 0,75 sur les données de démonstration, seuil 0,6).",
    ],
    kpi_litigation: "Au contentieux",
    litigation_count: |n| plural(n, "facture", "factures"),
};
