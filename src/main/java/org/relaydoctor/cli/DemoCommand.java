package org.relaydoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.report.JsonReport;

/// `relay-doctor demo`: starts the built-in demo servers on 127.0.0.1 and runs the real check on each
/// scenario, printing the verdict each one got. Nothing leaves the machine.
final class DemoCommand implements Subcommand {
    static final String DESCRIPTION =
            "Runs the check against built-in demo mail servers on 127.0.0.1, one per restriction.";

    static final Opt<String> SCENARIO = Opt.text("scenario", "ID", "Run only this scenario (see the list without it).");
    static final Opt<Boolean> JSON = Opt.flag("json", "Print each scenario's full result as JSON.");
    static final Opt<Boolean> PROGRESS = Opt.flag("progress", "Show each step on stderr.");
    static final Opt<Locale> LANG = SharedOptions.LANG;

    @Override
    public CommandSpec spec() {
        return CommandSpec.of(RelayDoctorCommand.NAME + " demo", DESCRIPTION).withOptions(SCENARIO, JSON, PROGRESS, LANG);
    }

    @Override
    public int run(ParsedArgs args, Output output) throws UsageException {
        Locale locale = args.value(LANG).orElse(Locale.getDefault());
        PrintWriter out = output.out();
        PrintWriter err = output.err();
        String scenario = args.value(SCENARIO).orElse(null);
        boolean json = args.has(JSON);
        boolean progress = args.has(PROGRESS);
        Messages m = Messages.load("cli", locale);
        try (DemoServers demo = DemoServers.start()) {
            List<DemoScenario> chosen = demo.scenarios().stream()
                    .filter(s -> scenario == null || s.id().equals(scenario)).toList();
            if (chosen.isEmpty()) {
                throw new UsageException("Unknown scenario '" + scenario + "'; known: "
                        + String.join(", ", demo.scenarios().stream().map(DemoScenario::id).toList()));
            }
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode all = mapper.createArrayNode();
            JsonReport report = new JsonReport(locale);
            boolean allMatch = true;
            for (DemoScenario s : chosen) {
                CheckResult r = demo.newCheck(locale).run(s.profile(),
                        Credentials.of(s.password()), progress ? new ConsoleProgress(err) : CheckListener.NONE);
                boolean match = r.verdict().code() == s.expected();
                allMatch &= match;
                if (json) {
                    all.addObject().put("scenario", s.id()).put("expected", s.expected().name())
                            .put("match", match).set("result", report.tree(r));
                } else {
                    out.println(m.get("demo.line", s.id(), s.expected().name(), r.verdict().code().name(),
                            r.duration().toMillis(), m.get(match ? "demo.match" : "demo.mismatch")));
                    out.flush();
                }
            }
            if (json) {
                out.println(mapper.writeValueAsString(all));
            }
            out.flush();
            return allMatch ? ExitStatus.RELAY_WORKS : ExitStatus.RESTRICTION;
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            err.println(m.get("check.error.internal", e.getClass().getSimpleName() + ": " + e.getMessage()));
            return ExitStatus.COULD_NOT_CHECK;
        }
    }
}
