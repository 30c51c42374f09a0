package app.pos.customer;

import app.pos.support.H2IntegrationTest;

@H2IntegrationTest
class CustomerProfileH2IntegrationTests extends CustomerProfileContract {}
