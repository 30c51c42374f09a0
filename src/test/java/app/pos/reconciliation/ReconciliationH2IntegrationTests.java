package app.pos.reconciliation;

import app.pos.support.H2IntegrationTest;

@H2IntegrationTest
class ReconciliationH2IntegrationTests extends ReconciliationContract {}
