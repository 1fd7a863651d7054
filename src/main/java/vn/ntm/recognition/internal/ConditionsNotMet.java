package vn.ntm.recognition.internal;

import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.ntm.recognition.DossierView.Condition;
import vn.ntm.shared.BusinessRuleException;

/**
 * The decision refused: each failing condition named in words.
 */
class ConditionsNotMet extends BusinessRuleException {

	ConditionsNotMet(List<Condition> failing) {
		super("recognition.dossier.conditionsNotMet." + Math.min(failing.size(), 4),
				failing.stream()
					.limit(4)
					.map(c -> new DefaultMessageSourceResolvable(new String[] { c.messageKey() },
							c.arguments().toArray(), c.messageKey()))
					.toArray());
	}

}
