package org.peel.place;

/**
 * A lower layer super output area (2011): the small area, about 1,500 residents, that police.uk and ONS publish
 * figures for, with the ward and borough that contain it.
 */
public record Lsoa(String code, String name, String wardCode, String boroughCode) {
}
