package app.pos.backoffice;

import app.pos.customer.CustomerImport;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/** The uploaded file and its last check, kept in the manager's session between preview, check and import. */
@Component
@SessionScope
class ImportSession implements Serializable {

    private List<List<String>> table = List.of();
    private Map<String, Integer> mapping = Map.of();
    private CustomerImport.Checked checked;
    private boolean imported;

    synchronized void load(List<List<String>> table, Map<String, Integer> mapping) {
        this.table = List.copyOf(table);
        this.mapping = Map.copyOf(mapping);
        this.checked = null;
        this.imported = false;
    }

    synchronized List<List<String>> table() {
        return table;
    }

    synchronized Map<String, Integer> mapping() {
        return mapping;
    }

    synchronized void checked(Map<String, Integer> mapping, CustomerImport.Checked checked) {
        this.mapping = Map.copyOf(mapping);
        this.checked = checked;
        this.imported = false;
    }

    /** Keeps the check the import ran on, so the report lists what that import rejected. */
    synchronized void imported(CustomerImport.Checked checked) {
        this.checked = checked;
        this.imported = true;
    }

    synchronized boolean isImported() {
        return imported;
    }

    synchronized CustomerImport.Checked checked() {
        return checked;
    }
}
