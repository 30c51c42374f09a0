package app.pos.loyalty;

import app.pos.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ProgramLoadPostgresIntegrationTests extends ProgramLoadContract {}
