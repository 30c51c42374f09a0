package app.pos.loyalty;

import app.pos.support.H2IntegrationTest;

/** The ledger on the embedded database a small shop runs on: the same SQL must hold there too. */
@H2IntegrationTest
class LoyaltyLedgerH2IntegrationTests extends LoyaltyLedgerContract {}
