//! A realistic, deterministic demo portfolio: the same seed and date give the same ledger.
//!
//! Clients are drawn with a hidden payer profile (good, slow, bad, erratic) that only this
//! generator knows: nothing of it is stored in the ledger, so scoring code can only learn
//! behaviour from the payments themselves. Everything is recorded through the ledger's own
//! methods, so the demo obeys the same invariants as user data.

use crate::collection::reminder::litigation::NewLitigation;
use crate::collection::reminder::schedule::queue;
use crate::model::client::{Address, ClientDetails, ClientKind, Contact};
use crate::model::invoice::{vat_for, InvoiceDetails};
use crate::model::issuer::Issuer;
use crate::model::ledger::Ledger;
use crate::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use crate::model::reminders::LitigationKind;
use crate::model::terms::{EndOfMonthConvention, PaymentTerms};
use crate::values::ids::{ClientId, InvoiceId};
use crate::values::money::round_cents;
use crate::values::sorting::sort_by;
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug)]
pub struct DemoConfig {
    pub clients: usize,
    pub invoices: usize,
    pub months: u32,
    pub seed: u64,
}

impl Default for DemoConfig {
    fn default() -> Self {
        DemoConfig {
            clients: 40,
            invoices: 600,
            months: 24,
            seed: 0x0E2C_A155,
        }
    }
}

impl DemoConfig {
    /// The largest firm Encaisse is built for (issue 15): 20 000 invoices over 24 months for
    /// 800 clients, every payer profile, for the benchmarks that show it stays fast.
    pub fn large_firm() -> DemoConfig {
        DemoConfig {
            clients: 800,
            invoices: 20_000,
            ..DemoConfig::default()
        }
    }
}

/// SplitMix64: tiny, fast and good enough for demo data; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `low..=high`.
    fn range(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next_u64() % (high - low + 1) as u64) as i64
    }
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Profile {
    Good,
    Slow,
    Bad,
    Erratic,
}

impl Profile {
    /// Days between the due date and the payment, or None for an invoice never paid.
    fn delay(self, rng: &mut Rng) -> Option<i64> {
        match self {
            Profile::Good => Some(rng.range(-5, 3)),
            Profile::Slow => Some(rng.range(8, 45)),
            Profile::Bad if rng.chance(12) => None,
            Profile::Bad => Some(rng.range(30, 150)),
            Profile::Erratic if rng.chance(50) => Some(rng.range(-3, 5)),
            Profile::Erratic => Some(rng.range(20, 90)),
        }
    }
}

const PREFIXES: &[&str] = &[
    "Atelier",
    "Boulangerie",
    "Cabinet",
    "Studio",
    "Garage",
    "Librairie",
    "Agence",
    "Menuiserie",
    "Imprimerie",
    "Cave",
    "Brasserie",
    "Pharmacie",
    "Transports",
    "Clinique",
    "Domaine",
    "Éditions",
];
const SURNAMES: &[&str] = &[
    "Dupont",
    "Martin",
    "Bernard",
    "Lefèvre",
    "Moreau",
    "Girard",
    "Roux",
    "Fournier",
    "Lambert",
    "Bonnet",
    "Fontaine",
    "Chevalier",
    "Garnier",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumas",
    "Lemoine",
    "Faure",
];
const FIRST_NAMES: &[&str] = &[
    "Claire", "Jean", "Sophie", "Luc", "Camille", "Hugo", "Léa", "Paul", "Chloé", "Louis", "Inès",
    "Marc",
];
const CITIES: &[(&str, &str)] = &[
    ("Paris", "75011"),
    ("Lyon", "69003"),
    ("Marseille", "13001"),
    ("Toulouse", "31000"),
    ("Nantes", "44000"),
    ("Bordeaux", "33000"),
    ("Lille", "59000"),
    ("Rennes", "35000"),
    ("Strasbourg", "67000"),
    ("Montpellier", "34000"),
    ("Nice", "06000"),
    ("Grenoble", "38000"),
];
const STREETS: &[&str] = &[
    "rue de la République",
    "avenue Jean Jaurès",
    "boulevard Victor Hugo",
    "rue Nationale",
    "place du Marché",
    "rue des Écoles",
];
const WORK: &[&str] = &[
    "Développement site vitrine",
    "Maintenance mensuelle",
    "Audit et recommandations",
    "Formation équipe",
    "Conception graphique",
    "Rédaction de contenus",
    "Prestation de conseil",
    "Intégration API",
    "Photographies produits",
    "Campagne publicitaire",
];

