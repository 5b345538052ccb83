use super::CalculatorTexts;

pub static TEXTS: CalculatorTexts = CalculatorTexts {
    amount: "Montant TTC",

    penalties_title: "Pénalités de retard",
    f_formal_notice: "Mise en demeure envoyée le",

    calc_title: "Calculateur de pénalités de retard",
    calc_intro: "Intérêts de retard et indemnité forfaitaire dus sur une facture, selon le droit français. Le calcul se fait dans votre navigateur ; son lien contient tous les paramètres, pour le partager ou le retrouver.",
    calc_amount: "Montant TTC de la facture (€)",
    calc_due: "Date d'échéance",
    calc_paid: "Date du paiement",
    calc_paid_hint: "Laisser vide pour calculer jusqu'à aujourd'hui.",
    calc_client: "Le client est",
    calc_pro: "un professionnel",
    calc_individual: "un particulier",
    calc_settlements: "Règlements partiels",
    calc_add_settlement: "Ajouter un règlement partiel",
    calc_remove: "Retirer",
    calc_fill_in: "Saisissez le montant et la date d'échéance pour voir les pénalités.",
    calc_bad_link: |params| format!("Ce lien contient des paramètres invalides ({params}) : corrigez-les ci-dessous."),
    calc_link: "Lien vers ce calcul",
    print: "Imprimer",
};
