package app.pos.backoffice;

import app.pos.customer.ConsentState;
import app.pos.customer.Consents;
import app.pos.shared.ShopTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the profile's consent section shows: each channel's current state, the history, and the two answers. */
@Component
class ConsentModel {

    private final Consents consents;
    private final ShopTime time;

    ConsentModel(Consents consents, ShopTime time) {
        this.consents = consents;
        this.time = time;
    }

    void addTo(UUID customerId, Model model) {
        model.addAttribute("consents", consents.current(customerId));
        model.addAttribute("consentHistory", consents.history(customerId));
        model.addAttribute("granted", ConsentState.GRANTED);
        model.addAttribute("withdrawn", ConsentState.WITHDRAWN);
        model.addAttribute("zone", time.zone());
    }
}
