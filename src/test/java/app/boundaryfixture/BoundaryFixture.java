package app.boundaryfixture;

import org.springframework.modulith.Modulithic;

/**
 * A tiny application with two deliberate boundary violations, so that {@code ModuleStructureTests} can show that
 * the check it runs on the POS fails when a feature breaks the rules: {@code billing} uses a type inside
 * {@code sales.internal}, and {@code stock} uses {@code billing}, which its declaration does not allow.
 */
@Modulithic
public final class BoundaryFixture {

    private BoundaryFixture() {}
}
