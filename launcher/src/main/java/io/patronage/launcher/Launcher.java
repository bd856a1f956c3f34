package io.patronage.launcher;

import io.patronage.harness.ServiceJars;
import io.patronage.launcher.demo.Demo;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar launcher/target/patronage-launcher.jar [--demo] [--data-dir DIR]}: embedded Kafka and
 * MongoDB, the four services, optionally demo traffic; Ctrl-C stops it all. {@code ... rebuild} rebuilds
 * the running points-service's balances from its event log ({@link RebuildCommand}); {@code ... clock} moves the
 * simulated clock of a platform started with {@code --simulated-clock} ({@link ClockCommand}); {@code ... token}
 * prints a bearer token the platform accepts ({@link TokenCommand}).
 */
public final class Launcher {

    private final LauncherOptions options;
    private final Platform platform;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Demo demo;
    private boolean stopping;

    private Launcher(LauncherOptions options, ServiceJars jars, PrintStream out) {
        this.options = options;
        this.out = out;
        this.platform = new Platform(new PlatformConfig(options.dataDir(), options.kafkaPort(), options.mongoPort(),
                options.servicePorts(), jars, PlatformConfig.DEFAULT_READINESS_TIMEOUT, options.simulatedClock()), out);
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.exit(RebuildCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("clock")) {
            System.exit(ClockCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("patronage-launcher: " + e.getMessage());
            System.err.println();
            System.err.print(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LauncherOptions.USAGE);
            return;
        }
        ServiceJars jars;
        try {
            jars = ServiceJars.locate(options.servicesDir());
        } catch (ServiceJars.MissingServiceJarsException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }

        Launcher launcher = new Launcher(options, jars, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "patronage-shutdown"));
        try {
            launcher.start();
        } catch (PlatformStartException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            // Without this the broker's threads would keep a launcher without a main thread alive.
            e.printStackTrace();
            System.exit(1);
        }
        launcher.stopped.await();
    }

    private void start() throws PlatformStartException {
        platform.start();
        out.println("Press Ctrl-C to stop.");
        if (options.demo()) {
            synchronized (this) {
                if (!stopping) {
                    demo = Demo.start(platform, options.dataDir(), out);
                }
            }
        }
    }

    private void stop() {
        Demo running;
        synchronized (this) {
            stopping = true;
            running = demo;
        }
        out.println("Stopping Patronage...");
        if (running != null) {
            running.close();
        }
        platform.close();
        out.println("Patronage stopped.");
        stopped.countDown();
    }
}
