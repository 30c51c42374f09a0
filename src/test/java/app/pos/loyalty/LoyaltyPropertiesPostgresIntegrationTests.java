package app.pos.loyalty;

import app.pos.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class LoyaltyPropertiesPostgresIntegrationTests extends LoyaltyPropertiesContract {}
