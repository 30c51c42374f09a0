package app.pos.audit;

import app.pos.support.H2IntegrationTest;

@H2IntegrationTest
class AuditApiH2IntegrationTests extends AuditApiContract {}
