package org.peel.web;

import org.peel.access.Section;

/** A piece of Peel a section offers, shown on that section's page with a link to it. */
public record Capability(Section section, String title, String description, String link) {
}
