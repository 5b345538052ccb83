//! Reminder messages and letters: the figures they state, the law they follow, the templates,
//! the e-mail link and the issuer's settings.

mod support;

use encaisse_domain::collection::letter::late_clause::default_late_clause;
use encaisse_domain::collection::letter::{
    check_template, default_template, mailto, mailto_href, render, template_for, Letter,
    LetterBlock, Message, MessageContext, MessageInput, Template, TemplatePart, TemplateProblem,
};
use encaisse_domain::law::penalty::claims::PenaltyInputs;
use encaisse_domain::model::client::{Address, ClientForm, ClientKind, Contact};
use encaisse_domain::model::invoice::InvoiceDetails;
use encaisse_domain::model::issuer::{Issuer, IssuerField, IssuerForm};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::model::reminders::Tone;
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::values::format::{format_eur, Locale};
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::params::parse_query;
use encaisse_domain::{Decimal, NaiveDate};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const AS_OF: (i32, u32, u32) = (2025, 5, 15);

fn as_of() -> NaiveDate {
    d(AS_OF.0, AS_OF.1, AS_OF.2)
}

fn issuer() -> Issuer {
    IssuerForm {
        name: "Studio Lumière".into(),
        registration: "732 829 320".into(),
        address: Address {
            line1: "12 rue des Lilas".into(),
            postal_code: "69003".into(),
            city: "Lyon".into(),
            ..Address::default()
        },
        email: "contact@studio-lumiere.fr".into(),
        iban: "FR76 3000 6000 0112 3456 7890 189".into(),
        bic: "BNPAFRPP".into(),
        ..IssuerForm::default()
    }
    .validate()
    .expect("a complete issuer")
}

struct Book {
    ledger: Ledger,
    business: ClientId,
    individual: ClientId,
    /// 1 200 € due 9 Feb 2025, unpaid.
    first: InvoiceId,
    /// 600 € due 3 Mar 2025, 200 € paid on 20 Mar.
    second: InvoiceId,
    /// 960 € to the private individual, due 14 Feb 2025, unpaid.
    private: InvoiceId,
}

fn invoice(client: ClientId, number: &str, issued: NaiveDate, net: Decimal) -> InvoiceDetails {
    InvoiceDetails {
        number: number.into(),
        client,
        issue_date: issued,
        terms: PaymentTerms::Net { days: 30 },
        net,
        vat: net / Decimal::from(5),
        description: String::new(),
        contractual_rate: None,
    }
}

fn book() -> Book {
    let mut ledger = Ledger::default();
    let business = ledger.add_client(support::business("Atelier Dupont"), d(2025, 1, 1));
    let individual = ledger.add_client(
        ClientForm {
            name: "Jeanne Martin".into(),
            kind: ClientKind::Individual,
            payer: Contact {
                name: "Jeanne Martin".into(),
                ..Contact::default()
            },
            address: Address {
                line1: "3 avenue Foch".into(),
                postal_code: "75016".into(),
                city: "Paris".into(),
                ..Address::default()
            },
            ..ClientForm::default()
        }
        .validate()
        .unwrap(),
        d(2025, 1, 1),
    );
    let first = ledger
        .add_invoice(invoice(business, "F2025-001", d(2025, 1, 10), dec!(1000)))
        .unwrap();
    let second = ledger
        .add_invoice(invoice(business, "F2025-002", d(2025, 2, 1), dec!(500)))
        .unwrap();
    let private = ledger
        .add_invoice(invoice(individual, "F2025-003", d(2025, 1, 15), dec!(800)))
        .unwrap();
    ledger
        .record_payment(PaymentDetails {
            client: business,
            date: d(2025, 3, 20),
            amount: dec!(200),
            method: PaymentMethod::Transfer,
            reference: String::new(),
            allocations: vec![Allocation {
                invoice: second,
                amount: dec!(200),
            }],
        })
        .unwrap();
    Book {
        ledger,
        business,
        individual,
        first,
        second,
        private,
    }
}

fn context(book: &Book, client: ClientId, invoices: &[InvoiceId], tone: Tone) -> MessageContext {
    MessageContext::build(
        &book.ledger,
        &issuer(),
        &MessageInput {
            client,
            tone,
            invoices: invoices.to_vec(),
            as_of: as_of(),
            broken_promise: None,
        },
    )
}

fn default_message(ctx: &MessageContext, tone: Tone, kind: ClientKind, locale: Locale) -> Message {
    render(&default_template(tone, kind, locale), ctx, locale).expect("a default template")
}

