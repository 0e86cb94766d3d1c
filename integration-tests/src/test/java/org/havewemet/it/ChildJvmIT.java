package org.havewemet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child-JVM launcher itself, on a tiny program of this test classpath ({@link ChildJvmIT.Program}). */
class ChildJvmIT {
    static final Pattern READY = Pattern.compile("ready port=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void awaitOutputShouldReturnTheMatchOnceTheChildPrintsIt() throws IOException, InterruptedException {
        try (ChildJvm child = ChildJvm.mainClass(Program.class.getName(), "serve", "4711").quickStart()
            .start(dir.resolve("serve.log"))) {
            Matcher ready = child.awaitOutput(READY, Duration.ofSeconds(60));

            assertThat(ready.group(1)).isEqualTo("4711");
            assertThat(child.isAlive()).isTrue();
            child.killHard();
            assertThat(child.isAlive()).isFalse();
        }
    }

    @Test
    void awaitOutputShouldFailWithTheLogWhenTheChildExitsFirst() throws IOException {
        try (ChildJvm child = ChildJvm.mainClass(Program.class.getName(), "fail").quickStart()
            .start(dir.resolve("fail.log"))) {
            assertThatThrownBy(() -> child.awaitOutput(READY, Duration.ofSeconds(60)))
                .hasStackTraceContaining("the JVM exited with 3 before printing")
                .hasStackTraceContaining("cannot start: no port");
        }
    }

    @Test
    void stopShouldEndTheChildThroughItsShutdownHooks() throws IOException, InterruptedException {
        try (ChildJvm child = ChildJvm.mainClass(Program.class.getName(), "serve", "1").quickStart()
            .start(dir.resolve("stop.log"))) {
            child.awaitOutput(READY, Duration.ofSeconds(60));

            child.stop();

            assertThat(child.isAlive()).isFalse();
            assertThat(child.output()).contains("shutdown hook ran");
        }
    }

    /** "serve PORT": prints that it is ready, then waits for its standard input to close. "fail": exits with 3. */
    static final class Program {
        private Program() {
        }

        public static void main(String[] args) throws IOException {
            if (!"serve".equals(args[0])) {
                System.out.println("cannot start: no port");
                System.exit(3);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
            System.out.println("ready port=" + args[1]);
            System.out.flush();
            while (System.in.read() >= 0) {
                // block until the parent closes our standard input or kills us
            }
        }
    }
}
