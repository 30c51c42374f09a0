package app.pos.catalog;

import app.pos.shared.PosException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Menu administration for managers: products and categories. */
@Controller
class ProductAdminController {

    private static final String PAGE = "catalog/products";

    private final ProductService products;
    private final Validator validator;
    private final MessageSourceAccessor messages;

    ProductAdminController(ProductService products, Validator validator, MessageSource messageSource) {
        this.products = products;
        this.validator = validator;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    record ProductForm(String name, String category, String price, String sku) {
        static ProductForm blank() {
            return new ProductForm("", "", "", "");
        }

        static ProductForm of(ProductView p) {
            return new ProductForm(p.name(), p.category(), p.price().toPlainString(), p.sku() == null ? "" : p.sku());
        }
    }

    @GetMapping("/admin/products")
    String list(Model model) {
        model.addAttribute("categories", byCategory());
        model.addAttribute("form", ProductForm.blank());
        return PAGE;
    }

    @PostMapping("/admin/products")
    String create(
            @ModelAttribute("form") ProductForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        NewProduct command = toCommand(form, result);
        if (!result.hasErrors()) {
            try {
                ProductView created = products.create(command);
                redirect.addFlashAttribute(
                        "message", messages.getMessage("products.added", new Object[] {created.name()}));
                return "redirect:/admin/products";
            } catch (PosException e) {
                result.rejectValue("sku", "taken", e.getMessage());
            }
        }
        model.addAttribute("categories", byCategory());
        return PAGE;
    }

    @GetMapping("/admin/products/{id}")
    String edit(@PathVariable UUID id, Model model) {
        ProductView product = products.get(id);
        model.addAttribute("product", product);
        model.addAttribute("form", ProductForm.of(product));
        return "catalog/product";
    }

    @PostMapping("/admin/products/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") ProductForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        NewProduct command = toCommand(form, result);
        if (!result.hasErrors()) {
            try {
                products.update(id, command);
                redirect.addFlashAttribute("message", messages.getMessage("products.saved", new Object[] {
                    command.name().trim()
                }));
                return "redirect:/admin/products";
            } catch (DuplicateSku e) {
                result.rejectValue("sku", "taken", e.getMessage());
            }
        }
        model.addAttribute("product", products.get(id));
        return "catalog/product";
    }

    @PostMapping("/admin/products/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        ProductView product = products.setActive(id, active);
        redirect.addFlashAttribute(
                "message",
                messages.getMessage(
                        active ? "products.backOnMenu" : "products.takenOffMenu", new Object[] {product.name()}));
        return "redirect:/admin/products";
    }

    @PostMapping("/admin/categories/rename")
    String renameCategory(@RequestParam String from, @RequestParam String to, RedirectAttributes redirect) {
        int changed = products.renameCategory(from, to);
        redirect.addFlashAttribute(
                "message", messages.getMessage("products.categoryRenamed", new Object[] {from, to.trim(), changed}));
        return "redirect:/admin/products";
    }

    @PostMapping("/admin/categories/active")
    String setCategoryActive(@RequestParam String category, @RequestParam boolean active, RedirectAttributes redirect) {
        int changed = products.setCategoryActive(category, active);
        redirect.addFlashAttribute(
                "message",
                messages.getMessage(
                        active ? "products.categoryActivated" : "products.categoryDeactivated",
                        new Object[] {changed, category}));
        return "redirect:/admin/products";
    }

    /**
     * The price is typed as text so that what was typed is shown again; the rules are {@link NewProduct}'s, the
     * same the API applies, validated into the form's binding result (the form's fields have the command's names).
     */
    private NewProduct toCommand(ProductForm form, BindingResult result) {
        BigDecimal price = null;
        try {
            price = form.price() == null || form.price().isBlank()
                    ? null
                    : new BigDecimal(form.price().trim());
        } catch (NumberFormatException e) {
            result.rejectValue("price", "number", messages.getMessage("products.priceNotNumber"));
        }
        NewProduct command = new NewProduct(form.name(), form.category(), price, form.sku());
        validator
                .validate(command)
                .forEach(v -> result.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
        return command;
    }

    private Map<String, List<ProductView>> byCategory() {
        return products.all().stream()
                .collect(Collectors.groupingBy(ProductView::category, TreeMap::new, Collectors.toList()));
    }
}
