package app.pos.till;

import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentInput;
import app.pos.customer.ConsentItem;
import app.pos.customer.ConsentSource;
import app.pos.customer.ConsentState;
import app.pos.customer.ConsentWording;
import app.pos.customer.ConsentWordings;
import app.pos.customer.Consents;
import app.pos.web.Htmx;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The selected customer's consents on the till: each channel's wording, its state, and a button to grant or
 * withdraw it (source TILL, recorded by the cashier logged in). The customer panel loads it as a fragment.
 */
@Controller
class TillConsentController {

    private static final String FRAGMENT = "till/till :: customer-consents";
    private static final String PANEL = "till/till :: customer-panel";

    private final Consents consents;
    private final ConsentWordings wordings;
    private final Till till;
    private final SaleModel sale;

    TillConsentController(Consents consents, ConsentWordings wordings, Till till, SaleModel sale) {
        this.consents = consents;
        this.wordings = wordings;
        this.till = till;
        this.sale = sale;
    }

    /** One channel as the cashier reads it out: the question, and the answer on record. */
    record ConsentRow(ConsentChannel channel, ConsentState state, String wording) {}

    @GetMapping("/pos/customer/consents")
    String show(Model model) {
        return fragment(model, till.customerId());
    }

    /**
     * Records one channel's answer. LOYALTY is membership: the whole customer panel answers then, so that its
     * loyalty box and rewards follow (joining or leaving), with the consents reloaded inside it.
     */
    @PostMapping("/pos/customer/consents/{channel}")
    String record(@PathVariable String channel, @RequestParam(defaultValue = "") String state, Model model, Htmx htmx) {
        ConsentChannel parsed = ConsentInput.channel("channel", channel);
        ConsentState decided = ConsentInput.state("state", state);
        UUID customer = till.customerId();
        if (customer != null) {
            consents.record(customer, parsed, decided, ConsentSource.TILL);
            if (parsed == ConsentChannel.LOYALTY) {
                htmx.retarget("#customer-panel", "outerHTML");
                sale.addTo(model);
                return PANEL;
            }
        }
        return fragment(model, customer);
    }

    /** The rows, and the two answers the buttons send. */
    private String fragment(Model model, UUID customer) {
        model.addAttribute("consentRows", rows(customer));
        model.addAttribute("granted", ConsentState.GRANTED);
        model.addAttribute("withdrawn", ConsentState.WITHDRAWN);
        return FRAGMENT;
    }

    private List<ConsentRow> rows(UUID customer) {
        if (customer == null) {
            return List.of();
        }
        Map<ConsentChannel, ConsentWording> current = wordings.current();
        List<ConsentItem> items = consents.current(customer);
        return items.stream()
                .map(item -> new ConsentRow(
                        item.channel(),
                        item.state(),
                        current.get(item.channel()).text()))
                .toList();
    }
}
