package org.relaydoctor.ui.common;

import javafx.scene.control.Label;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.VerdictCode;

/// The colour a verdict is shown in: green when mail relays, red for a restriction the user can fix in the
/// settings, amber when the server could not be checked properly from here.
public enum VerdictTone {
    /// Mail relays with these settings.
    SUCCESS,
    /// A restriction with a fix in the settings or at the provider.
    DANGER,
    /// The check could not reach a real answer (network, name, rate limits).
    WARNING;

    public static VerdictTone of(VerdictCode code) {
        return switch (code) {
            case OK -> SUCCESS;
            case AUTH_REQUIRED, POP_BEFORE_SMTP, NETWORK_RESTRICTED, SENDER_NOT_LOCAL, SENDER_NOT_OWNED,
                 SENDER_UNKNOWN, NULL_SENDER_REJECTED, RECIPIENT_NOT_LOCAL, CLIENT_BLOCKED_DYNAMIC, CLIENT_BLOCKED,
                 TLS_REQUIRED, TLS_FAILED, AUTH_FAILED, AUTH_UNAVAILABLE -> DANGER;
            case PORT_BLOCKED, CONNECTION_REFUSED, NO_GREETING, HOST_NOT_FOUND, RECIPIENT_UNKNOWN, RATE_LIMITED,
                 UNKNOWN -> WARNING;
        };
    }

    /// The CSS class of badges in this tone (see `theme/app.css`).
    public String styleClass() {
        return "badge-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /// A small coloured label with the verdict's short name in the window's language ("Login needed"), the
    /// whole title and the code as tooltip and accessible text; the code itself where no short name exists yet.
    public static Label badge(VerdictCode code, Messages text, Messages verdicts) {
        String key = "badge." + code.name();
        Label badge = new Label(text.has(key) ? text.get(key) : code.name());
        badge.getStyleClass().addAll("verdict-badge", of(code).styleClass());
        // A badge is read whole or not at all: never squeezed into "Login ne…".
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        String title = verdicts.get("verdict." + code.name() + ".title") + " (" + code.name() + ")";
        badge.setAccessibleText(title);
        LazyTooltip.install(badge, title);
        return badge;
    }
}
