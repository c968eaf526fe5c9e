package org.peel.investigation;

import org.peel.place.AreaIndex;
import org.peel.place.PlaceStore;
import org.peel.place.PostcodePlace;

import java.util.Optional;

/**
 * Places a crime's address (by its postcode) or coordinates in an LSOA, ward and borough, so the officer need not
 * know the codes. The area
 * index is built on first use, from the boundaries the place store holds.
 */
public class CrimeLocator {

    /** Where a point lies. */
    public record Place(String lsoaCode, String wardCode, String boroughCode) {
    }

    /** A locator that knows no places (when no geography has been imported, or in tests of other things). */
    public static final CrimeLocator NONE = new CrimeLocator(null);

    private final PlaceStore places;
    private volatile AreaIndex index;

    public CrimeLocator(PlaceStore places) {
        this.places = places;
    }

    public Optional<Place> locate(double latitude, double longitude) {
        if (places == null) {
            return Optional.empty();
        }
        AreaIndex i = index;
        if (i == null) {
            i = AreaIndex.load(places);
            index = i;
        }
        return i.locate(latitude, longitude).map(m -> new Place(m.lsoaCode(), m.wardCode(), m.boroughCode()));
    }

    /** Where the postcode in an address as typed lies, when the address has one the postcode directory holds. */
    public Optional<PostcodePlace> atAddress(String address) {
        String postcode = PlaceStore.postcodeIn(address);
        return places == null || postcode == null ? Optional.empty() : places.placeOfPostcode(postcode);
    }
}
