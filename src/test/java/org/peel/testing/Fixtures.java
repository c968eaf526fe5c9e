package org.peel.testing;

import org.peel.access.Role;
import org.peel.access.User;

/** Ready-made people and things for tests, named as a reader of the test would say them. */
public final class Fixtures {

    public static final String WESTMINSTER = "E09000033";
    public static final String CAMDEN = "E09000007";

    private Fixtures() {
    }

    public static User neighbourhoodOfficerIn(String borough) {
        return new User(1, "pc.smith", "PC Smith", Role.NEIGHBOURHOOD_OFFICER, borough);
    }

    public static User investigatorIn(String borough) {
        return new User(2, "dc.jones", "DC Jones", Role.INVESTIGATOR, borough);
    }

    public static User inspector() {
        return new User(3, "hmi.brown", "HMI Brown", Role.INSPECTOR, null);
    }

    public static User intelligenceAnalyst() {
        return new User(4, "ia.patel", "Analyst Patel", Role.INTELLIGENCE_ANALYST, null);
    }

    public static User administrator() {
        return new User(5, "admin", "Admin", Role.ADMINISTRATOR, null);
    }
}
