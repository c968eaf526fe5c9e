package org.peel.place;

/**
 * A borough: the local authority a basic command unit is drawn around (in London, the 32 boroughs and the City),
 * by ONS GSS code, with the force area it belongs to.
 */
public record Borough(String code, String name, String forceCode) {
}
