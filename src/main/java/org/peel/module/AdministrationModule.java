package org.peel.module;

import io.javalin.config.RoutesConfig;
import org.peel.access.User;
import org.peel.access.UserAccounts;
import org.peel.web.AdminRoutes;
import org.peel.web.ApiRoutes;
import org.peel.web.Attention;
import org.peel.web.SignInRoutes;

import java.util.List;

/** The kernel's own pages: signing in and out, the API's account routes, and the administrator's users and audit. */
public final class AdministrationModule implements Module {

    private final ModuleContext context;
    private final UserAccounts accounts;
    private final AdminRoutes admin;
    private final Attention.Source attention;

    public AdministrationModule(ModuleContext context) {
        this.context = context;
        this.accounts = new UserAccounts(context.access(), context.audit());
        this.admin = new AdminRoutes(context.web(), context.access(), accounts, context::boroughNames, context.clock());
        this.attention = admin.attention();
    }

    @Override
    public void routes(RoutesConfig routes) {
        new SignInRoutes(context.web(), context.access(), context.clock()).register(routes);
        new ApiRoutes(context.web(), accounts).register(routes);
        admin.register(routes);
    }

    @Override
    public List<Attention> attention(User user) {
        return attention.forUser(user);
    }
}
