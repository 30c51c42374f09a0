package app.pos.order;

import app.pos.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class RefundApiPostgresIntegrationTests extends RefundApiContract {}
