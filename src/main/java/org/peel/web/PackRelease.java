package org.peel.web;

import io.javalin.http.Context;
import org.peel.access.PartnerPack;
import org.peel.access.ShareGate;
import org.peel.access.ShareRequest;
import org.peel.access.SharedRecord;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.access.User;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The web side of a meeting pack (MARAC, complex case panel, ASB case review): the form naming the receiving agency,
 * the agreement, the purpose and the format, and the release through the {@link ShareGate} by {@link PartnerPack}:
 * the document as a download, or the gate's refusal with its reasons (403). The capability's routes authorize the
 * user for the meeting first and say what the pack holds; the gate logs and audits the release or refusal.
 */
public final class PackRelease {

    /** What one pack is: its page's caption and heading, where the form posts, and what it holds. */
    public record Pack(String caption, String heading, String action, List<String> contents, String channel,
                       String fileStem) {
    }

    private final Web web;
    private final SharingStore sharing;
    private final ShareGate gate;
    private final Clock clock;

    public PackRelease(Web web, SharingStore sharing, Clock clock) {
        this.web = web;
        this.sharing = sharing;
        this.gate = sharing;
        this.clock = clock;
    }

    public void form(Context ctx, Pack pack) {
        show(ctx, 200, pack, FormErrors.none(), Map.of(), List.of());
    }

    /** Checks the form, asks the gate, and answers with the document or the refusal. */
    public void release(Context ctx, User user, Pack pack, Supplier<List<SharedRecord>> records) {
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("recipient", "agreement", "purpose", "format")) {
            values.put(f, FormErrors.text(ctx, f));
        }
        FormErrors errors = FormErrors.none();
        if (sharing.organisation(values.get("recipient")).isEmpty()) {
            errors.add("recipient", "Choose the agency the pack is for");
        }
        if (values.get("agreement").isEmpty()) {
            errors.add("agreement", "Choose the information-sharing agreement the pack is shared under");
        }
        if (values.get("purpose").isEmpty()) {
            errors.add("purpose", "Say what the pack is for, e.g. the meeting it is read at");
        }
        var format = PartnerPack.Format.fromText(values.get("format"));
        if (format.isEmpty()) {
            errors.add("format", "Choose PDF or CSV");
        }
        if (errors.any()) {
            show(ctx, 400, pack, errors, values, List.of());
            return;
        }
        PartnerPack.Release released = PartnerPack.share(gate, user, new ShareRequest(values.get("recipient"),
                        values.get("agreement"), values.get("purpose"), pack.channel(), records.get()), format.get(),
                pack.heading(), pack.contents(), pack.fileStem());
        if (released.document().isEmpty()) {
            show(ctx, 403, pack, FormErrors.none(), values, released.decision().reasons());
            return;
        }
        PartnerPack.Document d = released.document().get();
        Web.noStore(ctx);
        ctx.contentType(d.format().contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + d.filename() + "\"");
        ctx.result(d.bytes());
    }

    private void show(Context ctx, int status, Pack pack, FormErrors errors, Map<String, String> values,
                      List<String> refusal) {
        LocalDate today = LocalDate.now(clock);
        List<SharingAgreement> active = sharing.agreements().stream().filter(a -> a.activeOn(today)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("caption", pack.caption());
        params.put("heading", pack.heading());
        params.put("action", pack.action());
        params.put("contents", pack.contents());
        params.put("errors", errors);
        params.put("values", values);
        params.put("organisations", sharing.organisations());
        params.put("agreements", active);
        params.put("refusal", refusal);
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "sharepack.jte", web.page(ctx, pack.heading(), null), params);
    }
}
