package app.pos.customer;

import app.pos.support.H2IntegrationTest;

@H2IntegrationTest
class CustomerProfileFieldsH2IntegrationTests extends CustomerProfileFieldsContract {}
