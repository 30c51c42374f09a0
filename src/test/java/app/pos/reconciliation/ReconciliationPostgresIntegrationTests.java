package app.pos.reconciliation;

import app.pos.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ReconciliationPostgresIntegrationTests extends ReconciliationContract {}
