package org.peel.synthetic;

import java.util.Locale;

/**
 * Force names as the public sources spell them differently: "Devon & Cornwall" and "Devon and Cornwall",
 * "London, City of" and "City of London", "Metropolitan Police Service" and "Metropolitan Police",
 * and police.uk's file slugs ("devon-and-cornwall").
 */
public final class ForceNames {

    private ForceNames() {
    }

    /** A comparison key: the same for every spelling of one force. */
    public static String key(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('&', ' ').replace('-', ' ');
        if (n.endsWith(", city of")) {
            n = "city of " + n.substring(0, n.length() - ", city of".length());
        }
        n = (" " + n.replaceAll("[^a-z ]", " ") + " ")
                .replace(" and ", " ")
                .replace(" police service ", " ")
                .replace(" police ", " ")
                .replace(" constabulary ", " ")
                .replace(" service ", " ");
        return n.replaceAll("\\s+", "");
    }

    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
