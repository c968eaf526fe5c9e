package org.peel.place;

/** A police force area (PFA), by ONS GSS code: {@code E23…} in England, {@code W15…} in Wales. */
public record ForceArea(String code, String name) {
}
