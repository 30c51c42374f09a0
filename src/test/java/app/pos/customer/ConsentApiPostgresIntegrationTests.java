package app.pos.customer;

import app.pos.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConsentApiPostgresIntegrationTests extends ConsentApiContract {}
