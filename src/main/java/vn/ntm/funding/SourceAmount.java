package vn.ntm.funding;

import vn.ntm.shared.Money;

/** An amount of one source. */
public record SourceAmount(String source, String sourceName, Money amount) {
}
