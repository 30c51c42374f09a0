package app.pos.till;

import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PlaceOrder;
import app.pos.shared.InvalidInput;
import app.pos.web.Htmx;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Checkout from the till: the receipt, or the checkout form again with its errors; then a new sale. */
@Controller
class CheckoutController {

    private static final String PAGE = "till/till";

    private final OrderService orders;
    private final Till till;
    private final Validator validator;
    private final SaleModel sale;
    private final MessageSourceAccessor messages;

    CheckoutController(
            OrderService orders, Till till, Validator validator, SaleModel sale, MessageSource messageSource) {
        this.orders = orders;
        this.till = till;
        this.validator = validator;
        this.sale = sale;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @PostMapping("/pos/checkout")
    String checkout(
            @Valid @ModelAttribute("checkout") CheckoutForm form,
            BindingResult result,
            Principal principal,
            Model model,
            Htmx htmx)
            throws BindException {
        if (result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            throw new BindException(result); // a forged value, not a cashier's mistake: 400
        }
        List<PlaceOrder.Line> lines = till.lines();
        if (lines.isEmpty()) {
            result.reject("items", messages.getMessage("checkout.noItems"));
        }
        if (!result.hasErrors()) {
            PlaceOrder command = new PlaceOrder(
                    lines,
                    till.customerId(),
                    null,
                    form.orderType(),
                    form.paymentMethod(),
                    form.orderType() == OrderType.DELIVERY ? form.deliveryAddress() : null,
                    form.note());
            validator
                    .validate(command)
                    .forEach(v -> reject(result, v.getPropertyPath().toString(), v.getMessage()));
            if (!result.hasErrors()) {
                try {
                    OrderView order = orders.place(command, till.checkoutKey(), principal.getName())
                            .order();
                    model.addAttribute("order", order);
                    return PAGE + " :: receipt";
                } catch (InvalidInput invalid) {
                    invalid.errors().forEach(e -> reject(result, e.field(), e.message()));
                }
            }
        }
        // Errors go back into the checkout form only, not over the whole sale.
        htmx.retarget("#checkout", "outerHTML");
        sale.addTo(model);
        return PAGE + " :: checkout";
    }

    /** The cart's lines are not a field of the form: their errors are the form's own (shown above it). */
    private static void reject(BindingResult result, String field, String message) {
        if (field.startsWith("items")) {
            result.reject("items", message);
        } else {
            result.rejectValue(field, "invalid", message);
        }
    }

    @PostMapping("/pos/new-sale")
    String newSale(Model model) {
        till.newSale();
        sale.addTo(model);
        return PAGE + " :: sale";
    }
}
