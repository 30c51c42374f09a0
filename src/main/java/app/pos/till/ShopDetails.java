package app.pos.till;

import app.pos.shared.ShopTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a receipt says about the shop, for templates as {@code ${@shop.name()}}: its name ({@code pos.shop.name}),
 * address ({@code pos.shop.address}, line breaks kept) and tax id ({@code pos.shop.tax-id}); each null when not
 * configured, and the receipt then leaves that line out (the name falls back to the application's).
 */
@Component("shop")
public class ShopDetails {

    private final String name;
    private final String address;
    private final String taxId;
    private final ShopTime time;

    ShopDetails(
            @Value("${pos.shop.name:}") String name,
            @Value("${pos.shop.address:}") String address,
            @Value("${pos.shop.tax-id:}") String taxId,
            ShopTime time) {
        this.name = blankToNull(name);
        this.address = blankToNull(address);
        this.taxId = blankToNull(taxId);
        this.time = time;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String taxId() {
        return taxId;
    }

    /** The shop's zone, in which receipts show the time of sale. */
    public ZoneId zone() {
        return time.zone();
    }
}