/// Generates the demo portfolio ending at `today` (the last invoice is at most today).
pub fn generate(today: NaiveDate, config: DemoConfig) -> Ledger {
    let mut rng = Rng(config.seed);
    let mut ledger = Ledger::default();
    let start = today - Duration::days(i64::from(config.months) * 365 / 12);

    let mut clients: Vec<(ClientId, Profile, Decimal, u32)> = Vec::with_capacity(config.clients);
    for index in 0..config.clients {
        let profile = match index % 10 {
            0..=4 => Profile::Good,
            5 | 6 => Profile::Slow,
            7 => Profile::Bad,
            _ => Profile::Erratic,
        };
        let individual = index % 7 == 3;
        let surname = SURNAMES[index % SURNAMES.len()];
        let name = if individual {
            format!("{} {}", rng.pick(FIRST_NAMES), surname)
        } else {
            format!(
                "{} {}",
                PREFIXES[(index * 7 + index / SURNAMES.len()) % PREFIXES.len()],
                surname
            )
        };
        let (city, postal_code) = *rng.pick(CITIES);
        let terms = if individual {
            PaymentTerms::OnReceipt
        } else {
            *rng.pick(&[
                PaymentTerms::Net { days: 30 },
                PaymentTerms::Net { days: 30 },
                PaymentTerms::Net { days: 45 },
                PaymentTerms::Net { days: 60 },
                PaymentTerms::EndOfMonth,
                PaymentTerms::DaysEndOfMonth {
                    days: 45,
                    convention: EndOfMonthConvention::DaysThenEndOfMonth,
                },
                PaymentTerms::DaysEndOfMonth {
                    days: 45,
                    convention: EndOfMonthConvention::EndOfMonthThenDays,
                },
            ])
        };
        let first = rng.pick(FIRST_NAMES);
        let domain = surname.to_ascii_lowercase().replace(['è', 'é'], "e");
        let details = ClientDetails {
            name,
            kind: if individual {
                ClientKind::Individual
            } else {
                ClientKind::Business
            },
            registration: if individual {
                String::new()
            } else {
                siren(&mut rng)
            },
            address: Address {
                line1: format!("{} {}", rng.range(1, 120), rng.pick(STREETS)),
                line2: String::new(),
                postal_code: postal_code.to_string(),
                city: city.to_string(),
                country: "France".to_string(),
            },
            payer: Contact {
                name: format!("{first} {surname}"),
                email: format!("compta@{domain}{index}.fr"),
                phone: format!(
                    "0{} {:02} {:02} {:02} {:02}",
                    rng.range(1, 5),
                    rng.range(10, 99),
                    rng.range(10, 99),
                    rng.range(10, 99),
                    rng.range(10, 99)
                ),
            },
            iban: if rng.chance(60) {
                french_iban(&mut rng)
            } else {
                String::new()
            },
            bic: String::new(),
            terms,
            credit_limit: (!individual && rng.chance(50))
                .then(|| Decimal::from(rng.range(2, 30) * 1000)),
            // A few contracts set their own late-payment rate, some below the legal floor.
            contractual_rate: (!individual && rng.chance(15))
                .then(|| Decimal::from(*rng.pick(&[8, 10, 12, 15]))),
            notes: String::new(),
        };
        let id = ledger.add_client(details, start);
        let base_amount = Decimal::from(if individual {
            rng.range(15, 120) * 10
        } else {
            rng.range(40, 900) * 10
        });
        let weight = if individual {
            1
        } else {
            rng.range(1, 4) as u32
        };
        clients.push((id, profile, base_amount, weight));
    }

    // Issue dates spread over the period, then numbered in date order as a real ledger is.
    let total_weight: u32 = clients.iter().map(|c| c.3).sum();
    let span_days = (today - start).num_days();
    let mut planned: Vec<(NaiveDate, usize)> = (0..config.invoices)
        .map(|_| {
            let mut ticket = (rng.next_u64() % u64::from(total_weight)) as u32;
            let client = clients.iter().position(|c| {
                if ticket < c.3 {
                    true
                } else {
                    ticket -= c.3;
                    false
                }
            });
            (
                start + Duration::days(rng.range(0, span_days)),
                client.unwrap_or(0),
            )
        })
        .collect();
    sort_by(&mut planned, Ord::cmp);

    let mut sequence_by_year: std::collections::HashMap<i32, u32> = Default::default();
    let mut issued: Vec<(InvoiceId, usize)> = Vec::with_capacity(planned.len());
    for (issue_date, client_index) in planned {
        let (client, _, base, _) = clients[client_index];
        let seq = sequence_by_year.entry(issue_date.year()).or_insert(0);
        *seq += 1;
        let factor = Decimal::new(rng.range(50, 150), 2);
        let net = round_cents(base * factor / Decimal::TEN) * Decimal::TEN;
        let terms = ledger
            .client(client)
            .map(|c| c.details.terms)
            .unwrap_or_default();
        let id = ledger
            .add_invoice(InvoiceDetails {
                number: format!("F{}-{:04}", issue_date.year(), seq),
                client,
                issue_date,
                terms,
                net,
                vat: vat_for(net, 2000),
                description: rng.pick(WORK).to_string(),
                contractual_rate: None,
            })
            // A panic without the problem's Debug form, which the app's bundle would carry.
            .unwrap_or_else(|_| panic!("demo invoices are valid"));
        issued.push((id, client_index));
    }

    for (invoice_id, client_index) in issued {
        let (client, profile, _, _) = clients[client_index];
        let Some(invoice) = ledger.invoice(invoice_id).cloned() else {
            continue;
        };
        let due = invoice.due_date();
        let issue = invoice.details.issue_date;
        let method = if ledger
            .client(client)
            .is_some_and(|c| c.details.kind == ClientKind::Individual)
        {
            *rng.pick(&[
                PaymentMethod::Card,
                PaymentMethod::Cheque,
                PaymentMethod::Transfer,
            ])
        } else {
            *rng.pick(&[
                PaymentMethod::Transfer,
                PaymentMethod::Transfer,
                PaymentMethod::DirectDebit,
                PaymentMethod::Cheque,
            ])
        };

        // A few invoices get a commercial gesture (credit note) soon after issue.
        if rng.chance(3) {
            let date = (issue + Duration::days(rng.range(3, 20))).min(today);
            let amount = round_cents(invoice.total() * Decimal::new(rng.range(10, 30), 2));
            let number = format!("AV-{}", invoice.details.number);
            let _ =
                ledger.add_credit_note(invoice_id, number, date, amount, "Geste commercial".into());
        }
        // Some overdue invoices are disputed; most disputes end with a credit note.
        if rng.chance(4) && due + Duration::days(10) <= today {
            let opened = due + Duration::days(rng.range(1, 10));
            let _ = ledger.open_dispute(invoice_id, opened, "Prestation contestée".into());
            let closed = opened + Duration::days(rng.range(15, 60));
            if closed <= today && rng.chance(70) {
                let amount = round_cents(
                    ledger.balance_now(invoice_id).open() * Decimal::new(rng.range(10, 40), 2),
                );
                if amount > Decimal::ZERO {
                    let _ = ledger.add_credit_note(
                        invoice_id,
                        format!("AV-L-{}", invoice.details.number),
                        closed,
                        amount,
                        "Règlement du litige".into(),
                    );
                }
                let _ = ledger.close_dispute(invoice_id, closed, "Accord trouvé".into());
            } else {
                continue; // still disputed: nothing paid
            }
        }

        // Some clients pay a deposit (acompte) soon after the invoice, the rest later.
        if rng.chance(8) {
            let deposit_on = issue + Duration::days(rng.range(0, 5));
            let deposit = round_cents(ledger.balance_now(invoice_id).open() * Decimal::new(30, 2));
            if deposit_on <= today && deposit > Decimal::ZERO {
                record(
                    &mut ledger,
                    client,
                    deposit_on,
                    deposit,
                    method,
                    invoice_id,
                    deposit,
                );
            }
        }
        let Some(delay) = profile.delay(&mut rng) else {
            // Never paid: the oldest are eventually written off.
            if due + Duration::days(365) <= today && rng.chance(50) {
                let _ = ledger.write_off(
                    invoice_id,
                    due + Duration::days(rng.range(200, 360)),
                    "Client insolvable".into(),
                );
            }
            continue;
        };
        let paid_on = (due + Duration::days(delay)).max(issue);
        if paid_on > today {
            continue;
        }
        let open = ledger.balance_now(invoice_id).open();
        if open <= Decimal::ZERO {
            continue;
        }
        let partial = matches!(profile, Profile::Bad | Profile::Slow) && rng.chance(25);
        let first_part = if partial {
            round_cents(open * Decimal::new(rng.range(30, 70), 2))
        } else {
            open
        };
        // Now and then a good client rounds its transfer up: the excess stays as its credit.
        let overpay = profile == Profile::Good && !partial && rng.chance(2);
        let amount = if overpay {
            (first_part / Decimal::ONE_HUNDRED).ceil() * Decimal::ONE_HUNDRED + Decimal::ONE_HUNDRED
        } else {
            first_part
        };
        record(
            &mut ledger,
            client,
            paid_on,
            amount,
            method,
            invoice_id,
            first_part,
        );
        if partial {
            let second = paid_on + Duration::days(rng.range(15, 60));
            if second <= today && rng.chance(70) {
                let rest = ledger.balance_now(invoice_id).open();
                record(&mut ledger, client, second, rest, method, invoice_id, rest);
            }
        }
    }
    ledger.update_settings(|settings| settings.issuer = demo_issuer());
    work_the_reminder_queue(&mut ledger, today);
    ledger
}

