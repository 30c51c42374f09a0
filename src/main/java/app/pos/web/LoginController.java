package app.pos.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** @param throttled minutes to wait after too many failed logins (anything else in it is ignored) */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        if (throttled != null && throttled.matches("[0-9]{1,4}")) {
            model.addAttribute("throttledMinutes", Math.max(1, Integer.parseInt(throttled)));
        }
        return "login";
    }
}
