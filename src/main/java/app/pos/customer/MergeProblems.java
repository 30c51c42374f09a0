package app.pos.customer;

import app.pos.shared.PosException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

final class MergeProblems {

    private MergeProblems() {}

    /** The record to merge away no longer exists: the merge was already done (a resubmitted form) or it was deleted. */
    public static final class AlreadyMerged extends PosException {
        AlreadyMerged(UUID mergedId) {
            super(
                    HttpStatus.CONFLICT,
                    "Already merged",
                    "Customer " + mergedId
                            + " no longer exists: this merge was already done or the record was deleted. "
                            + "Nothing was changed.");
        }
    }
}