#[test]
fn every_default_template_renders_in_full() {
    // Guards against a default template with a misspelt placeholder, one left unfilled, or a
    // tone, kind or language without its own text.
    let book = book();
    for (client, invoices, kind) in [
        (
            book.business,
            vec![book.first, book.second],
            ClientKind::Business,
        ),
        (book.individual, vec![book.private], ClientKind::Individual),
    ] {
        for tone in Tone::ALL {
            let ctx = context(&book, client, &invoices, tone);
            for locale in [Locale::Fr, Locale::En] {
                let template = default_template(tone, kind, locale);
                assert_eq!(check_template(&template), Ok(()));
                let message = render(&template, &ctx, locale).unwrap();
                let place = format!("{tone:?} {kind:?} {locale:?}");
                for text in [&message.subject, &message.body] {
                    assert!(!text.contains(['{', '}']), "{place}: {text}");
                }
                assert!(!message.subject.is_empty(), "{place}");
                assert!(!message.subject.contains('\n'), "{place}");
                assert!(message.body.contains("Studio Lumière"), "{place}");
                assert!(
                    message.body.contains("FR76 3000 6000 0112 3456 7890 189"),
                    "{place}: the IBAN for a transfer"
                );
                assert!(message.body.contains(&ctx.lines[0].number), "{place}");
                assert!(!message.body.contains("\n\n\n"), "{place}: a gap left");
            }
        }
    }
}

#[test]
fn a_formal_notice_to_a_business_states_the_engines_interest_and_the_indemnity() {
    // Guards against a formal notice whose interest differs from the penalty screen's for the
    // same day, or that forgets the 40 € a business owes (D441-5).
    let book = book();
    let ctx = context(&book, book.business, &[book.first], Tone::FormalNotice);
    let engine = PenaltyInputs::new(&book.ledger, as_of())
        .for_invoice(book.ledger.invoice(book.first).unwrap())
        .unwrap()
        .unwrap();
    assert!(engine.interest > Decimal::ZERO);
    assert_eq!(ctx.totals.interest, engine.interest);

    let message = default_message(&ctx, Tone::FormalNotice, ClientKind::Business, Locale::Fr);
    assert!(message.subject.starts_with("Mise en demeure de payer"));
    assert!(message
        .body
        .contains(&format_eur(engine.interest, Locale::Fr)));
    assert!(message.body.contains("40,00\u{a0}€"));
    assert!(message.body.contains("D441-5"));
    assert!(message.body.contains("L441-10"));
    let claimed = dec!(1200) + engine.interest + dec!(40);
    assert!(message.body.contains(&format_eur(claimed, Locale::Fr)));
    assert!(
        message.body.contains("au plus tard le 23/05/2025"),
        "eight days from the notice"
    );

    let english = default_message(&ctx, Tone::FormalNotice, ClientKind::Business, Locale::En);
    assert!(english
        .body
        .contains(&format_eur(engine.interest, Locale::En)));
    assert!(english.body.contains("€40.00"));
}

#[test]
fn a_formal_notice_to_a_private_individual_claims_no_indemnity() {
    // Guards against claiming the 40 € or citing the Code de commerce to a consumer, or
    // stating interest that has not started to run (it runs from the notice itself).
    let book = book();
    let ctx = context(&book, book.individual, &[book.private], Tone::FormalNotice);
    assert_eq!(ctx.totals.indemnity, Decimal::ZERO);
    assert_eq!(ctx.totals.interest, Decimal::ZERO);
    for locale in [Locale::Fr, Locale::En] {
        let message = default_message(&ctx, Tone::FormalNotice, ClientKind::Individual, locale);
        for text in [&message.subject, &message.body] {
            assert!(!text.contains("40,00") && !text.contains("40.00"), "{text}");
            assert!(
                !text.contains("D441-5") && !text.contains("L441-10"),
                "{text}"
            );
        }
        assert!(message.body.contains("1231-6") && message.body.contains("1344"));
        assert!(message.body.contains(&format_eur(dec!(960), locale)));
    }
    let french = default_message(&ctx, Tone::FormalNotice, ClientKind::Individual, Locale::Fr);
    assert!(french
        .body
        .contains("à compter de la présente mise en demeure"));
    assert!(
        !french.body.contains("déjà courus"),
        "no accrued interest line before any notice"
    );
}

