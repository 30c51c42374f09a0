package app.pos.customer;

import app.pos.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class CustomerProfileFieldsPostgresIntegrationTests extends CustomerProfileFieldsContract {}
