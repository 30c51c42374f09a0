package app.pos.loyalty.web;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.loyalty.LoyaltyProgram;
import app.pos.loyalty.LoyaltyPrograms;
import app.pos.loyalty.LoyaltyReport;
import app.pos.shared.InvalidInput;
import app.pos.web.Htmx;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office's loyalty page: the program's liability and members per tier, and the program's form. A MANAGER
 * sees the form read-only; an ADMIN edits it (the security configuration lets only an ADMIN post). Adding or
 * removing a tier or reward row posts the form with an {@code action} and shows it again unsaved, so it works
 * without JavaScript; htmx swaps only the form.
 */
@Controller
class LoyaltyPageController {

    private static final String PAGE = "loyalty/program";
    private static final List<String> EARN_BASES = List.of("BEFORE_TAX", "AFTER_TAX");

    private final LoyaltyPrograms programs;
    private final LoyaltyReport report;
    private final ProductService catalog;
    private final MessageSourceAccessor messages;

    LoyaltyPageController(
            LoyaltyPrograms programs, LoyaltyReport report, ProductService catalog, MessageSource messageSource) {
        this.programs = programs;
        this.report = report;
        this.catalog = catalog;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/admin/loyalty")
    String page(Model model) {
        model.addAttribute("form", ProgramForm.from(programs.current()));
        return show(model, false);
    }

    /** Saves the form, or with {@code action} adds or removes a row and shows the form again unsaved. */
    @PostMapping("/admin/loyalty")
    String save(
            @ModelAttribute("form") ProgramForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Principal principal,
            Htmx htmx,
            Model model,
            RedirectAttributes redirect) {
        if (!action.equals("save")) {
            edit(form, action);
            return show(model, htmx.wantsFragment());
        }
        if (!result.hasErrors()) {
            List<String> notNumbers = new ArrayList<>();
            LoyaltyProgram program = ProgramFormReader.program(form, notNumbers);
            notNumbers.forEach(
                    path -> result.rejectValue(path, "number", messages.getMessage(ProgramFormReader.NUMBER_KEY)));
            if (notNumbers.isEmpty()) {
                try {
                    programs.update(program, principal.getName());
                    redirect.addFlashAttribute("message", messages.getMessage("loyalty.saved"));
                    return "redirect:/admin/loyalty";
                } catch (InvalidInput invalid) {
                    invalid.errors().stream()
                            .map(ProgramFormReader::toForm)
                            .forEach(e -> result.rejectValue(
                                    e.path(),
                                    "invalid",
                                    e.key() == null ? e.fallback() : messages.getMessage(e.key(), e.fallback())));
                }
            }
        }
        model.addAttribute("problem", messages.getMessage("loyalty.notSaved"));
        return show(model, htmx.wantsFragment());
    }

    /** {@code addTier}, {@code addReward}, {@code removeTier:N} or {@code removeReward:N}; anything else is ignored. */
    private static void edit(ProgramForm form, String action) {
        if (action.equals("addTier")) {
            form.getTiers().add(new ProgramForm.TierRow());
        } else if (action.equals("addReward")) {
            form.getRewards().add(new ProgramForm.RewardRow());
        } else if (action.startsWith("removeTier:")) {
            remove(form.getTiers(), action.substring("removeTier:".length()));
        } else if (action.startsWith("removeReward:")) {
            remove(form.getRewards(), action.substring("removeReward:".length()));
        }
    }

    private static void remove(List<?> rows, String index) {
        try {
            int row = Integer.parseInt(index);
            if (row >= 0 && row < rows.size()) {
                rows.remove(row);
            }
        } catch (NumberFormatException e) {
            // not a row: nothing to remove
        }
    }

    private String show(Model model, boolean fragment) {
        ProgramForm form = (ProgramForm) model.getAttribute("form");
        List<ProductView> products = catalog.all().stream()
                .sorted(Comparator.comparing(ProductView::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        TreeSet<String> categories = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        products.forEach(p -> categories.add(p.category()));
        categories.addAll(form.getExcludedCategories());
        model.addAttribute("categories", List.copyOf(categories));
        model.addAttribute("products", products);
        model.addAttribute("earnBases", EARN_BASES);
        model.addAttribute("kinds", List.of(ProgramForm.Kind.values()));
        if (fragment) {
            return PAGE + " :: program-form";
        }
        model.addAttribute("report", report.liability());
        return PAGE;
    }
}