#[test]
fn interest_after_an_earlier_notice_to_an_individual_is_stated() {
    // Guards against a final notice that forgets the taux légal interest running since the
    // recorded formal notice.
    let mut book = book();
    book.ledger
        .record_formal_notice(book.private, d(2025, 3, 20))
        .unwrap();
    let ctx = context(&book, book.individual, &[book.private], Tone::FinalNotice);
    assert!(ctx.totals.interest > Decimal::ZERO);
    let message = default_message(&ctx, Tone::FinalNotice, ClientKind::Individual, Locale::Fr);
    assert!(message
        .body
        .contains(&format_eur(ctx.totals.interest, Locale::Fr)));
    assert!(!message.body.contains("D441-5"));
}

#[test]
fn the_invoice_table_adds_up_to_the_open_total() {
    // Guards against a table that lists the invoiced amounts instead of what is still owed,
    // whose total disagrees with the amount the message demands, or that repeats an invoice
    // or shows another client's.
    let book = book();
    let ctx = context(
        &book,
        book.business,
        &[book.second, book.first, book.second, book.private],
        Tone::SecondReminder,
    );
    let open: Vec<Decimal> = ctx.lines.iter().map(|line| line.open).collect();
    assert_eq!(open, vec![dec!(1200), dec!(400)], "oldest due first");
    assert_eq!(open.iter().sum::<Decimal>(), ctx.totals.open);

    let template = Template {
        subject: "{invoice_numbers}".into(),
        body: "{invoices}\n{open_total}".into(),
    };
    let message = render(&template, &ctx, Locale::Fr).unwrap();
    assert_eq!(message.subject, "F2025-001, F2025-002");
    let lines: Vec<&str> = message.body.lines().collect();
    let total = format_eur(dec!(1600), Locale::Fr);
    assert_eq!(lines.last(), Some(&total.as_str()));
    let table_total = lines[lines.len() - 2];
    assert!(table_total.starts_with("Total") && table_total.ends_with(&total));
    for (line, amount) in lines[2..4].iter().zip(&open) {
        assert!(line.contains(&format_eur(*amount, Locale::Fr)), "{line}");
    }
    let widths: Vec<usize> = lines[..4].iter().map(|l| l.chars().count()).collect();
    assert!(
        widths.windows(2).all(|w| w[0] == w[1]),
        "columns aligned: {widths:?}"
    );
}

#[test]
fn french_and_english_figures_in_the_body() {
    // Guards against "1200.00 €" or "2025-02-09" in a French letter, or French figures in an
    // English one.
    let book = book();
    let ctx = context(&book, book.business, &[book.first], Tone::FirstReminder);
    let french = default_message(&ctx, Tone::FirstReminder, ClientKind::Business, Locale::Fr);
    assert!(french.body.contains("1\u{202f}200,00\u{a0}€"));
    assert!(french.body.contains("09/02/2025"));
    assert!(french.body.starts_with("Madame, Monsieur,"));
    let english = default_message(&ctx, Tone::FirstReminder, ClientKind::Business, Locale::En);
    assert!(english.body.contains("€1,200.00"));
    assert!(english.body.contains("9 Feb 2025"));
    assert!(english.body.starts_with("Dear Sir or Madam,"));
}

#[test]
fn a_line_without_a_value_is_left_out() {
    // Guards against "IBAN : " with nothing after it when the issuer has not given one, or
    // a broken-promise sentence with no date.
    let book = book();
    let input = MessageInput {
        client: book.business,
        tone: Tone::FirstReminder,
        invoices: vec![book.first],
        as_of: as_of(),
        broken_promise: None,
    };
    let no_bank = Issuer {
        iban: String::new(),
        ..issuer()
    };
    let ctx = MessageContext::build(&book.ledger, &no_bank, &input);
    let message = default_message(&ctx, Tone::FirstReminder, ClientKind::Business, Locale::Fr);
    assert!(!message.body.contains("IBAN") && !message.body.contains("BIC"));
    assert!(!message.body.contains("engagement"));
    assert!(!message.body.contains("\n\n\n"));

    let promised = MessageInput {
        broken_promise: Some(d(2025, 5, 2)),
        ..input
    };
    let ctx = MessageContext::build(&book.ledger, &issuer(), &promised);
    let message = default_message(&ctx, Tone::FirstReminder, ClientKind::Business, Locale::Fr);
    assert!(message
        .body
        .contains("Un règlement nous avait été promis pour le 02/05/2025"));
    assert!(message.body.contains("BIC : BNPAFRPP"));
}

