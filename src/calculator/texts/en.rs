use super::CalculatorTexts;

pub static TEXTS: CalculatorTexts = CalculatorTexts {
    amount: "Amount incl. VAT",

    penalties_title: "Late-payment penalties",
    f_formal_notice: "Formal notice sent on",

    calc_title: "Late-payment penalty calculator",
    calc_intro: "Interest and the fixed indemnity owed on an invoice under French law. The computation runs in your browser; its link holds every parameter, to share it or come back to it.",
    calc_amount: "Invoice amount incl. VAT (€)",
    calc_due: "Due date",
    calc_paid: "Payment date",
    calc_paid_hint: "Leave empty to compute up to today.",
    calc_client: "The client is",
    calc_pro: "a business",
    calc_individual: "a private individual",
    calc_settlements: "Partial payments",
    calc_add_settlement: "Add a partial payment",
    calc_remove: "Remove",
    calc_fill_in: "Enter the amount and the due date to see the penalties.",
    calc_bad_link: |params| format!("This link has invalid parameters ({params}): correct them below."),
    calc_link: "Link to this computation",
    print: "Print",
};
