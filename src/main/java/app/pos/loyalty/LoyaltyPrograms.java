package app.pos.loyalty;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's one loyalty program: read by any staff user, replaced as a whole by an ADMIN. */
@Service
public class LoyaltyPrograms {

    private final ProgramRepository repository;
    private final ProgramRules rules;
    private final Clock clock;

    LoyaltyPrograms(ProgramRepository repository, ProgramRules rules, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LoyaltyProgram current() {
        return repository.load();
    }

    /** Checks and stores the program; a broken rule is an {@link app.pos.shared.InvalidInput} naming the field. */
    @Transactional
    public LoyaltyProgram update(LoyaltyProgram program, String staff) {
        LoyaltyProgram checked = rules.checked(program);
        repository.replace(checked, staff, OffsetDateTime.now(clock));
        return repository.load();
    }
}
