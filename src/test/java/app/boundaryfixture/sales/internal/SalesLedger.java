package app.boundaryfixture.sales.internal;

/** Public to Java, internal to its module: only {@code sales} may use it. */
public class SalesLedger {

    public int rows() {
        return 0;
    }
}