/// How long the demo's user has been working the reminder queue.
const REMINDER_ROUTINE_WEEKS: i64 = 26;

/// The reminder routine of a user who sends, every Monday, every reminder the queue holds,
/// through its level's channel, and hands the invoices that went through the whole plan to a
/// collection agency: the demo then shows a history of reminders, formal notices already
/// sent, files in litigation, and a queue that continues from them.
fn work_the_reminder_queue(ledger: &mut Ledger, today: NaiveDate) {
    let mut day = today - Duration::days(REMINDER_ROUTINE_WEEKS * 7);
    day -= Duration::days(i64::from(day.weekday().num_days_from_monday()));
    while day < today {
        let monday = queue(ledger, ledger.reminders(), day);
        for entry in monday.due {
            // Refused only if the entry were stale, which a fresh queue never is.
            let _ = ledger.record_reminder_sent(&entry, day, entry.channel);
        }
        for (client, invoices) in monday.exhausted {
            let _ = ledger.hand_over(NewLitigation {
                client,
                invoices,
                kind: LitigationKind::CollectionAgency,
                date: day,
                notes: "Dossier transmis après le dernier avis".into(),
                documents: vec![
                    "Factures impayées".into(),
                    "Mise en demeure et dernier avis".into(),
                ],
            });
        }
        day += Duration::days(7);
    }
}

