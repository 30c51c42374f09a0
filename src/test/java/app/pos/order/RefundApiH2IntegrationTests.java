package app.pos.order;

import app.pos.support.H2IntegrationTest;

@H2IntegrationTest
class RefundApiH2IntegrationTests extends RefundApiContract {}
