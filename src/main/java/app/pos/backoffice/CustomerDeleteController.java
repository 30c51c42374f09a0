package app.pos.backoffice;

import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.CustomerOrders;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deleting a customer from the profile: a confirmation page that says what happens to their orders (they stay,
 * with the name, phone and address they were sold under, no longer linked), then the delete and the customer list
 * with a flash message. A page rather than a script dialog, so it works without JavaScript and with a strict CSP.
 */
@Controller
class CustomerDeleteController {

    private final CustomerService customers;
    private final CustomerOrders customerOrders;
    private final MessageSourceAccessor messages;

    CustomerDeleteController(CustomerService customers, CustomerOrders customerOrders, MessageSource messageSource) {
        this.customers = customers;
        this.customerOrders = customerOrders;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/admin/customers/{id}/delete")
    String confirm(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("orders", customerOrders.orderCount(id));
        return "backoffice/customer-delete";
    }

    @PostMapping("/admin/customers/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        CustomerView customer = customers.get(id);
        long orders = customerOrders.orderCount(id);
        customers.delete(id);
        redirect.addFlashAttribute(
                "message", messages.getMessage("delete.done", new Object[] {customer.name(), orders}));
        return "redirect:/admin/customers";
    }
}