#[test]
fn unknown_placeholders_and_unclosed_braces_are_named() {
    // Guards against a template editor that says "invalid template" without saying where.
    let unknown = Template {
        subject: "Relance {client}".into(),
        body: "Bonjour {client},\nMontant : {montant}".into(),
    };
    let error = check_template(&unknown).unwrap_err();
    assert_eq!(error.part, TemplatePart::Body);
    assert_eq!((error.line, error.column), (2, 11));
    assert_eq!(
        error.problem,
        TemplateProblem::UnknownPlaceholder("montant".into())
    );

    let unclosed = Template {
        subject: "Échéance {client".into(),
        body: String::new(),
    };
    let error = check_template(&unclosed).unwrap_err();
    assert_eq!(error.part, TemplatePart::Subject);
    assert_eq!((error.line, error.column), (1, 10));
    assert_eq!(error.problem, TemplateProblem::UnclosedBrace);

    let nested = Template {
        subject: String::new(),
        body: "{a{client}".into(),
    };
    let error = check_template(&nested).unwrap_err();
    assert_eq!((error.line, error.column), (1, 1));
    assert_eq!(error.problem, TemplateProblem::UnclosedBrace);

    let book = book();
    let ctx = context(&book, book.business, &[book.first], Tone::FirstReminder);
    assert_eq!(
        render(&unknown, &ctx, Locale::Fr).unwrap_err().problem,
        TemplateProblem::UnknownPlaceholder("montant".into())
    );
}

#[test]
fn a_custom_template_overrides_the_default_part_by_part() {
    // Guards against a level's own wording ignored, or an empty custom text sent as an empty
    // message instead of the default.
    let book = book();
    let ctx = context(&book, book.business, &[book.first], Tone::SecondReminder);
    let custom = template_for(
        Tone::SecondReminder,
        ClientKind::Business,
        Locale::Fr,
        "Votre facture {invoice_numbers}",
        "Bonjour {client}, il reste {open_total} à régler.",
    );
    let message = render(&custom, &ctx, Locale::Fr).unwrap();
    assert_eq!(message.subject, "Votre facture F2025-001");
    assert_eq!(
        message.body,
        "Bonjour Atelier Dupont, il reste 1\u{202f}200,00\u{a0}€ à régler."
    );

    let default = default_template(Tone::SecondReminder, ClientKind::Business, Locale::Fr);
    assert_eq!(
        template_for(
            Tone::SecondReminder,
            ClientKind::Business,
            Locale::Fr,
            "",
            " "
        ),
        default
    );
    let own_subject = template_for(
        Tone::SecondReminder,
        ClientKind::Business,
        Locale::Fr,
        "Relance",
        "",
    );
    assert_eq!(own_subject.subject, "Relance");
    assert_eq!(own_subject.body, default.body);
}

#[test]
fn a_link_to_a_crafted_address_adds_no_recipient() {
    // Guards against an address stored before the check (or read from a backup) carrying
    // `?cc=` or `&bcc=` into the client page's link, where a mail program adds them.
    let href = mailto("victim@x.fr?cc=evil%40attacker.example&bcc=spy%40evil.example");
    assert!(href.starts_with("mailto:victim@"), "{href}");
    assert!(!href.contains(['?', '&']), "{href}");
    assert_eq!(mailto("compta@exemple.fr"), "mailto:compta@exemple.fr");
}

#[test]
fn the_mailto_link_carries_subject_and_body_intact() {
    // Guards against a body cut at `&` or `#`, a `%` read as an escape, accents garbled, or
    // line breaks lost when the mail program opens.
    let message = Message {
        subject: "Facture n°12 & avoir ? #3 à 100 % + frais".into(),
        body: "Madame, Monsieur,\n\nLigne 2 : a&b=c ? #ancre 50 %20 près\r\nÉlève".into(),
    };
    let href = mailto_href("compta+relances@exemple.fr", &message);
    let (address, query) = href
        .strip_prefix("mailto:")
        .unwrap()
        .split_once('?')
        .unwrap();
    assert_eq!(address, "compta%2Brelances@exemple.fr");
    assert!(!query.contains([' ', '\n', '\r', '#', '+']), "{query}");
    assert!(query.contains("%20") && query.contains("%0D%0A"));
    assert!(
        !query.contains("%0D%0D%0A"),
        "a CRLF kept as one line break"
    );

    let pairs = parse_query(query);
    assert_eq!(pairs.len(), 2);
    assert_eq!(pairs[0], ("subject".to_string(), message.subject.clone()));
    assert_eq!(
        pairs[1],
        (
            "body".to_string(),
            message.body.replace("\r\n", "\n").replace('\n', "\r\n")
        )
    );
}

