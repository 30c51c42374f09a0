package app.pos.backoffice;

import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentInput;
import app.pos.customer.ConsentWording;
import app.pos.customer.ConsentWordings;
import app.pos.shared.InvalidInput;
import app.pos.shared.ShopTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ADMIN's page of consent wordings: each channel's current text to edit, and its earlier versions. */
@Controller
class ConsentWordingController {

    private static final String PAGE = "backoffice/consent-wordings";

    private final ConsentWordings wordings;
    private final ShopTime time;

    ConsentWordingController(ConsentWordings wordings, ShopTime time) {
        this.wordings = wordings;
        this.time = time;
    }

    /** One channel's section: the text in the box (what was typed when it was refused), the versions, the outcome. */
    record WordingRow(
            ConsentChannel channel,
            ConsentWording current,
            List<ConsentWording> versions,
            String text,
            String error,
            boolean saved) {}

    @GetMapping("/admin/consent-wordings")
    String page(Model model) {
        model.addAttribute(
                "wordingRows",
                Arrays.stream(ConsentChannel.values()).map(this::row).toList());
        model.addAttribute("zone", time.zone());
        return PAGE;
    }

    @PostMapping("/admin/consent-wordings/{channel}")
    String save(@PathVariable String channel, @RequestParam(defaultValue = "") String text, Model model) {
        ConsentChannel parsed = ConsentInput.channel("channel", channel);
        WordingRow row;
        try {
            int before = wordings.current(parsed).version();
            ConsentWording saved = wordings.save(parsed, text);
            row = new WordingRow(
                    parsed, saved, wordings.versions(parsed), saved.text(), null, saved.version() != before);
        } catch (InvalidInput invalid) {
            WordingRow unchanged = row(parsed);
            row = new WordingRow(
                    parsed,
                    unchanged.current(),
                    unchanged.versions(),
                    text,
                    invalid.errors().get(0).message(),
                    false);
        }
        model.addAttribute("w", row);
        model.addAttribute("zone", time.zone());
        return PAGE + " :: wording";
    }

    private WordingRow row(ConsentChannel channel) {
        List<ConsentWording> versions = wordings.versions(channel);
        return new WordingRow(
                channel, versions.get(0), versions, versions.get(0).text(), null, false);
    }
}
