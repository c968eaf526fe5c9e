package org.peel.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of an indicator, as pure functions: a value, or the reason there is none. Values are rounded half up
 * to the definition's decimals, as the Home Office and the inspectorate publish them (one decimal).
 */
public final class IndicatorArithmetic {

    private IndicatorArithmetic() {
    }

    /** A value or why not. */
    public record Result(Double value, String reason) {
        static Result of(double v) {
            return new Result(v, null);
        }

        static Result none(String reason) {
            return new Result(null, reason);
        }
    }

    /** numerator ÷ denominator × factor; no value when the denominator is zero. */
    public static Result ratio(double numerator, double denominator, BigDecimal factor, int decimals) {
        if (denominator <= 0) {
            return Result.none("the denominator is zero");
        }
        BigDecimal v = BigDecimal.valueOf(numerator).multiply(factor)
                .divide(BigDecimal.valueOf(denominator), decimals + 6, RoundingMode.HALF_UP);
        return Result.of(round(v, decimals));
    }

    /** (now − then) ÷ then × 100; no value when the earlier count is zero. */
    public static Result percentChange(double now, double then, int decimals) {
        if (then <= 0) {
            return Result.none("the earlier count is zero, so a percentage change means nothing");
        }
        BigDecimal v = BigDecimal.valueOf(now - then).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(then), decimals + 6, RoundingMode.HALF_UP);
        return Result.of(round(v, decimals));
    }

    static double round(BigDecimal v, int decimals) {
        return v.setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
