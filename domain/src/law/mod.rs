//! French law on late payment, applied to the model: the published rates, interest and the
//! 40 € indemnity, what the ledger's invoices may claim, the calculator.

pub mod penalty;