#[test]
fn the_issuer_form_names_each_bad_field() {
    // Guards against a settings form that reports only the first error, or accepts an IBAN
    // that would send the client's transfer astray.
    let form = IssuerForm {
        registration: "123456789".into(),
        email: "compta@".into(),
        iban: "FR7630006000011234567890188".into(),
        bic: "XX".into(),
        address: Address {
            postal_code: "690".into(),
            ..Address::default()
        },
        ..IssuerForm::default()
    };
    let fields: Vec<IssuerField> = form
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        vec![
            IssuerField::Registration,
            IssuerField::PostalCode,
            IssuerField::Email,
            IssuerField::Iban,
            IssuerField::Bic,
        ]
    );

    let issuer = issuer();
    assert_eq!(issuer.registration, "732829320");
    assert_eq!(issuer.iban, "FR7630006000011234567890189");
    assert_eq!(IssuerForm::from_issuer(&issuer).validate(), Ok(issuer));
}

#[test]
fn a_letter_needs_a_name_and_an_address_and_a_transfer_an_iban() {
    // Guards against printing a formal notice with no sender, which proves nothing.
    assert_eq!(
        Issuer::default().missing_for_letter(),
        vec![IssuerField::Name, IssuerField::Address, IssuerField::Iban]
    );
    assert_eq!(issuer().missing_for_letter(), vec![]);
}

#[test]
fn the_late_clause_states_the_law_for_each_kind_of_client() {
    // Guards against invoices to businesses without the mentions L441-9 requires, or
    // invoices to consumers that announce a 40 € they may not claim.
    let business = default_late_clause(Locale::Fr, ClientKind::Business);
    for mention in [
        "10 points",
        "40,00\u{a0}€",
        "D441-5",
        "Pas d'escompte pour paiement anticipé",
    ] {
        assert!(business.contains(mention), "{mention}");
    }
    assert!(default_late_clause(Locale::En, ClientKind::Business).contains("€40.00"));
    let individual = default_late_clause(Locale::Fr, ClientKind::Individual);
    assert!(!individual.contains("40") && individual.contains("1231-6"));

    assert_eq!(issuer().late_clause_or_default(Locale::Fr), business);
    let own = Issuer {
        late_clause: "Pénalités : 3 fois le taux légal.".into(),
        ..issuer()
    };
    assert_eq!(
        own.late_clause_or_default(Locale::Fr),
        "Pénalités : 3 fois le taux légal."
    );
}

#[test]
fn a_formal_notice_prints_as_a_registered_letter_with_its_table() {
    // Guards against a formal notice printed without the registered-letter mention that makes
    // it proof, or with the invoices as a plain-text block instead of a table.
    let book = book();
    let ctx = context(&book, book.individual, &[book.private], Tone::FormalNotice);
    let message = default_message(&ctx, Tone::FormalNotice, ClientKind::Individual, Locale::Fr);
    let letter = Letter::new(&ctx, &message, Locale::Fr);
    assert_eq!(
        letter.delivery.as_deref(),
        Some("Lettre recommandée avec accusé de réception")
    );
    assert_eq!(
        letter.sender,
        vec![
            "Studio Lumière",
            "12 rue des Lilas",
            "69003 Lyon",
            "SIREN 732 829 320",
            "contact@studio-lumiere.fr"
        ]
    );
    assert_eq!(
        letter.recipient,
        vec!["Jeanne Martin", "3 avenue Foch", "75016 Paris"]
    );
    assert_eq!(letter.place_and_date, "Lyon, le 15/05/2025");
    assert!(letter
        .subject
        .starts_with("Objet : Mise en demeure de payer"));
    assert!(matches!(
        letter.blocks.as_slice(),
        [
            LetterBlock::Text(_),
            LetterBlock::InvoiceTable,
            LetterBlock::Text(_)
        ]
    ));
    assert_eq!(letter.table.rows.len(), 1);
    assert_eq!(letter.table.rows[0][0], "F2025-003");
    assert_eq!(
        letter.table.footer,
        [("Total".to_string(), format_eur(dec!(960), Locale::Fr))]
    );

    let reminder = context(
        &book,
        book.individual,
        &[book.private],
        Tone::SecondReminder,
    );
    let message = default_message(
        &reminder,
        Tone::SecondReminder,
        ClientKind::Individual,
        Locale::En,
    );
    assert_eq!(Letter::new(&reminder, &message, Locale::En).delivery, None);
}

