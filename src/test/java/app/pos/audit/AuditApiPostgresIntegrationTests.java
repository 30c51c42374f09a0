package app.pos.audit;

import app.pos.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class AuditApiPostgresIntegrationTests extends AuditApiContract {}
