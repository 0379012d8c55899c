package org.relaydoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `relay-doctor demo`: starts the built-in demo servers on 127.0.0.1 and runs the real check on each
/// scenario, printing the verdict each one got. Nothing leaves the machine.
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the check against built-in demo mail servers on 127.0.0.1, one per restriction.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "ID", description = "Run only this scenario (see the list without it).")
    String scenario;

    @Option(names = "--json", description = "Print each scenario's full result as JSON.")
    boolean json;

    @Option(names = "--progress", description = "Show each step on stderr.")
    boolean progress;

    @Option(names = "--lang", paramLabel = "ru|en|uk", converter = CheckCommand.LanguageConverter.class,
            description = "Language of the output (default: the system's).")
    Locale lang;

    @Override
    public Integer call() {
        Locale locale = lang != null ? lang : Locale.getDefault();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Messages m = Messages.load("cli", locale);
        try (DemoServers demo = DemoServers.start()) {
            List<DemoScenario> chosen = demo.scenarios().stream()
                    .filter(s -> scenario == null || s.id().equals(scenario)).toList();
            if (chosen.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Unknown scenario '" + scenario + "'; known: "
                        + String.join(", ", demo.scenarios().stream().map(DemoScenario::id).toList()));
            }
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode all = mapper.createArrayNode();
            JsonReport report = new JsonReport(locale);
            boolean allMatch = true;
            for (DemoScenario s : chosen) {
                CheckResult r = new AccountCheck(demo.checkOptions(locale)).run(s.profile(),
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
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            err.println(m.get("check.error.internal", e.getClass().getSimpleName() + ": " + e.getMessage()));
            return ExitStatus.COULD_NOT_CHECK;
        }
    }
}