#[test]
fn a_french_letter_greets_madame_monsieur_even_when_the_payer_is_named() {
    // Guards against "Hugo Bonnet," as the salutation of a French formal notice: French
    // business letters greet "Madame, Monsieur", the payer being named in the address.
    let mut book = book();
    let mut details = book.ledger.client(book.business).unwrap().details.clone();
    details.payer.name = "Hugo Bonnet".into();
    book.ledger.update_client(book.business, details).unwrap();
    let ctx = context(&book, book.business, &[book.first], Tone::FormalNotice);
    let french = default_message(&ctx, Tone::FormalNotice, ClientKind::Business, Locale::Fr);
    assert!(
        french.body.starts_with("Madame, Monsieur,"),
        "{}",
        french.body
    );
    assert!(french
        .body
        .contains("Nous vous prions d'agréer, Madame, Monsieur, l'expression"));
    let letter = Letter::new(&ctx, &french, Locale::Fr);
    assert!(letter
        .recipient
        .contains(&"À l'attention de Hugo Bonnet".to_string()));
    let english = default_message(&ctx, Tone::FormalNotice, ClientKind::Business, Locale::En);
    assert!(
        english.body.starts_with("Dear Hugo Bonnet,"),
        "{}",
        english.body
    );
}

#[test]
fn money_received_but_not_allocated_is_deducted_from_what_a_letter_claims() {
    // Guards against a formal notice demanding money the client already paid, because the
    // payment was recorded without being allocated to an invoice (found in review).
    let mut book = book();
    book.ledger
        .record_payment(PaymentDetails {
            client: book.business,
            date: d(2025, 4, 30),
            amount: dec!(600),
            method: PaymentMethod::Transfer,
            reference: String::new(),
            allocations: Vec::new(),
        })
        .unwrap();
    let ctx = context(
        &book,
        book.business,
        &[book.first, book.second],
        Tone::FormalNotice,
    );
    // 1 200 € + 400 € open, less 600 € received.
    assert_eq!(
        (ctx.totals.open, ctx.totals.credit),
        (dec!(1600), dec!(600))
    );
    assert_eq!(ctx.totals.due(), dec!(1000));
    assert_eq!(
        ctx.totals.claimed,
        dec!(1000) + ctx.totals.interest + ctx.totals.indemnity
    );
    let table = ctx.invoice_table(Locale::Fr);
    let footer: Vec<&str> = table
        .footer
        .iter()
        .map(|(label, _)| label.as_str())
        .collect();
    assert_eq!(
        footer,
        [
            "Total des factures",
            "Règlement reçu non affecté",
            "Reste dû"
        ]
    );
    assert_eq!(table.footer[2].1, format_eur(dec!(1000), Locale::Fr));
    let text = table.to_text();
    assert!(text.contains(&format_eur(dec!(-600), Locale::Fr)), "{text}");
    let message = default_message(&ctx, Tone::FormalNotice, ClientKind::Business, Locale::Fr);
    assert!(message.body.contains(&format!(
        "principal restant dû : {}",
        format_eur(dec!(1000), Locale::Fr)
    )));
}

#[test]
fn a_template_says_which_placeholders_it_states() {
    // Guards against the missing-rate warning shown on messages that state no interest (a
    // first reminder, an instalment note), or missing on a formal notice that does.
    use encaisse_domain::collection::letter::{instalment_template, Placeholder};
    use encaisse_domain::collection::reminder::schedule::InstalmentNotice;
    let formal = default_template(Tone::FormalNotice, ClientKind::Business, Locale::Fr);
    assert!(formal.uses(Placeholder::Interest));
    let first = default_template(Tone::FirstReminder, ClientKind::Business, Locale::En);
    assert!(!first.uses(Placeholder::Interest) && !first.uses(Placeholder::TotalClaimed));
    let note = instalment_template(InstalmentNotice::Late, Locale::Fr);
    assert!(note.uses(Placeholder::GraceEnd) && !note.uses(Placeholder::Interest));
    let broken = Template {
        subject: String::new(),
        body: "{interest".into(),
    };
    assert!(
        !broken.uses(Placeholder::Interest),
        "an unclosed brace states nothing"
    );
}
