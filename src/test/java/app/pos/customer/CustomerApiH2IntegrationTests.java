package app.pos.customer;

import app.pos.support.H2IntegrationTest;

@H2IntegrationTest
class CustomerApiH2IntegrationTests extends CustomerApiContract {}
