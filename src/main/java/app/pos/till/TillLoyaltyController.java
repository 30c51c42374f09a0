package app.pos.till;

import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentSource;
import app.pos.customer.ConsentWordings;
import app.pos.loyalty.LoyaltyAccounts;
import app.pos.loyalty.LoyaltyProgram;
import app.pos.loyalty.LoyaltyPrograms;
import app.pos.loyalty.LoyaltySummary;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The selected customer's loyalty box in the customer panel, while the program is on: a member's tier, balance
 * and progress, or for anyone else the program's question and a button to join (the LOYALTY consent, granted at
 * the till by the cashier logged in, as {@link TillConsentController} records consent).
 */
@Controller
class TillLoyaltyController {

    private static final String FRAGMENT = "till/loyalty :: box";

    private final LoyaltyPrograms programs;
    private final LoyaltyAccounts accounts;
    private final ConsentWordings wordings;
    private final Till till;
    private final Clock clock;
    private final SaleModel sale;

    TillLoyaltyController(
            LoyaltyPrograms programs,
            LoyaltyAccounts accounts,
            ConsentWordings wordings,
            Till till,
            Clock clock,
            SaleModel sale) {
        this.programs = programs;
        this.accounts = accounts;
        this.wordings = wordings;
        this.till = till;
        this.clock = clock;
        this.sale = sale;
    }

    @GetMapping("/pos/customer/loyalty")
    String show(Model model) {
        return box(model, till.customerId(), null);
    }

    /**
     * Joins the selected customer. The whole customer panel answers, with this box in it: the rewards a returning
     * member's kept points afford appear at once, and the consents reload to show LOYALTY granted.
     */
    @PostMapping("/pos/customer/loyalty/enrolment")
    String join(Model model) {
        UUID customer = till.customerId();
        LoyaltySummary joined =
                customer == null || !programs.current().enabled() ? null : accounts.enrol(customer, ConsentSource.TILL);
        model.addAttribute("joined", joined != null);
        box(model, customer, joined);
        sale.addTo(model);
        return "till/till :: customer-panel";
    }

    private String box(Model model, UUID customer, LoyaltySummary known) {
        LoyaltyProgram program = programs.current();
        if (customer != null && Boolean.TRUE.equals(program.enabled())) {
            LoyaltySummary summary = known == null ? accounts.summary(customer) : known;
            model.addAttribute("loyalty", LoyaltyBox.of(summary, program, OffsetDateTime.now(clock)));
            model.addAttribute(
                    "loyaltyWording", wordings.current(ConsentChannel.LOYALTY).text());
        }
        return FRAGMENT;
    }
}
