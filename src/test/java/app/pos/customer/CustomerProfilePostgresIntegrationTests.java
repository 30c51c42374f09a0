package app.pos.customer;

import app.pos.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class CustomerProfilePostgresIntegrationTests extends CustomerProfileContract {}
