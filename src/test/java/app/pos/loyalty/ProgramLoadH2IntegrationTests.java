package app.pos.loyalty;

import app.pos.support.H2IntegrationTest;

@H2IntegrationTest
class ProgramLoadH2IntegrationTests extends ProgramLoadContract {}
