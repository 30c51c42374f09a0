package app.pos.till;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Chooses the loyalty reward the checkout redeems, or drops it; each answers the {@code till/till :: cart} fragment,
 * which shows the reward's discount (or why this cart cannot have it). The server decides at checkout.
 */
@Controller
class RewardController {

    private static final String CART = "till/till :: cart";

    private final Till till;
    private final SaleModel sale;

    RewardController(Till till, SaleModel sale) {
        this.till = till;
        this.sale = sale;
    }

    @PostMapping("/pos/reward/{rewardId}")
    String choose(@PathVariable UUID rewardId, Model model) {
        till.chooseReward(rewardId);
        model.addAttribute("cart", sale.cart());
        return CART;
    }

    @PostMapping("/pos/reward/clear")
    String clear(Model model) {
        till.chooseReward(null);
        model.addAttribute("cart", sale.cart());
        return CART;
    }
}