/// The business the demo collects for: the letterhead of its reminders and letters.
fn demo_issuer() -> Issuer {
    Issuer {
        name: "Atelier Démo Conseil".into(),
        registration: "732829320".into(),
        address: Address {
            line1: "8 rue de la Paix".into(),
            line2: String::new(),
            postal_code: "75002".into(),
            city: "Paris".into(),
            country: "France".into(),
        },
        email: "compta@atelier-demo.fr".into(),
        phone: "01 42 00 00 00".into(),
        iban: "FR7630006000011234567890189".into(),
        bic: "AGRIFRPP".into(),
        default_terms: PaymentTerms::Net { days: 30 },
        late_clause: String::new(),
    }
}

/// A ledger whose `open_invoices` invoices are all still open at `today`: the load of the
/// speed benchmarks (aging report, penalty claims), which `generate` cannot reach because
/// its clients pay most invoices. Issue dates are spread evenly over the three years before
/// `today`, so the invoices fill every aging bucket and their interest crosses several
/// half-years of rates; about one in three is partly paid and one in ten partly credited, so
/// balances and interest bases have settlements to count; private individuals' overdue
/// invoices carry a formal notice, without which they would bear no interest to compute.
/// Recorded through the ledger's own methods, like the demo; the same arguments give the
/// same ledger.
pub fn open_invoices_ledger(today: NaiveDate, open_invoices: usize) -> Ledger {
    const SPAN_DAYS: i64 = 3 * 365;
    // Fifty invoices per client: a busy portfolio, and per-client sums that do real work.
    const INVOICES_PER_CLIENT: usize = 50;
    const BUSINESS_TERMS: [PaymentTerms; 4] = [
        PaymentTerms::Net { days: 30 },
        PaymentTerms::Net { days: 45 },
        PaymentTerms::Net { days: 60 },
        PaymentTerms::EndOfMonth,
    ];
    let mut rng = Rng(0x0BE4_C4ED);
    let mut ledger = Ledger::default();
    let start = today - Duration::days(SPAN_DAYS);

    let clients: Vec<ClientId> = (0..open_invoices.div_ceil(INVOICES_PER_CLIENT).max(1))
        .map(|index| {
            let individual = index % 7 == 3;
            let details = ClientDetails {
                name: format!("Client {index:05}"),
                kind: if individual {
                    ClientKind::Individual
                } else {
                    ClientKind::Business
                },
                registration: if individual {
                    String::new()
                } else {
                    siren(&mut rng)
                },
                address: Address::default(),
                payer: Contact::default(),
                iban: String::new(),
                bic: String::new(),
                terms: if individual {
                    PaymentTerms::OnReceipt
                } else {
                    *rng.pick(&BUSINESS_TERMS)
                },
                credit_limit: None,
                // Some contracts set their own rate, which the calculator must look up first.
                contractual_rate: (!individual && rng.chance(15)).then(|| Decimal::from(10)),
                notes: String::new(),
            };
            ledger.add_client(details, start)
        })
        .collect();

    for index in 0..open_invoices {
        let client = *rng.pick(&clients);
        let issue_date = start + Duration::days(index as i64 * SPAN_DAYS / open_invoices as i64);
        let terms = ledger
            .client(client)
            .map(|c| c.details.terms)
            .unwrap_or_default();
        let net = Decimal::from(rng.range(10, 500) * 10);
        let invoice = ledger
            .add_invoice(InvoiceDetails {
                number: format!("B{:06}", index + 1),
                client,
                issue_date,
                terms,
                net,
                vat: vat_for(net, 2000),
                description: String::new(),
                contractual_rate: None,
            })
            .expect("benchmark invoices are valid");
        let total = ledger.invoice(invoice).map_or(Decimal::ZERO, |i| i.total());
        let due = ledger.invoice(invoice).map_or(today, |i| i.due_date());
        let days_issued = (today - issue_date).num_days();
        // Credit note and payment together settle at most 90 % of the total: it stays open.
        if rng.chance(10) {
            ledger
                .add_credit_note(
                    invoice,
                    format!("AV-B{:06}", index + 1),
                    issue_date + Duration::days(rng.range(0, days_issued)),
                    round_cents(total * Decimal::new(10, 2)),
                    "Geste commercial".into(),
                )
                .expect("a tenth of an invoice can be credited");
        }
        if rng.chance(33) {
            let part = round_cents(total * Decimal::new(rng.range(20, 80), 2));
            ledger
                .record_payment(PaymentDetails {
                    client,
                    date: issue_date + Duration::days(rng.range(0, days_issued)),
                    amount: part,
                    method: PaymentMethod::Transfer,
                    reference: String::new(),
                    allocations: vec![Allocation {
                        invoice,
                        amount: part,
                    }],
                })
                .expect("a partial payment fits the open amount");
        }
        let individual = ledger
            .client(client)
            .is_some_and(|c| c.details.kind == ClientKind::Individual);
        if individual && due < today {
            let notice = (due + Duration::days(rng.range(0, 30))).min(today);
            ledger
                .record_formal_notice(invoice, notice)
                .expect("a notice after the due date is valid");
        }
    }
    ledger
}

