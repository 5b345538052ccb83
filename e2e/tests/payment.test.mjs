// Recording a payment from an invoice, as a first user does: the pre-filled amount changed,
// the allocation follows it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUnderTest, withPage, visit, shown, storedLedger, loadDemoOn } from "../harness.mjs";

const app = appUnderTest();

test("changing a payment's pre-filled amount moves its single allocation with it", async () => {
  // Guards against the allocation staying at the invoice's open amount when the amount is
  // changed (1 200 to 500): a negative rest and a refusal (issue 17, point 7).
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await visit(page, app.server.url + "#/factures?statut=overdue");
    await page.locator("tbody tr a").first().click();
    await page.getByRole("link", { name: "Enregistrer un paiement" }).click();
    const amount = page.getByLabel("Montant reçu (€)");
    await amount.waitFor();
    assert.notEqual(await amount.inputValue(), "");
    await amount.fill("500");
    assert.equal(await shown(page.getByTestId("allocated")), "500,00 €");
    assert.equal(await shown(page.getByTestId("unallocated")), "0,00 €");
    const before = (await storedLedger(page)).ledger.payments.length;
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    // The click starts the write; storedLedger waits for it to end.
    const stored = (await storedLedger(page)).ledger;
    assert.equal(stored.payments.length, before + 1);
    const recorded = stored.payments.at(-1).details;
    assert.equal(recorded.amount, "500");
    assert.deepEqual(recorded.allocations.map((a) => a.amount), ["500"]);
  });
});
