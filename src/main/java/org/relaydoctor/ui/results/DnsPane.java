package org.relaydoctor.ui.results;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.MxRecord;
import org.relaydoctor.dns.Provider;
import org.relaydoctor.dns.ProviderCatalog;

/// The results view's DNS tab: MX records and their providers, server names, SRV, SPF, reverse DNS, blocklists.
final class DnsPane extends ScrollPane {
    private final Messages text;
    private final VBox box = new VBox(8);

    DnsPane(DnsReport dns, Messages text) {
        this.text = text;
        setId("dnsPane");
        setFitToWidth(true);
        box.setPadding(new Insets(10));
        setContent(box);

        title(text.get("results.dns.domain", dns.domain()));
        // "system" is the engine's word for the system's resolvers, not a text to show.
        line(text.get("results.dns.resolver", "system".equals(dns.resolver())
                ? text.get("results.dns.resolver.system") : dns.resolver()));
        dns.provider().ifPresent(p -> line(text.get("results.dns.providerIs", providerName(p))));
        if (dns.findings().stream().anyMatch(f -> f.code() == FindingCode.MX_MIXED)) {
            callout("mixedMxWarning", text.get("results.dns.mixed"));
        }
        if (dns.mxStatus().failed()) {
            callout("mxLookupFailed", text.get("results.dns.failed", dns.mxStatus().name()));
        }
        TableView<MxRecord> table = new TableView<>();
        table.setId("mxTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get(dns.mxStatus().failed() ? "results.dns.unknown" : "results.dns.noMx")));
        table.getColumns().add(column("results.dns.preference", r -> Integer.toString(r.preference())));
        table.getColumns().add(column("results.dns.host", MxRecord::host));
        table.getColumns().add(column("results.dns.provider", r -> r.provider().map(this::providerName).orElse("—")));
        table.getColumns().add(column("results.dns.addresses", r -> String.join(", ", r.addresses())));
        table.getColumns().add(column("results.dns.problem",
                r -> r.problem().map(p -> text.get("results.dns.problem." + p.name())).orElse("")));
        table.getItems().setAll(dns.mx());
        table.setPrefHeight(60 + 28 * Math.max(1, dns.mx().size()));
        box.getChildren().add(table);

        if (!dns.servers().isEmpty()) {
            title(text.get("results.dns.servers"));
            for (DnsReport.ServerName s : dns.servers()) {
                String role = text.get("results.dns.role." + s.role());
                line(s.addresses().isEmpty()
                        ? text.get("results.dns.serverMissing", role, s.host(), s.status().name())
                        : text.get("results.dns.server", role, s.host(), String.join(", ", s.addresses())));
                s.suggestion().ifPresent(x -> callout("didYouMean", text.get("results.dns.didYouMean", x)));
            }
        }
        if (!dns.srv().isEmpty()) {
            title(text.get("results.dns.srv"));
            dns.srv().forEach(r -> line(r.service() + "  " + r.priority() + " " + r.weight() + " " + r.port() + " " + r.target()));
        }
        dns.spf().filter(s -> s.status().answered()).ifPresent(spf -> {
            title(text.get("results.dns.spf"));
            line(spf.record().orElse(text.get("results.dns.spfNone")));
            spf.evaluations().forEach(e -> line(text.get("results.dns.spfResult", e.address(), e.result().name(),
                    e.mechanism())));
        });
        if (!dns.reverse().isEmpty()) {
            title(text.get("results.dns.reverse"));
            dns.reverse().forEach(r -> line(text.get("results.dns.reverseLine", text.get("results.dns.role." + r.role()),
                    r.address(), r.name().orElse(r.status().name()))));
        }
        if (!dns.blocklists().isEmpty()) {
            title(text.get("results.dns.blocklists"));
            dns.blocklists().forEach(b -> line(text.get(b.listed() || !b.codes().isEmpty() && b.status().answered()
                    ? "results.dns.listed" : "results.dns.notListed", b.address(), b.zone(),
                    b.codes().isEmpty() ? b.status().name() : String.join(", ", b.codes()))));
        }
    }

    private String providerName(String id) {
        return ProviderCatalog.bundled().byId(id).map(Provider::name).orElse(id);
    }

    private void title(String value) {
        Label l = new Label(value);
        l.getStyleClass().add("section-title");
        box.getChildren().add(l);
    }

    private void line(String value) {
        Label l = new Label(value);
        l.setWrapText(true);
        box.getChildren().add(l);
    }

    private void callout(String id, String value) {
        Label l = new Label(value);
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().addAll("callout", "badge-warning");
        box.getChildren().add(l);
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(text.get(key));
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return c;
    }

}
