package app.pos.backoffice;

import app.pos.customer.ConsentInput;
import app.pos.customer.ConsentSource;
import app.pos.customer.Consents;
import app.pos.customer.CustomerService;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A MANAGER grants or withdraws a customer's consent on their profile (source BACK_OFFICE). */
@Controller
class CustomerConsentController {

    private final Consents consents;
    private final CustomerService customers;
    private final ConsentModel consentModel;

    CustomerConsentController(Consents consents, CustomerService customers, ConsentModel consentModel) {
        this.consents = consents;
        this.customers = customers;
        this.consentModel = consentModel;
    }

    @PostMapping("/admin/customers/{id}/consents/{channel}")
    String record(
            @PathVariable UUID id,
            @PathVariable String channel,
            @RequestParam(defaultValue = "") String state,
            Model model) {
        consents.record(
                id,
                ConsentInput.channel("channel", channel),
                ConsentInput.state("state", state),
                ConsentSource.BACK_OFFICE);
        model.addAttribute("customer", customers.get(id));
        consentModel.addTo(id, model);
        return "backoffice/customer :: consents";
    }
}