fn record(
    ledger: &mut Ledger,
    client: ClientId,
    date: NaiveDate,
    amount: Decimal,
    method: PaymentMethod,
    invoice: InvoiceId,
    allocated: Decimal,
) {
    let number = ledger
        .invoice(invoice)
        .map(|i| i.details.number.clone())
        .unwrap_or_default();
    let _ = ledger.record_payment(PaymentDetails {
        client,
        date,
        amount,
        method,
        reference: format!("VIR {number}"),
        allocations: vec![Allocation {
            invoice,
            amount: allocated,
        }],
    });
}

fn digits(rng: &mut Rng, count: usize) -> String {
    (0..count)
        .map(|_| char::from(b'0' + rng.range(0, 9) as u8))
        .collect()
}

/// A random SIREN with a valid Luhn key.
fn siren(rng: &mut Rng) -> String {
    let body = format!("{}{}", rng.range(1, 9), digits(rng, 7));
    (0..10)
        .map(|key| format!("{body}{key}"))
        .find(|candidate| crate::values::validate::check_registration(candidate).is_ok())
        .expect("one of ten keys satisfies Luhn")
}

/// A random French IBAN with valid check digits.
fn french_iban(rng: &mut Rng) -> String {
    let bban = digits(rng, 23);
    (2..=98)
        .map(|check| format!("FR{check:02}{bban}"))
        .find(|candidate| crate::values::validate::check_iban(candidate).is_ok())
        .expect("exactly one pair of check digits is valid")
}
