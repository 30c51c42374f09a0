package app.pos.till;

import app.pos.loyalty.RewardRefused;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.shared.InvalidInput;
import app.pos.web.Htmx;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;
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
    private static final String CASH_TENDERED = "cashTendered";
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");

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
        BigDecimal cashTendered = cashTendered(form, result);
        if (!result.hasErrors()) {
            PlaceOrder command = new PlaceOrder(
                    lines,
                    till.customerId(),
                    null,
                    form.orderType(),
                    form.paymentMethod(),
                    form.orderType() == OrderType.DELIVERY ? form.deliveryAddress() : null,
                    form.note(),
                    cashTendered,
                    till.rewardId());
            validator
                    .validate(command)
                    .forEach(v -> reject(result, v.getPropertyPath().toString(), v.getMessage()));
            if (!result.hasErrors()) {
                try {
                    OrderView order = orders.place(command, till.checkoutKey(), principal.getName())
                            .order();
                    model.addAttribute("order", order);
                    return PAGE + " :: receipt";
                } catch (RewardRefused refused) {
                    result.reject("rewardId", messages.getMessage(refused.messageKey()));
                } catch (InvalidInput invalid) {
                    invalid.errors()
                            .forEach(e -> reject(
                                    result,
                                    e.field(),
                                    e.field().equals(CASH_TENDERED)
                                            ? messages.getMessage("checkout.cashTooLow")
                                            : e.message()));
                }
            }
        }
        // Errors go back into the checkout form only, not over the whole sale.
        htmx.retarget("#checkout", "outerHTML");
        sale.addTo(model);
        return PAGE + " :: checkout";
    }

    /**
     * The amount a cash customer handed over, if the cashier typed one: digits with up to two decimals. Ignored for
     * other payment methods (the field is hidden then, but may still hold what was typed before switching).
     */
    private BigDecimal cashTendered(CheckoutForm form, BindingResult result) {
        String typed = form.cashTendered() == null ? "" : form.cashTendered().strip();
        if (form.paymentMethod() != PaymentMethod.CASH || typed.isEmpty()) {
            return null;
        }
        if (!AMOUNT.matcher(typed).matches()) {
            result.rejectValue(CASH_TENDERED, "invalid", messages.getMessage("checkout.cashInvalid"));
            return null;
        }
        return new BigDecimal(typed);
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
