package dev.fleetpanel.node.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real processes (coreutils), no shell anywhere. */
class CommandRunnerTest {

  private final CommandRunner runner = CommandRunner.local();

  @Test
  void capturesOutputAndExitStatus() throws Exception {
    CommandResult result = runner.run(Command.of(List.of("echo", "hello", "world")));

    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEqualTo("hello world\n");
    assertThat(result.argv()).containsExactly("echo", "hello", "world");
  }

  @Test
  void argumentsAreNeverInterpretedByAShell() throws Exception {
    CommandResult result = runner.run(Command.of(List.of("echo", "$(id)", ";", "*")));

    assertThat(result.stdout()).isEqualTo("$(id) ; *\n");
  }

  @Test
  void aFailureKeepsItsStatusAndErrors() throws Exception {
    CommandResult result = runner.run(Command.of(List.of("ls", "/no/such/path")));

    assertThat(result.ok()).isFalse();
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("No such file or directory");
    assertThat(result.describe()).startsWith("ls /no/such/path: exit 2: ");
  }

  @Test
  void toolsAnswerInTheCLocale() throws Exception {
    CommandResult result = runner.run(Command.of(List.of("env")));

    assertThat(result.stdout().lines()).contains("LC_ALL=C").noneMatch(l -> l.startsWith("LANG="));
  }

  @Test
  void inputIsStreamedToTheProcess() throws Exception {
    CommandResult result =
        runner.run(
            Command.of(List.of("wc", "-l"))
                .input(
                    in -> {
                      for (int i = 0; i < 100_000; i++) {
                        in.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                      }
                    }));

    assertThat(result.stdout().strip()).isEqualTo("100000");
  }

  @Test
  void outputGoesLineByLineToASink() throws Exception {
    List<String> lines = new ArrayList<>();

    CommandResult result = runner.run(Command.of(List.of("seq", "1", "50000")).lines(lines::add));

    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEmpty();
    assertThat(lines).hasSize(50_000).startsWith("1", "2").endsWith("50000");
  }

  @Test
  void aSinkThatFailsStopsTheCommandAndItsErrorComesBack() {
    assertThatThrownBy(
            () ->
                runner.run(
                    Command.of(List.of("seq", "1", "100000000"))
                        .lines(
                            line -> {
                              if (line.equals("1000")) {
                                throw new IllegalStateException("enough");
                              }
                            })))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("enough");
  }

  @Test
  void aCommandPastItsDeadlineIsKilled() throws Exception {
    long started = System.nanoTime();

    CommandResult result =
        runner.run(Command.of(List.of("sleep", "30")).timeout(Duration.ofMillis(300)));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.describe()).contains("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  /** A process that never reads its input cannot block the writer past the deadline. */
  @Test
  void aProcessThatDoesNotReadItsInputIsKilledAtTheDeadline() throws Exception {
    CommandResult result =
        runner.run(
            Command.of(List.of("sleep", "30"))
                .timeout(Duration.ofMillis(500))
                .input(in -> in.write(new byte[16 << 20])));

    assertThat(result.timedOut()).isTrue();
  }

  @Test
  void aMissingProgramCannotStart() {
    assertThatThrownBy(() -> runner.run(Command.of(List.of("no-such-program-fleetpanel"))))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("cannot start");
  }

  @Test
  void thePrefixGoesInFrontOfEveryCommand() throws Exception {
    CommandRunner prefixed = new CommandRunner(List.of("env", "FLEETPANEL_PREFIX_TEST=1"));

    CommandResult result = prefixed.run(Command.of(List.of("env")));

    assertThat(result.stdout().lines()).contains("FLEETPANEL_PREFIX_TEST=1");
    assertThat(CommandRunner.inNamespace("node1").prefix())
        .containsExactly("ip", "netns", "exec", "node1");
  }
}
