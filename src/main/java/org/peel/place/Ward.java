package org.peel.place;

/** An electoral ward (2015 boundaries, as in ONS's LSOA lookup), by GSS code, within its borough. */
public record Ward(String code, String name, String boroughCode) {
}
