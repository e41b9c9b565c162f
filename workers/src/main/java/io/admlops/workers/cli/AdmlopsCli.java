package io.admlops.workers.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.admlops.schemas.UserInputException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The {@code admlops} command line. */
@Command(name = "admlops", mixinStandardHelpOptions = true, version = "admlops 0.1.0",
    description = "MLOps for autonomous-driving perception: the closed data loop on Temporal.",
    subcommands = {
        UpCommand.class,
        WorkerCommand.class,
        DoctorCommand.class,
        CampaignCommand.class,
        AnnotationsCommand.class,
        DatasetCommand.class,
        CollectCommand.class,
        TrainCommand.class,
        PredictCommand.class,
        ModelCommand.class,
        ServeCommand.class,
        EvalCommand.class,
        RunCommand.class,
        DemoCommand.class})
public class AdmlopsCli {

  /** Exit status of errors the user can fix (bad flag, unreachable service, malformed file). */
  static final int USER_ERROR = 2;
  static final int INTERNAL_ERROR = 1;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Verbose logs, and the stack trace of any error.")
  boolean debug;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line on the standard streams and returns its exit status. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs one command line with its output and errors going where the caller says. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    // Models are trained here and natives ship in a jar: DJL must never reach for the network.
    System.setProperty("ai.djl.offline", "true");
    AdmlopsCli root = new AdmlopsCli();
    CommandLine cli = new CommandLine(root).setOut(out).setErr(err);
    cli.setExecutionStrategy(parsed -> {
      setLogLevel(root.debug);
      return new CommandLine.RunLast().execute(parsed);
    });
    cli.setExecutionExceptionHandler(new OneLineErrors(root));
    int status = cli.execute(args);
    // Tables printed without a final newline would otherwise stay in the buffer.
    out.flush();
    return status;
  }

  private static void setLogLevel(boolean debug) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getLogger("io.admlops").setLevel(debug ? Level.DEBUG : Level.INFO);
      logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(debug ? Level.INFO : Level.WARN);
    }
  }

  /** A user sees one line that says what went wrong; the stack trace only with --debug. */
  private record OneLineErrors(AdmlopsCli root) implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
      PrintWriter err = command.getErr();
      if (root.debug) {
        e.printStackTrace(err);
      }
      if (e instanceof UserInputException) {
        err.println("admlops: " + e.getMessage());
        err.flush();
        return USER_ERROR;
      }
      err.println("admlops: " + e.getClass().getSimpleName() + ": " + e.getMessage()
          + (root.debug ? "" : " (--debug shows the stack trace)"));
      err.flush();
      return INTERNAL_ERROR;
    }
  }
}
