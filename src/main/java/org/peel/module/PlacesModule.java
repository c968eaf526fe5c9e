package org.peel.module;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
import org.peel.place.PlaceRoutes;
import org.peel.web.Capability;

import java.util.List;

/** The force's places: boroughs, wards and LSOAs with their maps, offered under Prevention. */
public final class PlacesModule implements Module {

    private final ModuleContext context;

    public PlacesModule(ModuleContext context) {
        this.context = context;
    }

    @Override
    public void routes(RoutesConfig routes) {
        new PlaceRoutes(context.web(), context.places()).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(new Capability(Section.PREVENTION, "Borough and ward profiles",
                "The force's boroughs, wards and LSOAs, with maps", "/places"));
    }
}
