package io.natrium.application.account;

import io.natrium.domain.sublist.InvalidSubjectException;

import java.util.ArrayList;
import java.util.List;

/**
 * The shadows nats-server's {@code addShadowSubscriptions} makes: a client's subscription in an account with stream
 * imports is copied, with its client and sid, into the sublist of each exporter whose import it meets, on the subject
 * in the exporter's space. nats-server delivers the imported messages through them; Natrium delivers through the
 * import routes, so a shadow is made closed (publishers pass it by) and only counts the messages that came through
 * its import in place of the subscription. They are there so that /subsz, /varz, /accountz, the sublist statistics
 * and the SUBSZ services count and list them as nats-server does.
 */
public final class ShadowSubscriptions {

    private ShadowSubscriptions() {
    }

    /** Makes the shadows of a subscription just added to its account. */
    public static void add(ClientSubscription subscription) {
        List<StreamImportSource> imports = subscription.account().streamImports();
        if (imports.isEmpty()) {
            return;
        }
        List<ClientSubscription> made = new ArrayList<>(imports.size());
        for (StreamImportSource source : imports) {
            String subject = source.resolved().shadowSubject(subscription.subject());
            if (subject == null) {
                continue;
            }
            ClientSubscription shadow = ClientSubscription.shadowOf(subscription, source, subject);
            try {
                source.exporter().sublist().insert(shadow);
                made.add(shadow);
            } catch (InvalidSubjectException e) {
                // nats-server skips a shadow it cannot insert (logged at debug); so does Natrium.
            }
        }
        if (!made.isEmpty()) {
            subscription.shadows(made.toArray(new ClientSubscription[0]));
        }
    }

    /** Takes a subscription's shadows out of their exporters, as the subscription goes. */
    public static void remove(ClientSubscription subscription) {
        ClientSubscription[] shadows = subscription.shadows();
        if (shadows == null) {
            return;
        }
        for (ClientSubscription shadow : shadows) {
            shadow.shadowed().exporter().sublist().remove(shadow);
        }
    }
}
